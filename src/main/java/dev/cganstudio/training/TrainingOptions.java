package dev.cganstudio.training;

import dev.cganstudio.model.Preset;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a user asked of a training run. Built with {@link #builder()}; every field has a default
 * a person would expect.
 *
 * @param preset the GAN preset
 * @param epochs last epoch to train (a resumed run continues up to it)
 * @param batchSize images per step, 0 for the preset's own
 * @param seed the one seed every random choice of the run derives from
 * @param dataFolder folder holding the MNIST files, or null to find or fetch them
 * @param outputFolder folder in which a new run's folder is made
 * @param runFolder the run's folder; null to make a new one named after preset and time
 * @param resume true to continue the run in {@code runFolder} from its checkpoint
 * @param samplesPerLabel generated digits per label judged after each epoch
 * @param threads native math threads, 0 for one per core
 * @param cacheFolder per-user folder where the judge (and MNIST) are kept
 * @param retrainJudge train the judge again even when a usable one is stored
 * @param dropout false turns the discriminator's dropout off (for exactly repeatable runs)
 * @param dryRun one short cycle on a small slice of the data, writing every artefact
 * @param liveSamplesMillis interval between live sample grids during an epoch, 0 turns them off
 * @param logEverySteps steps between progress log lines, 0 turns them off
 * @param evaluateEverySteps steps between mid-epoch evaluations (time to quality), 0 turns them off
 * @param learningRateScale factor on both Adam learning rates, 1 keeps them: a new run's preset
 *     rates, or the rates a resumed run had (lower them to get past a divergence)
 * @param overrides hyperparameters of the preset replaced by name, for A/B runs (empty for none)
 */
public record TrainingOptions(Preset preset, int epochs, int batchSize, long seed, Path dataFolder,
                              Path outputFolder, Path runFolder, boolean resume, int samplesPerLabel, int threads,
                              Path cacheFolder, boolean retrainJudge, boolean dropout, boolean dryRun,
                              long liveSamplesMillis, int logEverySteps, int evaluateEverySteps,
                              double learningRateScale, Map<String, String> overrides) {

    /** Digits per label judged after each epoch, as the product promises (10,000 in all). */
    public static final int DEFAULT_SAMPLES_PER_LABEL = 1000;
    /** Training images a dry run uses. */
    public static final int DRY_RUN_IMAGES = 256;
    /** Test images a dry run's judge is checked on. */
    public static final int DRY_RUN_TEST_IMAGES = 200;
    /** Digits per label a dry run judges. */
    public static final int DRY_RUN_SAMPLES_PER_LABEL = 10;
    /** Batch size of a dry run, so that its slice gives several steps. */
    public static final int DRY_RUN_BATCH = 32;

    public TrainingOptions {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(outputFolder, "outputFolder");
        overrides = Map.copyOf(overrides);
        if (epochs < 1) {
            throw new IllegalArgumentException("expected epochs >= 1, found " + epochs);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("expected a batch size >= 1 (or 0 for the preset's), found "
                    + batchSize);
        }
        if (samplesPerLabel < 1) {
            throw new IllegalArgumentException("expected samples per label >= 1, found " + samplesPerLabel);
        }
        if (!(learningRateScale > 0) || Double.isInfinite(learningRateScale)) {
            throw new IllegalArgumentException("expected a learning rate scale > 0, found " + learningRateScale);
        }
        if (resume && runFolder == null) {
            throw new IllegalArgumentException("expected the folder of the run to resume, found none");
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.preset = preset;
        builder.epochs = epochs;
        builder.batchSize = batchSize;
        builder.seed = seed;
        builder.dataFolder = dataFolder;
        builder.outputFolder = outputFolder;
        builder.runFolder = runFolder;
        builder.resume = resume;
        builder.samplesPerLabel = samplesPerLabel;
        builder.threads = threads;
        builder.cacheFolder = cacheFolder;
        builder.retrainJudge = retrainJudge;
        builder.dropout = dropout;
        builder.dryRun = dryRun;
        builder.liveSamplesMillis = liveSamplesMillis;
        builder.logEverySteps = logEverySteps;
        builder.evaluateEverySteps = evaluateEverySteps;
        builder.learningRateScale = learningRateScale;
        builder.overrides = overrides;
        return builder;
    }

    /** Builds {@link TrainingOptions}; unset fields keep their defaults. */
    public static final class Builder {
        private Preset preset = Preset.DEFAULT;
        private int epochs = 1;
        private int batchSize;
        private long seed = 42;
        private Path dataFolder;
        private Path outputFolder = Path.of("output");
        private Path runFolder;
        private boolean resume;
        private int samplesPerLabel = DEFAULT_SAMPLES_PER_LABEL;
        private int threads;
        private Path cacheFolder;
        private boolean retrainJudge;
        private boolean dropout = true;
        private boolean dryRun;
        private long liveSamplesMillis;
        private int logEverySteps = 50;
        private int evaluateEverySteps;
        private double learningRateScale = 1;
        private Map<String, String> overrides = Map.of();

        private Builder() {
        }

        public Builder preset(Preset value) { preset = value; return this; }
        public Builder epochs(int value) { epochs = value; return this; }
        public Builder batchSize(int value) { batchSize = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder dataFolder(Path value) { dataFolder = value; return this; }
        public Builder outputFolder(Path value) { outputFolder = value; return this; }
        public Builder runFolder(Path value) { runFolder = value; return this; }
        public Builder resume(boolean value) { resume = value; return this; }
        public Builder samplesPerLabel(int value) { samplesPerLabel = value; return this; }
        public Builder threads(int value) { threads = value; return this; }
        public Builder cacheFolder(Path value) { cacheFolder = value; return this; }
        public Builder retrainJudge(boolean value) { retrainJudge = value; return this; }
        public Builder dropout(boolean value) { dropout = value; return this; }
        public Builder dryRun(boolean value) { dryRun = value; return this; }
        public Builder liveSamplesMillis(long value) { liveSamplesMillis = value; return this; }
        public Builder logEverySteps(int value) { logEverySteps = value; return this; }
        public Builder evaluateEverySteps(int value) { evaluateEverySteps = value; return this; }
        public Builder learningRateScale(double value) { learningRateScale = value; return this; }
        public Builder overrides(Map<String, String> value) { overrides = value; return this; }

        public TrainingOptions build() {
            return new TrainingOptions(preset, epochs, batchSize, seed, dataFolder, outputFolder, runFolder, resume,
                    samplesPerLabel, threads, cacheFolder, retrainJudge, dropout, dryRun, liveSamplesMillis,
                    logEverySteps, evaluateEverySteps, learningRateScale, overrides);
        }
    }
}
