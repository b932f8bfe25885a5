package dev.cganstudio.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimatedSeriesTest {

    @Test
    void shortSeriesAreShownWhole() {
        double[][] shown = DecimatedSeries.decimate(new double[] {1, 2, 3}, new double[] {5, 6, 7}, 3, 10);

        assertArrayEquals(new double[] {1, 2, 3}, shown[0]);
        assertArrayEquals(new double[] {5, 6, 7}, shown[1]);
    }

    @Test
    void longSeriesAreBucketMeansWithinTheLimit() {
        int size = 50_000;
        double[] steps = new double[size];
        double[] losses = new double[size];
        for (int step = 0; step < size; step++) {
            steps[step] = step + 1;
            losses[step] = step % 2 == 0 ? 1 : 3;
        }

        double[][] shown = DecimatedSeries.decimate(steps, losses, size, DecimatedSeries.MAX_SHOWN);

        assertTrue(shown[0].length <= DecimatedSeries.MAX_SHOWN && shown[0].length > DecimatedSeries.MAX_SHOWN / 2,
                "shown " + shown[0].length);
        int bucket = 128;
        assertEquals((1 + bucket) / 2.0, shown[0][0], 1e-9, "first bucket's mean step");
        for (double loss : shown[1]) {
            assertEquals(2, loss, 0.02, "alternating 1 and 3 average to 2");
        }
    }

    @Test
    void pointsAlreadyShownStayPutAsMoreArrive() {
        double[] steps = new double[1000];
        double[] losses = new double[1000];
        for (int step = 0; step < steps.length; step++) {
            steps[step] = step;
            losses[step] = Math.sin(step);
        }

        double[][] before = DecimatedSeries.decimate(steps, losses, 900, 100);
        double[][] after = DecimatedSeries.decimate(steps, losses, 1000, 100);

        for (int point = 0; point < before[0].length - 1; point++) {
            assertEquals(before[0][point], after[0][point], 1e-12);
            assertEquals(before[1][point], after[1][point], 1e-12);
        }
    }

    @Test
    void bucketsWithoutFiniteValuesAreLeftOut() {
        double[][] shown = DecimatedSeries.decimate(new double[] {1, 2, 3}, new double[] {Double.NaN, 4, 5}, 3, 10);

        assertArrayEquals(new double[] {2, 3}, shown[0]);
    }
}
