package dev.cganstudio.ui;

import dev.cganstudio.data.MnistSources;
import dev.cganstudio.io.UserFolders;

import java.nio.file.Path;

/**
 * Where the studio looks for things when it opens: the MNIST folder offered in the training
 * form, the folder new runs go to, and the per-user cache holding MNIST and the judge.
 *
 * @param dataFolder MNIST folder offered first, or null to find or fetch MNIST as the command line does
 * @param outputFolder folder in which each run makes its own folder
 * @param cacheFolder per-user folder where MNIST and the trained judge are kept between runs
 * @param liveSamplesMillis interval between live sample grids while training, 0 turns them off
 * @param dryRun train each run as the command line's {@code --dry-run} does: short epochs on 256
 *               digits, a judge trained on them; for trying the studio out and for its tests
 */
public record StudioSettings(Path dataFolder, Path outputFolder, Path cacheFolder, long liveSamplesMillis,
                             boolean dryRun) {

    /** A fresh grid each second: often enough to watch, rare enough to cost about 1% of training. */
    static final long DEFAULT_LIVE_SAMPLES_MILLIS = 1000;

    /** The settings of this user and environment, as the command line reads them. */
    public static StudioSettings fromEnvironment() {
        String data = System.getenv(MnistSources.DATA_DIR_VARIABLE);
        return new StudioSettings(data == null || data.isBlank() ? null : Path.of(data), Path.of("output"),
                UserFolders.cache(), DEFAULT_LIVE_SAMPLES_MILLIS, false);
    }
}
