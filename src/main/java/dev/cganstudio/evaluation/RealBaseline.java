package dev.cganstudio.evaluation;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.data.MnistDataset;
import dev.cganstudio.model.MnistTensors;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The judge's features on real test digits, measured once per run: the yardstick that the
 * per-epoch Fréchet distance and variety of generated digits are read against.
 *
 * <p>{@code halvesFrechet} is the distance between the first and the second half of the test
 * set, the value that real digits themselves score. It is a generous bar rather than a floor to
 * reach: each half has half as many digits as the per-epoch comparison, which raises the
 * distance, and MNIST's two test halves come from different writers: per LeCun's MNIST page the
 * first 5,000 are from NIST's SD-3 (Census Bureau employees) and cleaner, the last 5,000 from SD-1
 * (high-school students).
 *
 * @param statistics the Gaussian fitted to the features of every test digit, for the per-epoch distance
 * @param halvesFrechet Fréchet distance between the features of the two halves of the test set
 * @param variety mean feature distance between two real digits of the same label, indexed by
 *     label, as {@link Variety#perLabel(float[][], int[], int)} measures generated ones
 */
public record RealBaseline(FeatureStatistics statistics, double halvesFrechet, double[] variety) {

    /** Two halves of {@link FeatureStatistics#MIN_COUNT} digits each at least. */
    public static final int MIN_DIGITS = 2 * FeatureStatistics.MIN_COUNT;

    /**
     * @throws IllegalArgumentException if there is not one variety per label
     */
    public RealBaseline {
        Objects.requireNonNull(statistics, "statistics");
        if (variety == null || variety.length != Mnist.CLASSES) {
            throw new IllegalArgumentException("expected " + Mnist.CLASSES + " per-label variety values, found "
                    + (variety == null ? "none" : variety.length));
        }
    }

    /**
     * Measures the judge on every digit of a test set, in file order.
     *
     * @param judge the judge that will also score the generated digits
     * @param test the real test digits, at least {@link #MIN_DIGITS}
     * @return the statistics of all digits, the distance between the halves and the per-label variety
     * @throws IllegalArgumentException if the test set is smaller than {@link #MIN_DIGITS}
     */
    public static RealBaseline of(Judge judge, MnistDataset test) {
        int count = test.size();
        if (count < MIN_DIGITS) {
            throw new IllegalArgumentException("expected at least " + MIN_DIGITS
                    + " test digits (two per half), found " + count);
        }
        float[][] features = judge.features(MnistTensors.images(test, 0, count)).toFloatMatrix();
        int half = count / 2;
        double halvesFrechet = FrechetDistance.between(Arrays.copyOfRange(features, 0, half),
                Arrays.copyOfRange(features, half, count));
        double[] variety = Variety.perLabel(features, MnistTensors.labels(test, 0, count), Mnist.CLASSES);
        return new RealBaseline(FeatureStatistics.of(features), halvesFrechet, variety);
    }

    /**
     * One line for the run log, such as {@code real test digits (10000): Frechet distance between
     * halves 1.23; variety mean 9.80, by label 0-9: 9.10 4.30 ...}.
     */
    public String describe() {
        String byLabel = Arrays.stream(variety).mapToObj(value -> String.format(Locale.ROOT, "%.2f", value))
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "real test digits (%d): Frechet distance between halves %.2f; "
                + "variety mean %.2f, by label 0-%d: %s", statistics.count(), halvesFrechet, Variety.mean(variety),
                Mnist.CLASSES - 1, byLabel);
    }
}
