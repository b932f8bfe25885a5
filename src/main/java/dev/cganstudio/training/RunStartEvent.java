package dev.cganstudio.training;

import java.nio.file.Path;

/**
 * A run about to train.
 *
 * @param runFolder the folder its files go to
 * @param finishedEpochs epochs already finished (0 for a new run, more when resuming)
 * @param lastEpoch the last epoch it will train
 * @param step global steps already trained
 * @param preset the preset's name
 */
public record RunStartEvent(Path runFolder, int finishedEpochs, int lastEpoch, long step, String preset) {
}
