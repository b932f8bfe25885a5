package dev.cganstudio.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.training.EpochEvent;
import dev.cganstudio.training.EpochMetrics;
import dev.cganstudio.training.SampleEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    private static final int GRID = Mnist.CLASSES;

    @TempDir
    Path runFolder;

    private final Locale originalLocale = Locale.getDefault();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(originalLocale);
    }

    @Test
    void writesTheEndOfEpochGridAsAZeroPaddedFile() throws IOException {
        RunReport report = new RunReport(runFolder);

        report.onSamples(samples(1, true));

        BufferedImage grid = ImageIO.read(runFolder.resolve("samples/epoch_001.png").toFile());
        assertNotNull(grid);
        assertEquals(SampleGrid.width(GRID), grid.getWidth());
        assertEquals(SampleGrid.height(GRID), grid.getHeight());
    }

    @Test
    void ignoresGridsTakenDuringAnEpoch() {
        new RunReport(runFolder).onSamples(samples(1, false));

        assertFalse(Files.exists(runFolder.resolve("samples")));
    }

    /** Thai digits would come out of String.format under this locale if it were not pinned. */
    @Test
    void sampleFileNamesUseAsciiDigitsWhateverTheLocale() {
        Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));

        assertEquals(runFolder.resolve("samples").resolve("epoch_012.png"), RunReport.sampleFile(runFolder, 12));
        assertEquals("epoch_1000.png", RunReport.sampleFile(runFolder, 1000).getFileName().toString());
    }

    @Test
    void eachEvaluatedEpochAddsACsvRowAndRedrawsEveryChart() throws IOException {
        RunReport report = new RunReport(runFolder);

        report.onEpochEvaluated(evaluated(1));
        report.onEpochEvaluated(evaluated(2));

        List<EpochMetrics> rows = MetricsCsv.inRunFolder(runFolder).read();
        assertEquals(List.of(1, 2), rows.stream().map(EpochMetrics::epoch).toList());
        MetricsCsvTest.assertSameFigures(MetricsCsvTest.row(2), rows.get(1));
        assertNotNull(ImageIO.read(runFolder.resolve("metrics.png").toFile()));
        assertNotNull(ImageIO.read(runFolder.resolve("losses.png").toFile()));
        assertNotNull(ImageIO.read(runFolder.resolve("quality.png").toFile()));
    }

    @Test
    void resumingDropsLaterRowsSoTheirEpochsCanBeWrittenAgain() throws IOException {
        RunReport first = new RunReport(runFolder);
        for (int epoch = 1; epoch <= 3; epoch++) {
            first.onEpochEvaluated(evaluated(epoch));
        }

        RunReport resumed = new RunReport(runFolder);
        resumed.resumeAfter(1);
        resumed.onEpochEvaluated(evaluated(2));

        List<EpochMetrics> rows = resumed.metricsCsv().read();
        assertEquals(List.of(1, 2), rows.stream().map(EpochMetrics::epoch).toList());
    }

    @Test
    void withoutResumingARepeatedEpochIsRefused() {
        RunReport report = new RunReport(runFolder);
        report.onEpochEvaluated(evaluated(1));

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> report.onEpochEvaluated(evaluated(1)));
        assertTrue(error.getMessage().startsWith("expected an epoch after 1 in "), error.getMessage());
    }

    private EpochEvent evaluated(int epoch) {
        return new EpochEvent(MetricsCsvTest.row(epoch), false, runFolder);
    }

    private static SampleEvent samples(int epoch, boolean epochEnd) {
        float[] pixels = new float[GRID * GRID * Mnist.PIXELS];
        for (int image = 0; image < GRID * GRID; image++) {
            pixels[image * Mnist.PIXELS + Mnist.PIXELS / 2] = 1f;
        }
        return new SampleEvent(epoch, 600L * epoch, pixels, GRID, GRID, epochEnd);
    }
}
