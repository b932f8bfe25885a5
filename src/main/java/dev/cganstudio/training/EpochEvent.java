package dev.cganstudio.training;

import java.nio.file.Path;

/**
 * An epoch that has been trained and judged.
 *
 * @param metrics its figures
 * @param best true when this epoch is the best so far (highest macro F1)
 * @param runFolder the folder of the run the epoch's files go to
 */
public record EpochEvent(EpochMetrics metrics, boolean best, Path runFolder) {
}
