package dev.cganstudio.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final double EXACT = 1e-12;
    private static final int NONE = ClassificationMetrics.NO_PREDICTION;

    /**
     * y_true = [0,0,0,0,1,1,2,2], y_pred = [0,0,1,2,1,1,2,0]. By hand, per class (tp, fp, fn):
     * class 0 (2, 1, 2): P 2/3, R 1/2, F1 4/7; class 1 (2, 1, 0): P 2/3, R 1, F1 4/5;
     * class 2 (1, 1, 1): P 1/2, R 1/2, F1 1/2. Supports 4, 2, 2.
     * scikit-learn's f1_score(y_true, y_pred, average='macro') is (4/7 + 4/5 + 1/2) / 3 = 131/210
     * = 0.6238095238095238, average='weighted' is (4 * 4/7 + 2 * 4/5 + 2 * 1/2) / 8 = 171/280
     * = 0.6107142857142857, and accuracy_score is 5/8.
     */
    @Test
    void matchesScikitLearnOnAHandComputedExample() {
        int[] expected = {0, 0, 0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 0, 1, 2, 1, 1, 2, 0};

        ClassificationMetrics metrics = ClassificationMetrics.of(expected, predicted, 3);

        assertEquals(5.0 / 8, metrics.accuracy(), EXACT);
        assertEquals(131.0 / 210, metrics.macroF1(), EXACT);
        assertEquals(171.0 / 280, metrics.weightedF1(), EXACT);
        assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 1.0 / 2}, metrics.precision(), EXACT);
        assertArrayEquals(new double[] {1.0 / 2, 1.0, 1.0 / 2}, metrics.recall(), EXACT);
        assertArrayEquals(new double[] {4.0 / 7, 4.0 / 5, 1.0 / 2}, metrics.f1(), EXACT);
        assertArrayEquals(new int[] {4, 2, 2}, metrics.support());
        assertArrayEquals(new int[][] {{2, 1, 1}, {0, 2, 0}, {1, 0, 1}}, metrics.confusion());
        assertEquals(8, metrics.samples());
    }

    /** Were -1 read as class 0, class 0 would get a false positive and precision 1/2. */
    @Test
    void noPredictionIsWrongForEveryClassAndNeverClassZero() {
        int[] expected = {0, 1, 1};
        int[] predicted = {0, NONE, 1};

        ClassificationMetrics metrics = ClassificationMetrics.of(expected, predicted, 2);

        assertEquals(2.0 / 3, metrics.accuracy(), EXACT);
        assertArrayEquals(new double[] {1.0, 1.0}, metrics.precision(), EXACT);
        assertArrayEquals(new double[] {1.0, 1.0 / 2}, metrics.recall(), EXACT);
        // class 1: tp 1, fp 0, fn 1, so F1 = 2 / 3.
        assertArrayEquals(new double[] {1.0, 2.0 / 3}, metrics.f1(), EXACT);
        assertEquals(5.0 / 6, metrics.macroF1(), EXACT);
        assertEquals((1 * 1.0 + 2 * (2.0 / 3)) / 3, metrics.weightedF1(), EXACT);
        assertArrayEquals(new int[][] {{1, 0}, {0, 1}}, metrics.confusion());
        assertArrayEquals(new int[] {0, 1}, metrics.unpredicted());
        assertArrayEquals(new int[] {1, 2}, metrics.support());
    }

    @Test
    void onlyInvalidPredictionsScoreZero() {
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 1}, new int[] {NONE, NONE}, 2);

        assertEquals(0.0, metrics.accuracy(), EXACT);
        assertEquals(0.0, metrics.macroF1(), EXACT);
        assertEquals(0.0, metrics.weightedF1(), EXACT);
        assertArrayEquals(new double[] {0.0, 0.0}, metrics.precision(), EXACT);
    }

    @Test
    void classExpectedButNeverPredictedHasZeroF1AndCountsInTheMacroAverage() {
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 1}, new int[] {0, 0}, 2);

        assertArrayEquals(new double[] {2.0 / 3, 0.0}, metrics.f1(), EXACT);
        assertEquals(0.0, metrics.precision()[1], EXACT);
        assertEquals(0.0, metrics.recall()[1], EXACT);
        assertEquals(1.0 / 3, metrics.macroF1(), EXACT);
    }

    @Test
    void classPredictedButNeverExpectedHasZeroF1AndNoWeight() {
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 0}, new int[] {0, 1}, 2);

        assertArrayEquals(new double[] {2.0 / 3, 0.0}, metrics.f1(), EXACT);
        assertEquals(0.0, metrics.precision()[1], EXACT);
        assertEquals(0.0, metrics.recall()[1], EXACT);
        assertEquals(1.0 / 3, metrics.macroF1(), EXACT);
        assertEquals(2.0 / 3, metrics.weightedF1(), EXACT);
    }

    @Test
    void classNeitherExpectedNorPredictedIsUndefinedAndLeftOutOfTheMacroAverage() {
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 1}, new int[] {0, 1}, 3);

        assertTrue(Double.isNaN(metrics.f1()[2]));
        assertTrue(Double.isNaN(metrics.precision()[2]));
        assertTrue(Double.isNaN(metrics.recall()[2]));
        assertEquals(1.0, metrics.macroF1(), EXACT);
        assertEquals(1.0, metrics.weightedF1(), EXACT);
    }

    @Test
    void returnedArraysAreCopies() {
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 1}, new int[] {0, 1}, 2);

        metrics.f1()[0] = -1;
        metrics.confusion()[0][0] = -1;

        assertEquals(1.0, metrics.f1()[0], EXACT);
        assertEquals(1, metrics.confusion()[0][0]);
    }

    @Test
    void rejectsArraysOfDifferentLength() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[] {0, 1}, new int[] {0}, 2));
        assertEquals("expected as many predictions as expected labels (2), found 1", error.getMessage());
    }

    @Test
    void rejectsExpectedLabelOutOfRange() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[] {0, 2}, new int[] {0, 1}, 2));
        assertEquals("expected label in [0, 2) at sample 1, found 2", error.getMessage());
    }

    @Test
    void rejectsPredictionBelowNoPrediction() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[] {0}, new int[] {-2}, 2));
        assertEquals("expected prediction in [0, 2) or -1 at sample 0, found -2", error.getMessage());
    }

    @Test
    void rejectsNoSamples() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[0], new int[0], 2));
        assertEquals("expected at least 1 sample, found 0", error.getMessage());
    }
}
