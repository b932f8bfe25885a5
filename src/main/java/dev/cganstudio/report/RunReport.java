package dev.cganstudio.report;

import dev.cganstudio.io.AtomicFiles;
import dev.cganstudio.training.EpochEvent;
import dev.cganstudio.training.EpochMetrics;
import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.SampleEvent;
import dev.cganstudio.training.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a run folder's report up to date as the engine trains: the end-of-epoch sample grid as
 * {@code samples/epoch_001.png}, a row of {@code metrics.csv} per evaluated epoch, and the
 * charts of {@link MetricsPlots} redrawn from the whole CSV. One instance per run folder; calls come on the training
 * thread and take a fraction of a second per epoch.
 *
 * <p>A failure to write the CSV is thrown (as {@link UncheckedIOException}), since the record of
 * the run would be lost; a failure to draw a picture is logged and training goes on, since the
 * CSV keeps what it showed.
 */
public final class RunReport implements TrainingListener {

    /** Folder of the end-of-epoch sample grids inside a run folder. */
    public static final String SAMPLES_FOLDER = "samples";
    /** Zero-padded to three digits so that files sort by epoch; longer numbers just grow. */
    private static final String SAMPLE_FILE_PATTERN = "epoch_%03d.png";

    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

    private final MetricsPlots plots = new MetricsPlots();
    private Path runFolder;
    private MetricsCsv csv;

    /** A report for the run folder the engine announces when the run starts. */
    public RunReport() {
    }

    /**
     * A report for a known run folder, charts of the default size.
     *
     * @param runFolder where the files go; created when the first file is written
     */
    public RunReport(Path runFolder) {
        this.runFolder = runFolder;
        this.csv = MetricsCsv.inRunFolder(runFolder);
    }

    /**
     * Takes the run's folder, deletes temporary grids a killed run left, and drops CSV rows the
     * checkpoint does not cover (none on a new run).
     */
    @Override
    public void onRunStart(RunStartEvent event) {
        runFolder = event.runFolder();
        csv = MetricsCsv.inRunFolder(runFolder);
        try {
            AtomicFiles.deleteLeftovers(runFolder.resolve(SAMPLES_FOLDER));
            resumeAfter(event.finishedEpochs());
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + csv.file() + " to continue after epoch "
                    + event.finishedEpochs(), e);
        }
    }

    /** Where the end-of-epoch sample grid of an epoch is written: {@code samples/epoch_001.png}. */
    public static Path sampleFile(Path runFolder, int epoch) {
        return runFolder.resolve(SAMPLES_FOLDER).resolve(String.format(Locale.ROOT, SAMPLE_FILE_PATTERN, epoch));
    }

    /** The metrics file this report appends to. */
    public MetricsCsv metricsCsv() {
        return csv;
    }

    /**
     * Prepares to continue a run from a checkpoint: drops CSV rows of epochs after the one the
     * checkpoint finished, so none is written twice, and redraws the charts from what is left.
     *
     * @param lastEpoch the last epoch the checkpoint completed; 0 when starting over
     * @throws IOException if the CSV cannot be read or written
     */
    public void resumeAfter(int lastEpoch) throws IOException {
        int dropped = csv.truncateAfter(lastEpoch);
        if (dropped > 0) {
            LOG.info("Dropped {} metrics rows after epoch {} from {}", dropped, lastEpoch, csv.file());
            List<EpochMetrics> rows = csv.read();
            if (!rows.isEmpty()) {
                drawCharts(rows);
            }
        }
    }

    /** Writes the grid taken at the end of an epoch; grids taken during an epoch are left to the studio. */
    @Override
    public void onSamples(SampleEvent event) {
        if (!event.epochEnd()) {
            return;
        }
        Path file = sampleFile(runFolder, event.epoch());
        try {
            SampleGrid.write(event, file);
            LOG.debug("Wrote {}", file);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the sample grid {}; training goes on", file, e);
        }
    }

    /** Appends the epoch's CSV row, then redraws every chart. */
    @Override
    public void onEpochEvaluated(EpochEvent event) {
        List<EpochMetrics> rows;
        try {
            rows = csv.append(event.metrics());
        } catch (IOException e) {
            throw new UncheckedIOException("could not append epoch " + event.metrics().epoch() + " to "
                    + csv.file(), e);
        }
        drawCharts(rows);
    }

    private void drawCharts(List<EpochMetrics> rows) {
        try {
            plots.writeAll(rows, runFolder);
            LOG.debug("Redrew the charts in {} for {} epochs", runFolder, rows.size());
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not draw the charts in {}; training goes on", runFolder, e);
        }
    }
}
