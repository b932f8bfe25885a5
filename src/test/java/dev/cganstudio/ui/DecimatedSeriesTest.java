package dev.cganstudio.ui;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimatedSeriesTest {

    @Test
    void shortSeriesAreShownWhole() {
        DecimatedSeries series = filled(new double[] {1, 2, 3}, new double[] {5, 6, 7}, 10);

        double[][] shown = series.shown();

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

        DecimatedSeries series = filled(steps, losses, DecimatedSeries.MAX_SHOWN);
        double[][] shown = series.shown();

        assertEquals(128, series.bucketSize(), "least power of two that fits 50,000 points in 400");
        assertEquals(391, shown[0].length, "ceil(50,000 / 128) buckets");
        assertEquals((1 + 128) / 2.0, shown[0][0], 1e-9, "first bucket's mean step");
        assertEquals((49_921 + 50_000) / 2.0, shown[0][390], 1e-9, "the last, partly filled bucket");
        for (double loss : shown[1]) {
            assertEquals(2, loss, 0.02, "alternating 1 and 3 average to 2");
        }
    }

    @Test
    void mergingAsPointsArriveGivesTheMeansOfTheWholeSeries() {
        SplittableRandom random = new SplittableRandom(7);
        int maxShown = 16;
        DecimatedSeries series = new DecimatedSeries("loss", maxShown);
        double[] xs = new double[3000];
        double[] ys = new double[3000];
        for (int index = 0; index < xs.length; index++) {
            xs[index] = index * 0.5;
            ys[index] = random.nextInt(50) == 0 ? Double.NaN : random.nextDouble(-4, 4);
            series.add(xs[index], ys[index]);
            if (index % 97 == 0 || index < 70) {
                double[][] expected = wholeSeriesMeans(xs, ys, index + 1, maxShown);
                double[][] shown = series.shown();
                assertArrayEquals(expected[0], shown[0], 1e-9, "x after " + (index + 1) + " points");
                assertArrayEquals(expected[1], shown[1], 1e-9, "y after " + (index + 1) + " points");
            }
        }
    }

    @Test
    void hundredsOfThousandsOfPointsTakeNoMoreRoomThanAFew() {
        DecimatedSeries series = new DecimatedSeries("D loss");
        for (int step = 1; step <= 720_000; step++) {
            series.add(step, 0.7 + 0.1 * Math.sin(step / 1000.0));
        }

        double[][] shown = series.shown();

        assertEquals(720_000, series.size());
        assertEquals(2048, series.bucketSize());
        assertTrue(shown[0].length <= DecimatedSeries.MAX_SHOWN && shown[0].length > DecimatedSeries.MAX_SHOWN / 2,
                "shown " + shown[0].length);
        assertEquals(720_000, shown[0][shown[0].length - 1], 1024, "the last point shown is near the last step");
    }

    @Test
    void bucketsWithoutFiniteValuesAreLeftOut() {
        double[][] shown = filled(new double[] {1, 2, 3}, new double[] {Double.NaN, 4, 5}, 10).shown();

        assertArrayEquals(new double[] {2, 3}, shown[0]);
        assertArrayEquals(new double[] {4, 5}, shown[1]);
    }

    @Test
    void clearStartsAgainAtSinglePoints() {
        DecimatedSeries series = new DecimatedSeries("loss", 4);
        series.addAll(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1});
        assertEquals(4, series.bucketSize());

        series.clear();
        series.add(10, 2);

        assertEquals(1, series.bucketSize());
        assertArrayEquals(new double[] {10}, series.shown()[0]);
    }

    @Test
    void anOddLimitIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DecimatedSeries("loss", 5));
        assertTrue(error.getMessage().contains("found 5"), error.getMessage());
    }

    private static DecimatedSeries filled(double[] xs, double[] ys, int maxShown) {
        DecimatedSeries series = new DecimatedSeries("loss", maxShown);
        series.addAll(xs, ys);
        return series;
    }

    /** The bucket means computed from every point at once: the least power-of-two bucket that fits. */
    private static double[][] wholeSeriesMeans(double[] xs, double[] ys, int size, int maxShown) {
        int bucket = 1;
        while ((size + bucket - 1) / bucket > maxShown) {
            bucket *= 2;
        }
        double[] outX = new double[maxShown];
        double[] outY = new double[maxShown];
        int shown = 0;
        for (int start = 0; start < size; start += bucket) {
            double sumX = 0;
            double sumY = 0;
            int count = 0;
            for (int index = start; index < Math.min(size, start + bucket); index++) {
                if (Double.isFinite(ys[index])) {
                    sumX += xs[index];
                    sumY += ys[index];
                    count++;
                }
            }
            if (count > 0) {
                outX[shown] = sumX / count;
                outY[shown] = sumY / count;
                shown++;
            }
        }
        return new double[][] {Arrays.copyOf(outX, shown), Arrays.copyOf(outY, shown)};
    }
}
