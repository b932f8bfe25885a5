package dev.cganstudio.training;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.evaluation.RealBaseline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Plain-language warnings about an epoch's figures, for the run log: a label whose generated
 * digits vary far less than real ones (the look of mode collapse), and a discriminator loss at
 * its floor (the discriminator tells every generated digit apart, so the generator learns little).
 *
 * <p>This lives in {@code training} rather than {@code evaluation} because it reads
 * {@link EpochMetrics}, and {@code training} already depends on {@code evaluation}.
 */
public final class QualityWarnings {

    /**
     * A label is flagged below this fraction of real digits' variety: far under the spread of real
     * handwriting, yet well above the near 0 of full collapse, so the warning comes early.
     */
    public static final double COLLAPSE_FRACTION = 0.5;
    /** A discriminator loss no more than this fraction above its floor is flagged. */
    public static final double FLOOR_MARGIN = 0.05;

    private QualityWarnings() {
    }

    /**
     * The warnings for one epoch, label warnings first in label order; labels whose variety is
     * NaN, generated or real, are skipped, as is a NaN discriminator loss.
     *
     * @param metrics the epoch's figures
     * @param baseline the same figures on real test digits
     * @param discriminatorLossFloor the lowest mean loss the discriminator can reach with its
     *     targets, see {@link #discriminatorLossFloor(double, double)}
     * @return human-readable warnings, empty when nothing looks wrong
     * @throws IllegalArgumentException if the epoch does not have one variety per label
     */
    public static List<String> warnings(EpochMetrics metrics, RealBaseline baseline, double discriminatorLossFloor) {
        Objects.requireNonNull(baseline, "baseline");
        double[] generated = metrics.variety();
        if (generated == null || generated.length != Mnist.CLASSES) {
            throw new IllegalArgumentException("expected " + Mnist.CLASSES + " per-label variety values in epoch "
                    + metrics.epoch() + ", found " + (generated == null ? "none" : generated.length));
        }
        List<String> warnings = new ArrayList<>();
        double[] real = baseline.variety();
        for (int label = 0; label < Mnist.CLASSES; label++) {
            if (generated[label] < COLLAPSE_FRACTION * real[label]) {
                warnings.add(String.format(Locale.ROOT, "label %d may have collapsed: variety %.2f against %.2f"
                        + " on real digits", label, generated[label], real[label]));
            }
        }
        double loss = metrics.discriminatorLoss();
        if (loss <= discriminatorLossFloor * (1 + FLOOR_MARGIN)) {
            warnings.add(String.format(Locale.ROOT, "discriminator loss %.4f is within %.0f%% of its floor %.4f:"
                    + " it tells almost every generated digit from real ones, so the generator learns little",
                    loss, FLOOR_MARGIN * 100, discriminatorLossFloor));
        }
        return warnings;
    }

    /**
     * The lowest mean binary cross-entropy the discriminator can reach on a batch of as many real
     * as generated digits: the mean of the entropies of its two targets, reached when it outputs
     * each target exactly. With targets 0.9 and 0.1 this is H(0.9) = 0.3251 nats; with 1 and 0 it
     * is 0, where only a loss of exactly 0 is flagged. Weight penalties, if any, come on top.
     *
     * @param realTarget the target for real digits, in [0, 1]
     * @param fakeTarget the target for generated digits, in [0, 1]
     */
    public static double discriminatorLossFloor(double realTarget, double fakeTarget) {
        return (binaryEntropy(realTarget) + binaryEntropy(fakeTarget)) / 2;
    }

    /** {@code -p ln p - (1 - p) ln(1 - p)} in nats, taking {@code 0 ln 0} as 0. */
    static double binaryEntropy(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("expected a target in [0, 1], found " + probability);
        }
        // Subtracting from 0 rather than negating, so that targets of 0 and 1 give 0.0, not -0.0.
        return 0 - (plogp(probability) + plogp(1 - probability));
    }

    private static double plogp(double probability) {
        return probability == 0 ? 0 : probability * Math.log(probability);
    }
}
