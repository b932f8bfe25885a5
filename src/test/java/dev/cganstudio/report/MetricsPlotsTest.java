package dev.cganstudio.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.training.EpochMetrics;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsPlotsTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;

    @TempDir
    Path folder;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void writesEveryChartAsAPngOfTheRequestedSize() throws IOException {
        new MetricsPlots(WIDTH, HEIGHT).writeAll(epochs(5), folder);

        assertPng(folder.resolve("metrics.png"));
        assertPng(folder.resolve("losses.png"));
        assertPng(folder.resolve("quality.png"));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(3, files.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void drawsASingleEpoch() throws IOException {
        new MetricsPlots(WIDTH, HEIGHT).writeAll(epochs(1), folder);

        assertPng(folder.resolve("metrics.png"));
        assertPng(folder.resolve("losses.png"));
        assertPng(folder.resolve("quality.png"));
    }

    @Test
    void drawsAxesWithNoEpochOrOnlyNaN() throws IOException {
        MetricsPlots plots = new MetricsPlots(WIDTH, HEIGHT);
        double[] noLabels = new double[Mnist.CLASSES];
        EpochMetrics blank = new EpochMetrics(1, 10, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, noLabels, Double.NaN, nanPerLabel(), Double.NaN, Double.NaN);

        assertEquals(WIDTH, plots.renderMetrics(List.of()).getWidth());
        assertEquals(HEIGHT, plots.renderLosses(List.of(blank)).getHeight());
        assertEquals(WIDTH, plots.renderQuality(List.of()).getWidth());
        BufferedImage quality = plots.renderQuality(List.of(blank));
        assertEquals(HEIGHT, quality.getHeight());
        assertEquals(0, pixelsOf(quality, MetricsPlots.BLUE) + pixelsOf(quality, MetricsPlots.GREEN)
                + pixelsOf(quality, MetricsPlots.RED), "no line may be drawn from NaN alone");
    }

    @Test
    void scoreAxisStartsJustBelowTheLowestScore() {
        List<EpochMetrics> high = new ArrayList<>();
        for (EpochMetrics row : epochs(2)) {
            high.add(withAccuracy(row, row.epoch() == 1 ? 0.9824 : 0.991));
        }

        assertEquals(0.95, MetricsPlots.scoreAxisMin(high.stream().map(row -> withF1(row, row.accuracy())).toList()),
                1e-12);
        assertEquals(0.25, MetricsPlots.scoreAxisMin(List.of(withF1(withAccuracy(epochs(1).get(0), 0.27), 0.3))),
                1e-12);
        assertEquals(0.0, MetricsPlots.scoreAxisMin(List.of()), 1e-12);
    }

    /** A NaN drawn as 0 would still put the accuracy colour on the chart; a skipped one does not. */
    @Test
    void skipsNaNValuesInsteadOfDrawingThemAsZero() {
        MetricsPlots plots = new MetricsPlots(WIDTH, HEIGHT);
        List<EpochMetrics> rows = new ArrayList<>();
        for (EpochMetrics row : epochs(3)) {
            rows.add(withAccuracy(row, Double.NaN));
        }

        assertEquals(0, pixelsOf(plots.renderMetrics(rows), MetricsPlots.BLUE));
        assertTrue(pixelsOf(plots.renderMetrics(epochs(3)), MetricsPlots.BLUE) > 0);
        assertTrue(pixelsOf(plots.renderMetrics(rows), MetricsPlots.ORANGE) > 0, "macro F1 is still drawn");
    }

    @Test
    void qualitySkipsNaNFrechetDistancesAndStillDrawsVariety() {
        MetricsPlots plots = new MetricsPlots(WIDTH, HEIGHT);
        List<EpochMetrics> rows = new ArrayList<>();
        for (EpochMetrics row : epochs(3)) {
            rows.add(withFrechetAndVariety(row, Double.NaN, row.variety()));
        }

        BufferedImage image = plots.renderQuality(rows);

        assertEquals(0, pixelsOf(image, MetricsPlots.BLUE));
        assertTrue(pixelsOf(plots.renderQuality(epochs(3)), MetricsPlots.BLUE) > 0);
        assertTrue(pixelsOf(image, MetricsPlots.GREEN) > 0, "mean variety is still drawn");
        assertTrue(pixelsOf(image, MetricsPlots.RED) > 0, "lowest variety is still drawn");
    }

    @Test
    void qualitySkipsEpochsWithNoVarietyAndStillDrawsTheDistance() {
        MetricsPlots plots = new MetricsPlots(WIDTH, HEIGHT);
        List<EpochMetrics> rows = new ArrayList<>();
        for (EpochMetrics row : epochs(3)) {
            rows.add(withFrechetAndVariety(row, row.frechetDistance(), nanPerLabel()));
        }

        BufferedImage image = plots.renderQuality(rows);

        assertEquals(0, pixelsOf(image, MetricsPlots.GREEN));
        assertEquals(0, pixelsOf(image, MetricsPlots.RED));
        assertTrue(pixelsOf(image, MetricsPlots.BLUE) > 0, "the Fréchet distance is still drawn");
    }

    /** Labels 1 and 4 have no variety: (2 + 6 + 3 + 9 + 5 + 7 + 4 + 8) / 8 = 5.5, lowest 2. */
    @Test
    void meanAndLowestVarietyLeaveOutLabelsWithoutOne() {
        double[] variety = {2, Double.NaN, 6, 3, Double.NaN, 9, 5, 7, 4, 8};
        EpochMetrics row = withFrechetAndVariety(MetricsCsvTest.row(1), 1, variety);

        assertEquals(5.5, MetricsPlots.meanVariety(row), 1e-12);
        assertEquals(2.0, MetricsPlots.lowestVariety(row));
        EpochMetrics none = withFrechetAndVariety(row, 1, nanPerLabel());
        assertTrue(Double.isNaN(MetricsPlots.meanVariety(none)));
        assertTrue(Double.isNaN(MetricsPlots.lowestVariety(none)));
    }

    @Test
    void rejectsAnEmptySize() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new MetricsPlots(0, 10));
        assertEquals("expected a plot size of at least 1x1 pixels, found 0x10", error.getMessage());
    }

    private static void assertPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " should decode as an image");
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
    }

    private static long pixelsOf(BufferedImage image, Color colour) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<EpochMetrics> epochs(int count) {
        List<EpochMetrics> rows = new ArrayList<>();
        for (int epoch = 1; epoch <= count; epoch++) {
            rows.add(MetricsCsvTest.row(epoch));
        }
        return rows;
    }

    private static EpochMetrics withAccuracy(EpochMetrics row, double accuracy) {
        return new EpochMetrics(row.epoch(), row.steps(), row.discriminatorLoss(), row.generatorLoss(),
                row.realScore(), row.fakeScore(), accuracy, row.macroF1(), row.weightedF1(), row.perLabelF1(),
                row.frechetDistance(), row.variety(), row.seconds(), row.imagesPerSecond());
    }

    private static EpochMetrics withF1(EpochMetrics row, double f1) {
        return new EpochMetrics(row.epoch(), row.steps(), row.discriminatorLoss(), row.generatorLoss(),
                row.realScore(), row.fakeScore(), row.accuracy(), f1, f1, row.perLabelF1(),
                row.frechetDistance(), row.variety(), row.seconds(), row.imagesPerSecond());
    }

    private static EpochMetrics withFrechetAndVariety(EpochMetrics row, double frechet, double[] variety) {
        return new EpochMetrics(row.epoch(), row.steps(), row.discriminatorLoss(), row.generatorLoss(),
                row.realScore(), row.fakeScore(), row.accuracy(), row.macroF1(), row.weightedF1(), row.perLabelF1(),
                frechet, variety, row.seconds(), row.imagesPerSecond());
    }

    private static double[] nanPerLabel() {
        double[] values = new double[Mnist.CLASSES];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
