package dev.cganstudio.training;

import dev.cganstudio.model.GanConfig;

/**
 * Everything besides the networks that a run needs to continue exactly where it stopped. The
 * random state is the seed and the step: every draw of a step derives from those two.
 *
 * @param formatVersion version of this record's layout
 * @param config the GAN's hyperparameters (batch size and dropout as trained)
 * @param seed the run's seed
 * @param epoch the last finished epoch
 * @param step the global step count at its end
 * @param epochsPlanned the last epoch the run was asked to reach
 * @param samplesPerLabel generated digits per label judged after each epoch
 * @param bestEpoch the epoch with the highest macro F1 so far, 0 before the first
 * @param bestMacroF1 that epoch's macro F1, -1 before the first
 * @param trainImages number of training images the run draws from (a dry run uses fewer)
 */
public record CheckpointState(int formatVersion, GanConfig config, long seed, int epoch, long step,
                              int epochsPlanned, int samplesPerLabel, int bestEpoch, double bestMacroF1,
                              int trainImages) {

    /** The layout written by this version of the code. */
    public static final int FORMAT_VERSION = 1;
}
