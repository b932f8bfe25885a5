package dev.cganstudio.testing;

import dev.cganstudio.model.Preset;
import dev.cganstudio.training.DataLocator;
import dev.cganstudio.training.TrainingOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The smallest real training runs, for tests of what happens around training (stops, crashes,
 * divergence, full disks): dry runs on {@value #TRAIN_IMAGES} synthetic digits, so an epoch is
 * {@value #STEPS_PER_EPOCH} steps of the dry run's batch and takes seconds.
 */
public final class TinyRuns {

    /** Training digits: three batches of the dry run. */
    public static final int TRAIN_IMAGES = 3 * TrainingOptions.DRY_RUN_BATCH;
    /** Steps in one epoch of a tiny run. */
    public static final int STEPS_PER_EPOCH = TRAIN_IMAGES / TrainingOptions.DRY_RUN_BATCH;
    /** Test digits the dry run's judge is checked on and the Fréchet distance compares to. */
    public static final int TEST_IMAGES = TrainingOptions.DRY_RUN_TEST_IMAGES;
    /** The seed of every tiny run. */
    public static final long SEED = 7;

    private TinyRuns() {
    }

    /** Writes the tiny data set into {@code folder} and returns it. */
    public static Path writeData(Path folder) throws IOException {
        return SyntheticMnist.writeFolder(Files.createDirectories(folder), TRAIN_IMAGES, TEST_IMAGES);
    }

    /**
     * Options of a tiny run in {@code runFolder}: a dry run of the fast preset without dropout (so
     * it repeats exactly), on one native thread (the machine is shared), without progress lines.
     */
    public static TrainingOptions.Builder options(Path data, Path runFolder) {
        return TrainingOptions.builder().preset(Preset.FAST).epochs(1).seed(SEED).dataFolder(data)
                .outputFolder(runFolder.getParent()).runFolder(runFolder)
                .cacheFolder(runFolder.resolveSibling(runFolder.getFileName() + "-cache"))
                .dryRun(true).dropout(false).threads(1).logEverySteps(0);
    }

    /** Copies a run folder, so that several tests can start from one trained epoch. */
    public static Path copy(Path runFolder, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(runFolder)) {
            for (Path path : paths.toList()) {
                Path copied = target.resolve(runFolder.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copied);
                } else {
                    Files.copy(path, copied);
                }
            }
        }
        return target;
    }

    /** A data locator that uses the folder the options name. */
    public static DataLocator givenFolder() {
        return (requested, status) -> requested;
    }
}
