package dev.cganstudio.ui;

import javafx.collections.FXCollections;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chart series of any length in fixed memory: it shows at most {@link #MAX_SHOWN} points,
 * each the mean of a bucket of consecutive points. Buckets hold a power of two of points and
 * start at multiples of it; when a new point would need one bucket too many, neighbouring
 * buckets are merged in pairs and the bucket size doubles. So a chart of hundreds of thousands
 * of steps holds a few kilobytes (the run's CSV keeps every point), and the points shown are
 * exactly the bucket means over the whole series. Points may be added from any thread (the
 * training thread adds each step's loss as it comes); the chart's series is touched only by
 * {@link #refresh()}, on the FX thread.
 */
final class DecimatedSeries {

    /** Most points a chart line draws: about one per two pixels of a wide chart. Even. */
    static final int MAX_SHOWN = 400;

    private final XYChart.Series<Number, Number> series;
    private final int maxShown;
    private final double[] sumX;
    private final double[] sumY;
    /** Finite points in each bucket; a bucket without any is not shown. */
    private final int[] finite;
    private long bucketSize = 1;
    private int buckets;
    /** Points, finite or not, in the last bucket. */
    private long inLastBucket;
    private long size;
    private boolean changed;

    DecimatedSeries(String name) {
        this(name, MAX_SHOWN);
    }

    DecimatedSeries(String name, int maxShown) {
        if (maxShown < 2 || maxShown % 2 != 0) {
            throw new IllegalArgumentException("expected an even number of points >= 2, found " + maxShown);
        }
        this.series = new XYChart.Series<>(name, FXCollections.observableArrayList());
        this.maxShown = maxShown;
        this.sumX = new double[maxShown];
        this.sumY = new double[maxShown];
        this.finite = new int[maxShown];
    }

    /** The series a chart shows. */
    XYChart.Series<Number, Number> series() {
        return series;
    }

    /** Number of points added since the last clear. */
    synchronized long size() {
        return size;
    }

    /** Points each shown point stands for (the last may stand for fewer). */
    synchronized long bucketSize() {
        return bucketSize;
    }

    synchronized void add(double x, double y) {
        if (buckets == 0 || inLastBucket == bucketSize) {
            if (buckets == maxShown) {
                mergePairs();
            }
            buckets++;
            inLastBucket = 0;
        }
        int last = buckets - 1;
        if (Double.isFinite(y)) {
            sumX[last] += x;
            sumY[last] += y;
            finite[last]++;
        }
        inLastBucket++;
        size++;
        changed = true;
    }

    synchronized void addAll(double[] xs, double[] ys) {
        for (int index = 0; index < xs.length; index++) {
            add(xs[index], ys[index]);
        }
    }

    synchronized void clear() {
        Arrays.fill(sumX, 0);
        Arrays.fill(sumY, 0);
        Arrays.fill(finite, 0);
        bucketSize = 1;
        buckets = 0;
        inLastBucket = 0;
        size = 0;
        changed = true;
    }

    /** The points to show now: {x values, y values}. */
    synchronized double[][] shown() {
        double[] xs = new double[buckets];
        double[] ys = new double[buckets];
        int count = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            if (finite[bucket] > 0) {
                xs[count] = sumX[bucket] / finite[bucket];
                ys[count] = sumY[bucket] / finite[bucket];
                count++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, count), Arrays.copyOf(ys, count)};
    }

    /** Replaces the chart's points if points came since the last call; on the FX thread. */
    void refresh() {
        double[][] shown;
        synchronized (this) {
            if (!changed) {
                return;
            }
            changed = false;
            shown = shown();
        }
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(shown[0].length);
        for (int index = 0; index < shown[0].length; index++) {
            data.add(new XYChart.Data<>(shown[0][index], shown[1][index]));
        }
        series.getData().setAll(data);
    }

    /** Every bucket is full here: bucket i becomes buckets 2i and 2i + 1 together. */
    private void mergePairs() {
        for (int bucket = 0; bucket < buckets / 2; bucket++) {
            sumX[bucket] = sumX[2 * bucket] + sumX[2 * bucket + 1];
            sumY[bucket] = sumY[2 * bucket] + sumY[2 * bucket + 1];
            finite[bucket] = finite[2 * bucket] + finite[2 * bucket + 1];
        }
        Arrays.fill(sumX, buckets / 2, buckets, 0);
        Arrays.fill(sumY, buckets / 2, buckets, 0);
        Arrays.fill(finite, buckets / 2, buckets, 0);
        buckets /= 2;
        bucketSize *= 2;
        inLastBucket = bucketSize;
    }
}
