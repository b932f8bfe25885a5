package dev.cganstudio.cli;

import dev.cganstudio.io.UserFolders;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the verbs that need data, the judge or native threads. */
final class EngineOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the four MNIST files (raw or .gz). Default: $CGAN_MNIST_DIR, the cache, "
                    + "then a download.")
    Path data;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Per-user cache for MNIST and the judge. Default: $CGAN_CACHE_DIR, "
                    + "$XDG_CACHE_HOME/cgan-studio or ~/.cache/cgan-studio.")
    Path cache;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Native math threads; 0 (default) uses one per core.")
    int threads;

    /**
     * Requires a thread count from 0 (one per core) to the number of cores: more threads than cores
     * only make the native pools fight over them (1000 left a run making no progress at all).
     */
    static void requireThreads(CommandLine commandLine, int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads < 0 || threads > cores) {
            throw new CommandLine.ParameterException(commandLine, "Invalid value for option '--threads': expected "
                    + "0 (one per core) to " + cores + " (this machine's cores), found '" + threads + "'");
        }
    }

    Path cacheFolder() {
        return cache != null ? cache : UserFolders.cache();
    }
}
