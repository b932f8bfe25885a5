package dev.cganstudio.training;

/**
 * The figures of one epoch, one CSV row. Figures not computed in a run are {@code NaN}.
 *
 * @param epoch 1-based epoch
 * @param steps global step count at the end of the epoch
 * @param discriminatorLoss mean discriminator loss over the epoch
 * @param generatorLoss mean generator loss over the epoch
 * @param realScore mean D(x) over the epoch
 * @param fakeScore mean D(G(z)) over the epoch
 * @param accuracy the judge's accuracy on generated digits against the labels asked for
 * @param macroF1 F1 averaged over the ten labels (a label never predicted counts as 0)
 * @param weightedF1 F1 averaged with each label weighted by its number of samples
 * @param perLabelF1 F1 of each label, indexed by label
 * @param frechetDistance Fréchet distance between judge features of generated and real digits
 * @param variety mean distance between the judge features of two generated digits of the same
 *     label, indexed by label; near 0 for a label drawn one way only (mode collapse)
 * @param seconds wall time of the epoch's training steps
 * @param imagesPerSecond real images consumed per second of training
 */
public record EpochMetrics(int epoch, long steps, double discriminatorLoss, double generatorLoss,
                           double realScore, double fakeScore, double accuracy, double macroF1,
                           double weightedF1, double[] perLabelF1, double frechetDistance,
                           double[] variety, double seconds, double imagesPerSecond) {
}
