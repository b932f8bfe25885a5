package dev.cganstudio.training;

import java.nio.file.Path;

/**
 * How a training run ended.
 *
 * @param runFolder where its files are
 * @param outcome whether it finished or was stopped
 * @param lastEpoch the last epoch whose files are complete (0 when none)
 * @param steps global steps trained
 * @param last the figures of the last epoch this session finished, or null when none
 * @param bestEpoch the epoch with the highest macro F1 in the whole run, 0 when none
 * @param bestMacroF1 that epoch's macro F1
 * @param judgeAccuracy the judge's accuracy on the real test digits
 */
public record RunSummary(Path runFolder, Outcome outcome, int lastEpoch, long steps, EpochMetrics last,
                         int bestEpoch, double bestMacroF1, double judgeAccuracy) {

    /** How a run ended. */
    public enum Outcome {
        /** Every planned epoch trained. */
        COMPLETED,
        /** Stopped on request; the last finished epoch's files are complete. */
        STOPPED
    }
}
