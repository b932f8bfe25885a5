package dev.cganstudio.training;

/**
 * A 10x10 grid of generated digits from the run's fixed noise: row = label, column = noise.
 *
 * @param epoch the epoch being trained (or just finished)
 * @param step the global step the generator had reached
 * @param pixels grey values in [0, 1], {@code rows * columns} images of 28x28, row-major
 * @param rows digits per column (one row per label)
 * @param columns digits per row
 * @param epochEnd true when taken at the end of an epoch
 */
public record SampleEvent(int epoch, long step, float[] pixels, int rows, int columns, boolean epochEnd) {
}
