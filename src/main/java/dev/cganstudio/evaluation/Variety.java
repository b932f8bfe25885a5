package dev.cganstudio.evaluation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How different the digits of each label are from each other: the mean Euclidean distance
 * between the feature vectors of two distinct samples of the same label. A generator that has
 * collapsed onto one way of drawing a digit scores near 0 for that label; comparing with the
 * same figure on real digits tells how much variety is normal.
 *
 * <p>Labels with many samples are estimated from pairs drawn at random (two distinct samples,
 * uniformly, with replacement between draws) from a seeded generator, so that the cost stays
 * bounded and the same inputs give the same answer.
 */
public final class Variety {

    /** Pairs measured per label at most; 2,000 make the standard error 1/45 of the distances' spread. */
    public static final int DEFAULT_MAX_PAIRS = 2_000;
    /** Seed of the pair sampling when none is given, so that runs compare. */
    public static final long DEFAULT_SEED = 42L;

    private Variety() {
    }

    /**
     * Mean pairwise distance per label, with {@link #DEFAULT_MAX_PAIRS} and {@link #DEFAULT_SEED}.
     *
     * @see #perLabel(double[][], int[], int, int, long)
     */
    public static double[] perLabel(double[][] features, int[] labels, int classes) {
        return perLabel(features, labels, classes, DEFAULT_MAX_PAIRS, DEFAULT_SEED);
    }

    /** Variety of single-precision features; see {@link #perLabel(double[][], int[], int)}. */
    public static double[] perLabel(float[][] features, int[] labels, int classes) {
        double[][] widened = new double[features.length][];
        for (int row = 0; row < features.length; row++) {
            widened[row] = new double[features[row].length];
            for (int column = 0; column < features[row].length; column++) {
                widened[row][column] = features[row][column];
            }
        }
        return perLabel(widened, labels, classes);
    }

    /**
     * Mean pairwise Euclidean distance between feature vectors of the same label.
     *
     * @param features one row per sample, all of the same length
     * @param labels the label of each sample, in {@code [0, classes)}
     * @param classes number of labels
     * @param maxPairs pairs measured per label at most: all pairs when a label has no more than
     *     this, else this many drawn at random
     * @param seed seed of the random draws
     * @return per label, indexed by label: the mean distance, or {@code NaN} for a label with
     *     fewer than 2 samples
     * @throws IllegalArgumentException if the lengths disagree, a label is out of range, or
     *     {@code maxPairs} is below 1
     */
    public static double[] perLabel(double[][] features, int[] labels, int classes, int maxPairs, long seed) {
        if (features.length != labels.length) {
            throw new IllegalArgumentException("expected one label per feature vector (" + features.length
                    + "), found " + labels.length);
        }
        if (maxPairs < 1) {
            throw new IllegalArgumentException("expected at least 1 pair per label, found " + maxPairs);
        }
        int[][] members = groupByLabel(features, labels, classes);
        SplittableRandom random = new SplittableRandom(seed);
        double[] variety = new double[classes];
        for (int label = 0; label < classes; label++) {
            variety[label] = meanDistance(features, members[label], maxPairs, random.split());
        }
        return variety;
    }

    /** Sample indices of each label, checking labels and row lengths on the way. */
    private static int[][] groupByLabel(double[][] features, int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int sample = 0; sample < labels.length; sample++) {
            int label = labels[sample];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("expected label in [0, " + classes + ") at sample " + sample
                        + ", found " + label);
            }
            if (features[sample].length != features[0].length) {
                throw new IllegalArgumentException("expected " + features[0].length + " features in row " + sample
                        + " (as in row 0), found " + features[sample].length);
            }
            counts[label]++;
        }
        int[][] members = new int[classes][];
        for (int label = 0; label < classes; label++) {
            members[label] = new int[counts[label]];
        }
        int[] filled = new int[classes];
        for (int sample = 0; sample < labels.length; sample++) {
            members[labels[sample]][filled[labels[sample]]++] = sample;
        }
        return members;
    }

    private static double meanDistance(double[][] features, int[] members, int maxPairs, SplittableRandom random) {
        int count = members.length;
        if (count < 2) {
            return Double.NaN;
        }
        long allPairs = (long) count * (count - 1) / 2;
        double sum = 0;
        if (allPairs <= maxPairs) {
            for (int first = 0; first < count; first++) {
                for (int second = first + 1; second < count; second++) {
                    sum += distance(features[members[first]], features[members[second]]);
                }
            }
            return sum / allPairs;
        }
        for (int pair = 0; pair < maxPairs; pair++) {
            int first = random.nextInt(count);
            int second = random.nextInt(count - 1);
            if (second >= first) {
                second++;
            }
            sum += distance(features[members[first]], features[members[second]]);
        }
        return sum / maxPairs;
    }

    private static double distance(double[] first, double[] second) {
        double sum = 0;
        for (int feature = 0; feature < first.length; feature++) {
            double difference = first[feature] - second[feature];
            sum += difference * difference;
        }
        return Math.sqrt(sum);
    }

    /** Mean of the defined (non-NaN) values, or NaN if none: one summary figure over labels. */
    public static double mean(double[] perLabel) {
        return Arrays.stream(perLabel).filter(value -> !Double.isNaN(value)).average().orElse(Double.NaN);
    }
}
