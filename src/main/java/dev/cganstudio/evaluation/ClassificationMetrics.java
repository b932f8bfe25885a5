package dev.cganstudio.evaluation;

import java.util.Arrays;
import java.util.Locale;

/**
 * How well predicted labels match expected ones: accuracy, per-class precision, recall and F1,
 * their macro and support-weighted averages, and the confusion matrix. Used to judge generated
 * digits: the label asked of the generator is expected, the judge's answer is predicted.
 *
 * <p>Definitions follow scikit-learn's {@code precision_recall_fscore_support} with
 * {@code zero_division=0}: per class, {@code F1 = 2 tp / (2 tp + fp + fn)}, which is the
 * harmonic mean of precision and recall and is 0 when the class is expected but never
 * predicted, or predicted but never expected.
 *
 * <p>{@link #NO_PREDICTION} ({@code -1}) marks a sample without a valid prediction (for example
 * a NaN network output). It is wrong for every class: a false negative for its expected class
 * and a false positive for none, so it lowers recall and accuracy, never the precision of class
 * 0. This matches scikit-learn when it is given {@code labels=range(classes)}.
 *
 * <p>A class that is neither expected nor predicted has no evidence either way: its precision,
 * recall and F1 are {@code NaN} and it is left out of the macro average (as scikit-learn does
 * when it infers labels from the data). Counting it as 0 would punish a score for a class nobody
 * asked about; counting it as 1 would inflate it. When every class is expected, as in the
 * studio's evaluations, the macro average runs over all classes.
 */
public final class ClassificationMetrics {

    /** The predicted value of a sample without a valid prediction. */
    public static final int NO_PREDICTION = -1;

    private final int classes;
    private final int samples;
    private final int correct;
    private final int[][] confusion;
    private final int[] unpredicted;
    private final int[] support;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final double macroF1;
    private final double weightedF1;

    private ClassificationMetrics(int classes, int[][] confusion, int[] unpredicted) {
        this.classes = classes;
        this.confusion = confusion;
        this.unpredicted = unpredicted;
        this.support = new int[classes];
        this.precision = new double[classes];
        this.recall = new double[classes];
        this.f1 = new double[classes];

        int[] predictedCount = new int[classes];
        int diagonal = 0;
        for (int expected = 0; expected < classes; expected++) {
            support[expected] = unpredicted[expected];
            for (int predicted = 0; predicted < classes; predicted++) {
                support[expected] += confusion[expected][predicted];
                predictedCount[predicted] += confusion[expected][predicted];
            }
            diagonal += confusion[expected][expected];
        }
        this.correct = diagonal;
        this.samples = Arrays.stream(support).sum();

        for (int label = 0; label < classes; label++) {
            int truePositives = confusion[label][label];
            precision[label] = ratio(truePositives, predictedCount[label], support[label]);
            recall[label] = ratio(truePositives, support[label], predictedCount[label]);
            int falsePositives = predictedCount[label] - truePositives;
            int falseNegatives = support[label] - truePositives;
            int denominator = 2 * truePositives + falsePositives + falseNegatives;
            f1[label] = denominator == 0 ? Double.NaN : 2.0 * truePositives / denominator;
        }
        this.macroF1 = Arrays.stream(f1).filter(value -> !Double.isNaN(value)).average().orElse(Double.NaN);
        double weighted = 0;
        for (int label = 0; label < classes; label++) {
            if (support[label] > 0) {
                weighted += f1[label] * support[label];
            }
        }
        this.weightedF1 = weighted / samples;
    }

    /**
     * Counts and scores predictions against expectations.
     *
     * @param expected the true label of each sample, in {@code [0, classes)}
     * @param predicted the predicted label of each sample, in {@code [0, classes)} or
     *     {@link #NO_PREDICTION}
     * @param classes number of classes, at least 1
     * @return the metrics
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold a label
     *     out of range
     */
    public static ClassificationMetrics of(int[] expected, int[] predicted, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("expected at least 1 class, found " + classes);
        }
        if (expected.length != predicted.length) {
            throw new IllegalArgumentException("expected as many predictions as expected labels ("
                    + expected.length + "), found " + predicted.length);
        }
        if (expected.length == 0) {
            throw new IllegalArgumentException("expected at least 1 sample, found 0");
        }
        int[][] confusion = new int[classes][classes];
        int[] unpredicted = new int[classes];
        for (int sample = 0; sample < expected.length; sample++) {
            int truth = expected[sample];
            int guess = predicted[sample];
            if (truth < 0 || truth >= classes) {
                throw new IllegalArgumentException("expected label in [0, " + classes + ") at sample "
                        + sample + ", found " + truth);
            }
            if (guess < NO_PREDICTION || guess >= classes) {
                throw new IllegalArgumentException("expected prediction in [0, " + classes + ") or "
                        + NO_PREDICTION + " at sample " + sample + ", found " + guess);
            }
            if (guess == NO_PREDICTION) {
                unpredicted[truth]++;
            } else {
                confusion[truth][guess]++;
            }
        }
        return new ClassificationMetrics(classes, confusion, unpredicted);
    }

    /** Precision or recall: {@code hits / total}, 0 when total is 0 but the class has other evidence. */
    private static double ratio(int hits, int total, int otherTotal) {
        if (total > 0) {
            return (double) hits / total;
        }
        return otherTotal > 0 ? 0.0 : Double.NaN;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** Number of samples scored. */
    public int samples() {
        return samples;
    }

    /** Fraction of samples whose prediction equals the expected label. */
    public double accuracy() {
        return (double) correct / samples;
    }

    /** Mean F1 over the classes that were expected or predicted; see the class notes. */
    public double macroF1() {
        return macroF1;
    }

    /** Mean F1 over classes weighted by support (how often each class was expected). */
    public double weightedF1() {
        return weightedF1;
    }

    /** Per-class precision, indexed by label; {@code NaN} for a class neither expected nor predicted. */
    public double[] precision() {
        return precision.clone();
    }

    /** Per-class recall, indexed by label; {@code NaN} for a class neither expected nor predicted. */
    public double[] recall() {
        return recall.clone();
    }

    /** Per-class F1, indexed by label; {@code NaN} for a class neither expected nor predicted. */
    public double[] f1() {
        return f1.clone();
    }

    /** How often each class was expected, indexed by label. */
    public int[] support() {
        return support.clone();
    }

    /**
     * The confusion matrix: {@code [expected][predicted]} counts samples with that expected and
     * predicted label. Samples without a valid prediction are not in it; see {@link #unpredicted()}.
     */
    public int[][] confusion() {
        int[][] copy = new int[classes][];
        for (int expected = 0; expected < classes; expected++) {
            copy[expected] = confusion[expected].clone();
        }
        return copy;
    }

    /** Samples without a valid prediction, indexed by expected label. */
    public int[] unpredicted() {
        return unpredicted.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %.4f, macro F1 %.4f, weighted F1 %.4f over %d samples",
                accuracy(), macroF1, weightedF1, samples);
    }
}
