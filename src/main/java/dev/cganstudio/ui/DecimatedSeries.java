package dev.cganstudio.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chart series that keeps every point but shows at most {@link #MAX_SHOWN} of them, so that a
 * chart of tens of thousands of steps stays smooth. Each shown point is the mean of a bucket of
 * consecutive points; buckets hold a power of two of points and start at multiples of it, so
 * points already shown do not shift as new ones arrive. Used on the FX thread.
 */
final class DecimatedSeries {

    /** Most points a chart line draws: about one per two pixels of a wide chart. */
    static final int MAX_SHOWN = 400;
    private static final int INITIAL_CAPACITY = 1024;

    private final XYChart.Series<Number, Number> series;
    private double[] xs = new double[INITIAL_CAPACITY];
    private double[] ys = new double[INITIAL_CAPACITY];
    private int size;
    private boolean changed;

    DecimatedSeries(String name) {
        series = new XYChart.Series<>(name, FXCollections.observableArrayList());
    }

    /** The series a chart shows. */
    XYChart.Series<Number, Number> series() {
        return series;
    }

    /** Number of points kept. */
    int size() {
        return size;
    }

    void add(double x, double y) {
        addAll(new double[] {x}, new double[] {y});
    }

    void addAll(double[] newXs, double[] newYs) {
        if (size + newXs.length > xs.length) {
            int capacity = Math.max(xs.length * 2, size + newXs.length);
            xs = Arrays.copyOf(xs, capacity);
            ys = Arrays.copyOf(ys, capacity);
        }
        System.arraycopy(newXs, 0, xs, size, newXs.length);
        System.arraycopy(newYs, 0, ys, size, newYs.length);
        size += newXs.length;
        changed |= newXs.length > 0;
    }

    void clear() {
        size = 0;
        changed = true;
    }

    /** Replaces the shown points if points came since the last call. */
    void refresh() {
        if (!changed) {
            return;
        }
        changed = false;
        double[][] shown = decimate(xs, ys, size, MAX_SHOWN);
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(shown[0].length);
        for (int index = 0; index < shown[0].length; index++) {
            data.add(new XYChart.Data<>(shown[0][index], shown[1][index]));
        }
        ObservableList<XYChart.Data<Number, Number>> target = series.getData();
        target.setAll(data);
    }

    /**
     * At most {@code maxShown} points: bucket means over the first {@code size} points, the
     * bucket size the least power of two that needs no more buckets. Buckets with no finite
     * value are left out.
     *
     * @return {x values, y values}
     */
    static double[][] decimate(double[] xs, double[] ys, int size, int maxShown) {
        int bucket = 1;
        while ((size + bucket - 1) / bucket > maxShown) {
            bucket *= 2;
        }
        int buckets = (size + bucket - 1) / bucket;
        double[] outX = new double[buckets];
        double[] outY = new double[buckets];
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
