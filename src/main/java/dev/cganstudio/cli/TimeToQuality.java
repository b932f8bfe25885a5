package dev.cganstudio.cli;

import dev.cganstudio.io.AtomicFiles;
import dev.cganstudio.report.SampleGrid;
import dev.cganstudio.training.EvaluationEvent;
import dev.cganstudio.training.RunControl;
import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.SampleEvent;
import dev.cganstudio.training.StepEvent;
import dev.cganstudio.training.TrainingListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Watches a training run for the moment the judge's thresholds are first met: logs every
 * mid-epoch judgement to {@code quality.csv}, keeps the grid of the moment the thresholds are met
 * as {@code samples/quality_met.png}, and stops the run at the time budget (or when met, if asked).
 */
final class TimeToQuality implements TrainingListener {

    static final String CSV_FILE = "quality.csv";
    static final String GRID_FILE = "quality_met.png";
    private static final Logger LOG = LoggerFactory.getLogger(TimeToQuality.class);

    private final double accuracyTarget;
    private final double f1Target;
    private final double budgetSeconds;
    private final boolean stopWhenMet;
    private final RunControl control;
    private final List<EvaluationEvent> evaluations = new ArrayList<>();
    private Path runFolder;
    private SampleEvent latestGrid;
    private EvaluationEvent met;

    TimeToQuality(double accuracyTarget, double f1Target, double budgetSeconds, boolean stopWhenMet,
                  RunControl control) {
        this.accuracyTarget = accuracyTarget;
        this.f1Target = f1Target;
        this.budgetSeconds = budgetSeconds;
        this.stopWhenMet = stopWhenMet;
        this.control = control;
    }

    /** The first judgement that met both thresholds, or null. */
    EvaluationEvent met() {
        return met;
    }

    /** Every judgement, in order. */
    List<EvaluationEvent> evaluations() {
        return evaluations;
    }

    Path runFolder() {
        return runFolder;
    }

    @Override
    public void onRunStart(RunStartEvent event) {
        runFolder = event.runFolder();
    }

    @Override
    public void onSamples(SampleEvent event) {
        latestGrid = event;
    }

    @Override
    public void onStep(StepEvent event) {
        // Checked per step as well, so that a budget ends on time even between judgements.
        if (!evaluations.isEmpty() && evaluations.get(evaluations.size() - 1).trainingSeconds() > budgetSeconds) {
            control.requestStop();
        }
    }

    @Override
    public void onEvaluation(EvaluationEvent event) {
        evaluations.add(event);
        LOG.info(String.format(Locale.ROOT, "step %d, %.0f s of training: accuracy %.4f, macro F1 %.4f, Frechet %.2f",
                event.step(), event.trainingSeconds(), event.accuracy(), event.macroF1(), event.frechetDistance()));
        writeCsv();
        if (met == null && event.accuracy() >= accuracyTarget && event.macroF1() >= f1Target) {
            met = event;
            LOG.info(String.format(Locale.ROOT, "thresholds met at step %d after %.0f s of training",
                    event.step(), event.trainingSeconds()));
            writeGrid();
            if (stopWhenMet) {
                control.requestStop();
            }
        }
        if (event.trainingSeconds() >= budgetSeconds) {
            control.requestStop();
        }
    }

    private void writeGrid() {
        if (latestGrid == null) {
            return;
        }
        try {
            SampleGrid.write(latestGrid, runFolder.resolve("samples").resolve(GRID_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCsv() {
        try {
            AtomicFiles.write(runFolder.resolve(CSV_FILE), out -> {
                CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                        CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
                printer.printRecord("step", "training_seconds", "wall_seconds", "accuracy", "macro_f1", "frechet",
                        "variety_mean", "variety_min");
                for (EvaluationEvent row : evaluations) {
                    double[] variety = row.variety();
                    printer.printRecord(row.step(), Double.toString(row.trainingSeconds()),
                            Double.toString(row.wallSeconds()), Double.toString(row.accuracy()),
                            Double.toString(row.macroF1()), Double.toString(row.frechetDistance()),
                            Double.toString(Arrays.stream(variety).average().orElse(Double.NaN)),
                            Double.toString(Arrays.stream(variety).min().orElse(Double.NaN)));
                }
                printer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
