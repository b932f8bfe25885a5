package dev.cganstudio.ui;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the studio looks for things when it opens: the MNIST folder offered in the training
 * form, the folder new runs go to, and the per-user cache holding the judge.
 *
 * @param dataFolder MNIST folder offered first, or null when none is known
 * @param outputFolder folder in which each run makes its own folder
 * @param cacheFolder per-user folder where the trained judge is kept between runs
 * @param liveSamplesMillis interval between live sample grids while training, 0 turns them off
 */
public record StudioSettings(Path dataFolder, Path outputFolder, Path cacheFolder, long liveSamplesMillis) {

    /** Environment variable naming the MNIST folder, shared with the command line. */
    static final String DATA_VARIABLE = "CGAN_MNIST_DIR";
    /** Environment variable naming the cache folder, shared with the command line. */
    static final String CACHE_VARIABLE = "CGAN_CACHE_DIR";
    /** A fresh grid each second: often enough to watch, rare enough to cost under 1% of training. */
    static final long DEFAULT_LIVE_SAMPLES_MILLIS = 1000;

    /** The settings of this user and environment. */
    public static StudioSettings fromEnvironment() {
        Path cache = userCacheFolder();
        String data = System.getenv(DATA_VARIABLE);
        Path dataFolder = data != null && !data.isBlank() ? Path.of(data)
                : Files.isDirectory(cache.resolve("mnist")) ? cache.resolve("mnist") : null;
        return new StudioSettings(dataFolder, Path.of("output"), cache, DEFAULT_LIVE_SAMPLES_MILLIS);
    }

    /** {@code $CGAN_CACHE_DIR}, else {@code $XDG_CACHE_HOME/cgan-studio}, else {@code ~/.cache/cgan-studio}. */
    private static Path userCacheFolder() {
        String explicit = System.getenv(CACHE_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cgan-studio");
    }
}
