package dev.cganstudio.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.training.EpochMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

    private static final String HEADER_LINE = "epoch,steps,d_loss,g_loss,d_real,d_fake,accuracy,macro_f1,weighted_f1,"
            + "f1_0,f1_1,f1_2,f1_3,f1_4,f1_5,f1_6,f1_7,f1_8,f1_9,frechet,"
            + "variety_0,variety_1,variety_2,variety_3,variety_4,variety_5,variety_6,variety_7,variety_8,variety_9,"
            + "seconds,images_per_second";

    @TempDir
    Path folder;

    private final Locale originalLocale = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(originalLocale);
    }

    @Test
    void writesTheHeaderAndOneLinePerEpochWithNaNAsAnEmptyField() throws IOException {
        double[] perLabel = {0.5, 0.25, 0.125, 1, 0, 0.75, 0.5, 0.5, 0.5, Double.NaN};
        double[] variety = {9.5, 4, 8.25, 9, 8.5, 9.25, 8.75, 7.5, 9.75, Double.NaN};
        EpochMetrics row = new EpochMetrics(1, 600, 0.5, 1.25, 0.75, 0.25, 0.875, 0.625, 0.5,
                perLabel, Double.NaN, variety, 30, 2000);

        MetricsCsv.inRunFolder(folder).append(row);

        assertEquals(HEADER_LINE + "\n"
                + "1,600,0.5,1.25,0.75,0.25,0.875,0.625,0.5,0.5,0.25,0.125,1.0,0.0,0.75,0.5,0.5,0.5,,,"
                + "9.5,4.0,8.25,9.0,8.5,9.25,8.75,7.5,9.75,,30.0,2000.0\n",
                Files.readString(folder.resolve("metrics.csv")));
        assertEquals(HEADER_LINE, String.join(",", MetricsCsv.HEADER));
    }

    @Test
    void roundTripKeepsEveryValueExactly() throws IOException {
        MetricsCsv csv = MetricsCsv.inRunFolder(folder);
        double[] awkward = {0.1 + 0.2, 1e-5, Double.MIN_VALUE, 123456789.123456789, 1.0 / 3, -0.0, 2.5e300,
                Double.NaN, Double.POSITIVE_INFINITY, 0.9999999999999999};
        double[] awkwardVariety = {Math.sqrt(2), Double.NaN, 1e-320, 9.800000000000001, 4.1, -0.0, 7.0 / 3,
                Double.NEGATIVE_INFINITY, 1e15 + 0.5, 0.30000000000000004};
        EpochMetrics first = new EpochMetrics(1, 9_876_543_210L, 0.6931471805599453, 2.0 / 3, Math.PI / 4,
                Math.E / 10, 0.1 + 0.7, Double.NaN, 1e-300, awkward, 17.000000000000004, awkwardVariety, 59.99,
                1234.5678);
        EpochMetrics second = row(2);

        csv.append(first);
        List<EpochMetrics> returned = csv.append(second);
        List<EpochMetrics> read = csv.read();

        assertEquals(2, read.size());
        assertSameFigures(first, read.get(0));
        assertSameFigures(second, read.get(1));
        assertEquals(2, returned.size());
        assertSameFigures(first, returned.get(0));
    }

    @Test
    void numbersHaveDotsUnderAGermanDefaultLocale() throws IOException {
        Locale.setDefault(Locale.GERMANY);
        MetricsCsv csv = MetricsCsv.inRunFolder(folder);

        double[] variety = new double[Mnist.CLASSES];
        Arrays.fill(variety, 9.75);
        csv.append(new EpochMetrics(1, 10, 0.5, 1.5, 0.25, 0.75, 0.125, 0.375, 0.625,
                new double[Mnist.CLASSES], 1234.5, variety, 60.25, 1e7));

        String text = Files.readString(csv.file());
        assertTrue(text.contains("\n1,10,0.5,1.5,0.25,0.75,0.125,0.375,0.625,"), text);
        assertTrue(text.endsWith(",1234.5,9.75,9.75,9.75,9.75,9.75,9.75,9.75,9.75,9.75,9.75,60.25,1.0E7\n"), text);
        assertEquals(0.5, csv.read().get(0).discriminatorLoss());
        assertEquals(1e7, csv.read().get(0).imagesPerSecond());
    }

    @Test
    void readsNaNSpelledOut() throws IOException {
        List<EpochMetrics> rows = new MetricsCsv(fixture("nan-spelled-out.csv")).read();

        assertTrue(Double.isNaN(rows.get(0).frechetDistance()));
        assertTrue(Double.isNaN(rows.get(0).variety()[7]));
        assertEquals(9.3, rows.get(0).variety()[8]);
        assertEquals(30.0, rows.get(0).seconds());
    }

    @Test
    void aMissingFileHasNoRows() throws IOException {
        assertEquals(List.of(), MetricsCsv.inRunFolder(folder).read());
    }

    @Test
    void truncateAfterDropsLaterEpochsAndAppendingGoesOnFromThere() throws IOException {
        MetricsCsv csv = MetricsCsv.inRunFolder(folder);
        for (int epoch = 1; epoch <= 5; epoch++) {
            csv.append(row(epoch));
        }

        int dropped = csv.truncateAfter(3);
        csv.append(row(4));

        assertEquals(2, dropped);
        assertEquals(List.of(1, 2, 3, 4), epochs(csv.read()));
    }

    @Test
    void truncateAfterTheLastEpochOrOnAMissingFileChangesNothing() throws IOException {
        MetricsCsv csv = MetricsCsv.inRunFolder(folder);

        assertEquals(0, csv.truncateAfter(3));
        assertFalse(Files.exists(csv.file()), "truncating must not create the file");

        csv.append(row(1));
        byte[] before = Files.readAllBytes(csv.file());
        assertEquals(0, csv.truncateAfter(1));
        assertArrayEquals(before, Files.readAllBytes(csv.file()));
        assertEquals(1, csv.truncateAfter(0));
        assertEquals(List.of(), csv.read());
    }

    @Test
    void appendRefusesAnEpochAlreadyInTheFile() throws IOException {
        MetricsCsv csv = MetricsCsv.inRunFolder(folder);
        csv.append(row(1));
        csv.append(row(2));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> csv.append(row(2)));

        assertEquals("expected an epoch after 2 in " + csv.file() + ", found 2 (truncate the file when resuming)",
                error.getMessage());
    }

    /**
     * The new row is formatted after the header and the old rows have gone to the temporary file,
     * so a row that cannot be formatted fails half-way through the write, as a crash would.
     */
    @Test
    void aWriteFailingHalfWayLeavesTheFileAsItWasAndNoTemporaryFile() throws IOException {
        MetricsCsv csv = MetricsCsv.inRunFolder(folder);
        csv.append(row(1));
        csv.append(row(2));
        byte[] before = Files.readAllBytes(csv.file());
        EpochMetrics failing = new EpochMetrics(3, 1800, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
                new double[] {1, 2, 3}, 1, new double[Mnist.CLASSES], 1, 1);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> csv.append(failing));

        assertEquals("expected 10 per-label F1 values in epoch 3, found 3", error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(csv.file()));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(csv.file()), files.toList());
        }
    }

    @Test
    void aRowWithoutOneVarietyPerLabelIsRefusedAndTheFileKept() throws IOException {
        MetricsCsv csv = MetricsCsv.inRunFolder(folder);
        csv.append(row(1));
        byte[] before = Files.readAllBytes(csv.file());
        EpochMetrics failing = new EpochMetrics(2, 1200, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
                new double[Mnist.CLASSES], 1, null, 1, 1);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> csv.append(failing));

        assertEquals("expected 10 per-label variety values in epoch 2, found none", error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(csv.file()));
    }

    @Test
    void anEmptyFileIsMalformed() throws IOException {
        MetricsFormatException error = assertMalformed("empty.csv");

        assertEquals(1, error.line());
        assertTrue(error.getMessage().endsWith("empty.csv line 1: expected header " + HEADER_LINE
                + ", found an empty file"), error.getMessage());
    }

    @Test
    void aWrongHeaderIsMalformed() throws IOException {
        MetricsFormatException error = assertMalformed("wrong-header.csv");

        assertEquals(1, error.line());
        assertTrue(error.getMessage().contains(", found epoch,steps,g_loss,d_loss,d_real"), error.getMessage());
    }

    @Test
    void aHalfRowIsMalformedAtItsLine() throws IOException {
        MetricsFormatException error = assertMalformed("short-row.csv");

        assertEquals(3, error.line());
        assertTrue(error.getMessage().endsWith("short-row.csv line 3: expected 32 fields, found 9"),
                error.getMessage());
    }

    @Test
    void aWordWhereANumberBelongsIsMalformedAtItsLineAndColumn() throws IOException {
        MetricsFormatException error = assertMalformed("not-a-number.csv");

        assertEquals(3, error.line());
        assertTrue(error.getMessage().endsWith(
                "line 3: column d_loss: expected a number with a dot or an empty field, found 'zwei'"),
                error.getMessage());
    }

    @Test
    void aRepeatedEpochIsMalformed() throws IOException {
        MetricsFormatException error = assertMalformed("repeated-epoch.csv");

        assertEquals(4, error.line());
        assertTrue(error.getMessage().endsWith("line 4: expected an epoch after 2, found 2"), error.getMessage());
    }

    @Test
    void anUnclosedQuoteIsMalformed() throws IOException {
        MetricsFormatException error = assertMalformed("broken-quote.csv");

        assertEquals(3, error.line());
        assertTrue(error.getMessage().contains("line 3: expected valid CSV, found "), error.getMessage());
    }

    private MetricsFormatException assertMalformed(String name) throws IOException {
        MetricsCsv csv = new MetricsCsv(fixture(name));
        MetricsFormatException error = assertThrows(MetricsFormatException.class, csv::read);
        assertEquals(csv.file(), error.file());
        return error;
    }

    /** Copies a fixture into the temporary folder, so tests never write next to the originals. */
    private Path fixture(String name) throws IOException {
        Path copy = folder.resolve(name);
        try (InputStream in = MetricsCsvTest.class.getResourceAsStream("metrics/" + name)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    /** A plausible row whose figures depend on the epoch, so rows differ. */
    static EpochMetrics row(int epoch) {
        double[] perLabel = new double[Mnist.CLASSES];
        double[] variety = new double[Mnist.CLASSES];
        for (int label = 0; label < perLabel.length; label++) {
            perLabel[label] = 0.5 + 0.04 * label + 0.01 * epoch;
            variety[label] = 8 + 0.1 * label + 0.2 * epoch;
        }
        return new EpochMetrics(epoch, 600L * epoch, 0.7 - 0.05 * epoch, 0.9 + 0.1 * epoch, 0.6, 0.4,
                0.5 + 0.08 * epoch, 0.45 + 0.08 * epoch, 0.46 + 0.08 * epoch, perLabel, 40.0 / epoch, variety,
                30 + epoch, 2000 - epoch);
    }

    private static List<Integer> epochs(List<EpochMetrics> rows) {
        return rows.stream().map(EpochMetrics::epoch).toList();
    }

    /** Records compare arrays by reference, so compare every figure, NaN equal to NaN, -0.0 to -0.0. */
    static void assertSameFigures(EpochMetrics expected, EpochMetrics found) {
        assertEquals(expected.epoch(), found.epoch());
        assertEquals(expected.steps(), found.steps());
        double[] wanted = {expected.discriminatorLoss(), expected.generatorLoss(), expected.realScore(),
            expected.fakeScore(), expected.accuracy(), expected.macroF1(), expected.weightedF1(),
            expected.frechetDistance(), expected.seconds(), expected.imagesPerSecond()};
        double[] got = {found.discriminatorLoss(), found.generatorLoss(), found.realScore(),
            found.fakeScore(), found.accuracy(), found.macroF1(), found.weightedF1(),
            found.frechetDistance(), found.seconds(), found.imagesPerSecond()};
        assertArrayEquals(wanted, got, Arrays.toString(got));
        assertArrayEquals(expected.perLabelF1(), found.perLabelF1(), Arrays.toString(found.perLabelF1()));
        assertArrayEquals(expected.variety(), found.variety(), Arrays.toString(found.variety()));
    }
}
