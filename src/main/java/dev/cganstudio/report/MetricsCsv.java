package dev.cganstudio.report;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.io.AtomicFiles;
import dev.cganstudio.training.EpochMetrics;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The per-epoch metrics of a run, one {@link EpochMetrics} per row of {@code metrics.csv} in the
 * run folder (RFC 4180 quoting, a header line, {@code \n} line ends), for plots, spreadsheets and
 * resuming.
 *
 * <p>Numbers are written by {@link Double#toString(double)} and read by
 * {@link Double#parseDouble(String)}: dots whatever the default locale, and every value reads back
 * exactly. A figure that was not computed ({@code NaN}) is an empty field; {@code NaN} is also
 * accepted when reading. Each change rewrites the whole file through {@link AtomicFiles}, so a
 * crash leaves the old file or the new one, never half a row; at about 500 bytes an epoch the file
 * stays small enough to rewrite. Not thread-safe: one writer per file.
 */
public final class MetricsCsv {

    /** Name of the metrics file in a run folder. */
    public static final String FILE_NAME = "metrics.csv";

    private static final String[] LEADING_COLUMNS = {
        "epoch", "steps", "d_loss", "g_loss", "d_real", "d_fake", "accuracy", "macro_f1", "weighted_f1"};
    private static final String F1_PREFIX = "f1_";
    private static final String FRECHET_COLUMN = "frechet";
    private static final String VARIETY_PREFIX = "variety_";
    private static final String[] TRAILING_COLUMNS = {"seconds", "images_per_second"};
    /**
     * Column names in file order: the leading figures, one F1 per label, the Fréchet distance, one
     * variety per label, then the trailing figures.
     */
    public static final List<String> HEADER = header();

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final String EMPTY = "";
    private static final String NAN = "NaN";
    private static final char LINE_END = '\n';

    private final Path file;

    /**
     * A metrics file at a path; nothing is read or written yet.
     *
     * @param file the CSV file, which need not exist
     */
    public MetricsCsv(Path file) {
        this.file = file;
    }

    /** The metrics file of a run: {@code runFolder/metrics.csv}. */
    public static MetricsCsv inRunFolder(Path runFolder) {
        return new MetricsCsv(runFolder.resolve(FILE_NAME));
    }

    private static List<String> header() {
        List<String> columns = new ArrayList<>(List.of(LEADING_COLUMNS));
        for (int label = 0; label < Mnist.CLASSES; label++) {
            columns.add(F1_PREFIX + label);
        }
        columns.add(FRECHET_COLUMN);
        for (int label = 0; label < Mnist.CLASSES; label++) {
            columns.add(VARIETY_PREFIX + label);
        }
        columns.addAll(List.of(TRAILING_COLUMNS));
        return Collections.unmodifiableList(columns);
    }

    /** The CSV file. */
    public Path file() {
        return file;
    }

    /**
     * Reads every row.
     *
     * @return the rows in file order, empty when the file does not exist
     * @throws MetricsFormatException if the file is not a metrics file as this class writes it
     * @throws IOException if the file cannot be read
     */
    public List<EpochMetrics> read() throws IOException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<EpochMetrics> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            try {
                checkHeader(records);
                LineCounter lines = new LineCounter(text);
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = lines.lineAt(record.getCharacterPosition());
                    EpochMetrics row = parseRow(record, line);
                    if (!rows.isEmpty() && row.epoch() <= rows.get(rows.size() - 1).epoch()) {
                        throw new MetricsFormatException(file, line, "expected an epoch after "
                                + rows.get(rows.size() - 1).epoch() + ", found " + row.epoch());
                    }
                    rows.add(row);
                }
            } catch (UncheckedIOException e) {
                // Commons CSV reports broken quoting this way, after reading the line at fault.
                throw new MetricsFormatException(file, parser.getCurrentLineNumber(),
                        "expected valid CSV, found " + e.getCause().getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * Adds a row after the last and rewrites the file atomically.
     *
     * @param row the figures of an epoch later than every epoch in the file
     * @return all rows now in the file
     * @throws IllegalStateException if the file already has this epoch or a later one (on resume,
     *     {@link #truncateAfter(int)} first)
     * @throws IllegalArgumentException if the row does not have one F1 and one variety per label;
     *     the file is then left as it was
     * @throws IOException if the file cannot be read or written
     */
    public List<EpochMetrics> append(EpochMetrics row) throws IOException {
        List<EpochMetrics> rows = read();
        if (!rows.isEmpty() && row.epoch() <= rows.get(rows.size() - 1).epoch()) {
            throw new IllegalStateException("expected an epoch after " + rows.get(rows.size() - 1).epoch()
                    + " in " + file + ", found " + row.epoch() + " (truncate the file when resuming)");
        }
        rows.add(row);
        write(rows);
        return Collections.unmodifiableList(rows);
    }

    /**
     * Drops the rows of epochs after {@code epoch}, so that a run resumed from that epoch writes
     * each later epoch once.
     *
     * @param epoch the last epoch to keep; 0 drops every row
     * @return how many rows were dropped; the file is rewritten only when some were
     * @throws IOException if the file cannot be read or written
     */
    public int truncateAfter(int epoch) throws IOException {
        List<EpochMetrics> rows = read();
        List<EpochMetrics> kept = new ArrayList<>();
        for (EpochMetrics row : rows) {
            if (row.epoch() <= epoch) {
                kept.add(row);
            }
        }
        int dropped = rows.size() - kept.size();
        if (dropped > 0) {
            write(kept);
        }
        return dropped;
    }

    /** Rows are formatted while the temporary file is written; a failure leaves the real file untouched. */
    private void write(List<EpochMetrics> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(HEADER);
            for (EpochMetrics row : rows) {
                printer.printRecord(format(row));
            }
            printer.flush();
        });
    }

    private static List<String> format(EpochMetrics row) {
        checkPerLabel(row.perLabelF1(), "F1", row.epoch());
        checkPerLabel(row.variety(), "variety", row.epoch());
        List<String> values = new ArrayList<>(HEADER.size());
        values.add(Integer.toString(row.epoch()));
        values.add(Long.toString(row.steps()));
        for (double value : new double[] {row.discriminatorLoss(), row.generatorLoss(), row.realScore(),
                row.fakeScore(), row.accuracy(), row.macroF1(), row.weightedF1()}) {
            values.add(format(value));
        }
        for (double value : row.perLabelF1()) {
            values.add(format(value));
        }
        values.add(format(row.frechetDistance()));
        for (double value : row.variety()) {
            values.add(format(value));
        }
        values.add(format(row.seconds()));
        values.add(format(row.imagesPerSecond()));
        return values;
    }

    private static void checkPerLabel(double[] perLabel, String figure, int epoch) {
        if (perLabel == null || perLabel.length != Mnist.CLASSES) {
            throw new IllegalArgumentException("expected " + Mnist.CLASSES + " per-label " + figure
                    + " values in epoch " + epoch + ", found " + (perLabel == null ? "none" : perLabel.length));
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? EMPTY : Double.toString(value);
    }

    private void checkHeader(Iterator<CSVRecord> records) throws MetricsFormatException {
        if (!records.hasNext()) {
            throw new MetricsFormatException(file, 1, "expected header " + String.join(",", HEADER)
                    + ", found an empty file");
        }
        List<String> found = records.next().toList();
        if (!found.equals(HEADER)) {
            throw new MetricsFormatException(file, 1, "expected header " + String.join(",", HEADER)
                    + ", found " + String.join(",", found));
        }
    }

    private EpochMetrics parseRow(CSVRecord record, long line) throws MetricsFormatException {
        if (record.size() != HEADER.size()) {
            throw new MetricsFormatException(file, line, "expected " + HEADER.size() + " fields, found "
                    + record.size());
        }
        int column = 0;
        int epoch = (int) parseWhole(record, column++, line, Integer.MAX_VALUE);
        long steps = parseWhole(record, column++, line, Long.MAX_VALUE);
        double[] leading = new double[LEADING_COLUMNS.length - column];
        for (int index = 0; index < leading.length; index++) {
            leading[index] = parseNumber(record, column++, line);
        }
        double[] perLabelF1 = parsePerLabel(record, column, line);
        column += Mnist.CLASSES;
        double frechet = parseNumber(record, column++, line);
        double[] variety = parsePerLabel(record, column, line);
        column += Mnist.CLASSES;
        double seconds = parseNumber(record, column++, line);
        double imagesPerSecond = parseNumber(record, column, line);
        return new EpochMetrics(epoch, steps, leading[0], leading[1], leading[2], leading[3], leading[4],
                leading[5], leading[6], perLabelF1, frechet, variety, seconds, imagesPerSecond);
    }

    /** One number per label from {@code firstColumn} on. */
    private double[] parsePerLabel(CSVRecord record, int firstColumn, long line) throws MetricsFormatException {
        double[] perLabel = new double[Mnist.CLASSES];
        for (int label = 0; label < perLabel.length; label++) {
            perLabel[label] = parseNumber(record, firstColumn + label, line);
        }
        return perLabel;
    }

    private long parseWhole(CSVRecord record, int column, long line, long max) throws MetricsFormatException {
        String text = record.get(column);
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the column name
        }
        throw new MetricsFormatException(file, line, "column " + HEADER.get(column)
                + ": expected a whole number of at least 0, found '" + text + "'");
    }

    private double parseNumber(CSVRecord record, int column, long line) throws MetricsFormatException {
        String text = record.get(column);
        if (text.isEmpty() || text.equals(NAN)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new MetricsFormatException(file, line, "column " + HEADER.get(column)
                    + ": expected a number with a dot or an empty field, found '" + text + "'", e);
        }
    }

    /** Turns character positions, taken in increasing order, into 1-based line numbers. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private long line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        /** Counts line ends up to {@code target}, so quoted line breaks inside fields count too. */
        long lineAt(long target) {
            while (position < target) {
                if (text.charAt(position++) == LINE_END) {
                    line++;
                }
            }
            return line;
        }
    }
}
