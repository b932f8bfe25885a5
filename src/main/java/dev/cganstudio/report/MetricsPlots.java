package dev.cganstudio.report;

import dev.cganstudio.training.EpochMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a run's per-epoch figures as three PNG charts with XChart: {@code metrics.png}, how well the
 * judge recognises generated digits, {@code losses.png}, the adversarial game itself, and
 * {@code quality.png}, how close generated digits come to real ones and how varied they are. Drawing
 * happens on an off-screen image only, so it works headless ({@code java.awt.headless=true}) and
 * on any thread. Values that are NaN or infinite are left out of their line; a line with no value
 * left is not drawn, and a chart with no line at all still draws its axes and titles.
 */
public final class MetricsPlots {

    /** File name of the recognition chart in a run folder. */
    public static final String METRICS_FILE = "metrics.png";
    /** File name of the loss chart in a run folder. */
    public static final String LOSSES_FILE = "losses.png";
    /** File name of the likeness and variety chart in a run folder. */
    public static final String QUALITY_FILE = "quality.png";
    /** Default chart width in pixels: readable in a file viewer and the studio's chart pane. */
    public static final int DEFAULT_WIDTH = 900;
    /** Default chart height in pixels. */
    public static final int DEFAULT_HEIGHT = 540;

    private static final String EPOCH_AXIS = "Epoch";
    private static final String WHOLE_NUMBER = "0";
    private static final String VALUE = "0.######";
    private static final int LEFT_AXIS = 0;
    private static final int RIGHT_AXIS = 1;
    private static final double SCORE_MIN = 0;
    private static final double SCORE_MAX = 1;
    /** Steps of the score axis's lower end. */
    private static final double SCORE_AXIS_STEP = 0.05;
    /** Room below the lowest score, so that its point does not sit on the axis. */
    private static final double SCORE_AXIS_MARGIN = 0.01;
    /** Half an epoch of margin either side, so end points and a lone first epoch sit inside the plot. */
    private static final double EPOCH_MARGIN = 0.5;
    /** A lone epoch gets a whole epoch either side, so that the axis spans whole-epoch ticks. */
    private static final double LONE_EPOCH_MARGIN = 1;
    /** Keeps XChart's tick spacing hint below the plot width, past which it draws no ticks. */
    private static final int MAX_HINT_FRACTION_OF_WIDTH = 3;
    private static final int MARKER_PIXELS = 6;
    private static final float LINE_WIDTH = 2f;
    private static final float[] DASH = {6f, 4f};

    // Line colours: the first four of matplotlib's default cycle, familiar from notebooks.
    static final Color BLUE = new Color(31, 119, 180);
    static final Color ORANGE = new Color(255, 127, 14);
    static final Color GREEN = new Color(44, 160, 44);
    static final Color RED = new Color(214, 39, 40);

    private final int width;
    private final int height;

    /** Plots of {@link #DEFAULT_WIDTH} by {@link #DEFAULT_HEIGHT} pixels. */
    public MetricsPlots() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Plots of a given size.
     *
     * @param width image width in pixels, at least 1
     * @param height image height in pixels, at least 1
     */
    public MetricsPlots(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("expected a plot size of at least 1x1 pixels, found "
                    + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /**
     * Writes {@link #METRICS_FILE}, {@link #LOSSES_FILE} and {@link #QUALITY_FILE} into a run
     * folder, each atomically.
     *
     * @param rows the epochs so far, in order
     * @param runFolder the run folder, created if missing
     * @throws IOException if a file cannot be written
     */
    public void writeAll(List<EpochMetrics> rows, Path runFolder) throws IOException {
        PngFiles.write(renderMetrics(rows), runFolder.resolve(METRICS_FILE));
        PngFiles.write(renderLosses(rows), runFolder.resolve(LOSSES_FILE));
        PngFiles.write(renderQuality(rows), runFolder.resolve(QUALITY_FILE));
    }

    /**
     * Draws accuracy, macro F1 and weighted F1 against epoch, up to 1, from the
     * {@linkplain #scoreAxisMin lowest score's step below}. Weighted F1 is dashed: with as many
     * digits of every label it equals macro F1 and would hide it.
     */
    public BufferedImage renderMetrics(List<EpochMetrics> rows) {
        XYChart chart = newChart("How well the judge recognises generated digits",
                "Score (1 = best)", rows);
        chart.getStyler().setYAxisMin(scoreAxisMin(rows)).setYAxisMax(SCORE_MAX);
        addLine(chart, "Accuracy", rows, EpochMetrics::accuracy, BLUE, false, LEFT_AXIS);
        addLine(chart, "Macro F1 (labels equal)", rows, EpochMetrics::macroF1, ORANGE, false, LEFT_AXIS);
        addLine(chart, "Weighted F1 (by label count)", rows, EpochMetrics::weightedF1, GREEN, true, LEFT_AXIS);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * The score axis starts at the multiple of {@value #SCORE_AXIS_STEP} below the lowest score,
     * so that a run at 0.98 to 0.99 shows its progress instead of a flat line along the top.
     */
    static double scoreAxisMin(List<EpochMetrics> rows) {
        double lowest = rows.stream()
                .flatMapToDouble(row -> DoubleStream.of(row.accuracy(), row.macroF1(), row.weightedF1()))
                .filter(Double::isFinite).min().orElse(SCORE_MIN);
        double below = Math.floor((Math.min(lowest, SCORE_MAX) - SCORE_AXIS_MARGIN) / SCORE_AXIS_STEP)
                * SCORE_AXIS_STEP;
        return Math.max(SCORE_MIN, below);
    }

    /**
     * Draws the mean discriminator and generator losses (left axis, from 0) and the mean
     * discriminator outputs on real and generated digits (right axis, 0 to 1) against epoch.
     */
    public BufferedImage renderLosses(List<EpochMetrics> rows) {
        XYChart chart = newChart("Training losses and discriminator outputs",
                "Loss (binary cross-entropy)", rows);
        chart.setYAxisGroupTitle(RIGHT_AXIS, "Discriminator output (1 = judged real)");
        chart.getStyler().setYAxisGroupPosition(RIGHT_AXIS, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(LEFT_AXIS, 0.0)
                .setYAxisMin(RIGHT_AXIS, SCORE_MIN)
                .setYAxisMax(RIGHT_AXIS, SCORE_MAX);
        addLine(chart, "Discriminator loss", rows, EpochMetrics::discriminatorLoss, BLUE, false, LEFT_AXIS);
        addLine(chart, "Generator loss", rows, EpochMetrics::generatorLoss, ORANGE, false, LEFT_AXIS);
        addLine(chart, "D(x): output on real digits", rows, EpochMetrics::realScore, GREEN, true, RIGHT_AXIS);
        addLine(chart, "D(G(z)): output on generated digits", rows, EpochMetrics::fakeScore, RED, true, RIGHT_AXIS);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Draws the Fréchet distance to real digits (left axis, from 0) and the variety of generated
     * digits (right axis, from 0), as the mean over labels and as the lowest label's, against
     * epoch. A lowest line falling well below the mean points at one label collapsing.
     */
    public BufferedImage renderQuality(List<EpochMetrics> rows) {
        XYChart chart = newChart("Likeness to real digits and variety of generated digits",
                "Fréchet distance to real digits (lower = closer)", rows);
        chart.setYAxisGroupTitle(RIGHT_AXIS, "Variety: mean feature distance within a label");
        chart.getStyler().setYAxisGroupPosition(RIGHT_AXIS, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(LEFT_AXIS, 0.0).setYAxisMin(RIGHT_AXIS, 0.0);
        addLine(chart, "Fréchet distance", rows, EpochMetrics::frechetDistance, BLUE, false, LEFT_AXIS);
        addLine(chart, "Variety, mean over labels", rows, MetricsPlots::meanVariety, GREEN, true, RIGHT_AXIS);
        addLine(chart, "Variety, lowest label", rows, MetricsPlots::lowestVariety, RED, true, RIGHT_AXIS);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Mean of an epoch's per-label variety over the labels that have one; NaN if none has. */
    static double meanVariety(EpochMetrics row) {
        return definedVariety(row).average().orElse(Double.NaN);
    }

    /** The lowest per-label variety of an epoch, labels without one left out; NaN if none has. */
    static double lowestVariety(EpochMetrics row) {
        return definedVariety(row).min().orElse(Double.NaN);
    }

    private static DoubleStream definedVariety(EpochMetrics row) {
        return row.variety() == null ? DoubleStream.empty()
                : Arrays.stream(row.variety()).filter(value -> !Double.isNaN(value));
    }

    private XYChart newChart(String title, String yAxisTitle, List<EpochMetrics> rows) {
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(EPOCH_AXIS).yAxisTitle(yAxisTitle).build();
        chart.setYAxisGroupTitle(LEFT_AXIS, yAxisTitle);
        XYStyler styler = chart.getStyler();
        // Below the plot, so the legend never hides a line whichever way the figures move.
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setMarkerSize(MARKER_PIXELS);
        styler.setLocale(Locale.ROOT);
        if (!rows.isEmpty()) {
            int firstEpoch = rows.get(0).epoch();
            int lastEpoch = rows.get(rows.size() - 1).epoch();
            double margin = firstEpoch == lastEpoch ? LONE_EPOCH_MARGIN : EPOCH_MARGIN;
            double first = firstEpoch - margin;
            double last = lastEpoch + margin;
            styler.setXAxisMin(first).setXAxisMax(last);
            // Ticks on whole epochs only. XChart 3.8.8 draws no tick at all when its step would need
            // decimals the "0" pattern drops, or when the spacing hint exceeds the plot width; a hint of
            // about one epoch's width, capped well below the plot width, makes its step 1, 2, 5, 10...
            // (Blanking ticks with a label formatting function instead hides every x label:
            // knowm/XChart issue #792.)
            int epochPixels = (int) Math.ceil(width / (last - first));
            int hint = Math.min(epochPixels, width / MAX_HINT_FRACTION_OF_WIDTH);
            styler.setXAxisTickMarkSpacingHint(Math.max(styler.getXAxisTickMarkSpacingHint(), hint));
            styler.setXAxisDecimalPattern(WHOLE_NUMBER);
        }
        // XChart's own y labels drop the leading zero below 0.1 (".05" beside "0.1"); enough
        // optional places that no tick step needs more, which would leave the axis without ticks.
        styler.setYAxisDecimalPattern(VALUE);
        return chart;
    }

    private static void addLine(XYChart chart, String name, List<EpochMetrics> rows,
                                ToDoubleFunction<EpochMetrics> figure, Color color, boolean dashed, int axis) {
        List<Double> epochs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (EpochMetrics row : rows) {
            double value = figure.applyAsDouble(row);
            if (Double.isFinite(value)) {
                epochs.add((double) row.epoch());
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, epochs, values);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(dashed
                ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, LINE_WIDTH, DASH, 0f)
                : new BasicStroke(LINE_WIDTH));
        series.setYAxisGroup(axis);
    }
}
