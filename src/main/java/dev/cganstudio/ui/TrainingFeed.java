package dev.cganstudio.ui;

import dev.cganstudio.training.EpochMetrics;
import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.SampleEvent;
import dev.cganstudio.training.StepEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * What the training thread has to show, waiting for the FX thread to collect it: the latest
 * step, status and sample grid (latest wins: older ones are never shown), and the epochs since
 * the last collection (a handful). Each step's losses go straight into the loss charts' bucket
 * means, which take the same few kilobytes however many steps arrive, so nothing here grows
 * with the number of steps, however far the training thread gets ahead of the UI. The training
 * thread only writes here and never waits for the UI; the FX thread collects a bounded number
 * of times a second.
 */
final class TrainingFeed {

    /** Everything collected at once. */
    record Update(RunStartEvent start, String status, StepEvent step, List<EpochMetrics> epochs, SampleEvent grid) {
    }

    private final DecimatedSeries discriminatorLoss;
    private final DecimatedSeries generatorLoss;
    private RunStartEvent start;
    private String status;
    private StepEvent step;
    private SampleEvent grid;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private int stepsSinceCollection;
    private int mostStepsPerCollection;

    /**
     * @param discriminatorLoss the chart series each step's discriminator loss is added to
     * @param generatorLoss the chart series each step's generator loss is added to
     */
    TrainingFeed(DecimatedSeries discriminatorLoss, DecimatedSeries generatorLoss) {
        this.discriminatorLoss = discriminatorLoss;
        this.generatorLoss = generatorLoss;
    }

    synchronized void runStarted(RunStartEvent event) {
        start = event;
    }

    synchronized void status(String message) {
        status = message;
    }

    synchronized void step(StepEvent event) {
        step = event;
        stepsSinceCollection++;
        discriminatorLoss.add(event.step(), event.discriminatorLoss());
        generatorLoss.add(event.step(), event.generatorLoss());
    }

    synchronized void samples(SampleEvent event) {
        grid = event;
    }

    synchronized void epoch(EpochMetrics metrics) {
        epochs.add(metrics);
    }

    /**
     * The most steps that arrived between two collections: how far the training thread got
     * ahead of the UI. Only the latest of them is shown in the status bar; all are in the charts.
     */
    synchronized int mostStepsPerCollection() {
        return mostStepsPerCollection;
    }

    /** Takes everything waiting, leaving the feed empty. */
    synchronized Update collect() {
        mostStepsPerCollection = Math.max(mostStepsPerCollection, stepsSinceCollection);
        stepsSinceCollection = 0;
        Update update = new Update(start, status, step, List.copyOf(epochs), grid);
        start = null;
        status = null;
        step = null;
        grid = null;
        epochs.clear();
        return update;
    }
}
