package dev.cganstudio.ui;

import dev.cganstudio.training.EpochMetrics;
import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.SampleEvent;
import dev.cganstudio.training.StepEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * What the training thread has to show, waiting for the FX thread to collect it: the latest
 * step, status and sample grid (latest wins: older ones are never shown), and every loss point
 * and epoch since the last collection (the charts keep them all). The training thread only
 * writes here and never waits for the UI; the FX thread collects a bounded number of times a
 * second.
 */
final class TrainingFeed {

    /** Everything collected at once. */
    record Update(RunStartEvent start, String status, StepEvent step, double[] lossSteps,
                  double[] discriminatorLosses, double[] generatorLosses, List<EpochMetrics> epochs,
                  SampleEvent grid) {

        boolean isEmpty() {
            return start == null && status == null && step == null && epochs.isEmpty() && grid == null;
        }
    }

    private RunStartEvent start;
    private String status;
    private StepEvent step;
    private SampleEvent grid;
    private final List<StepEvent> steps = new ArrayList<>();
    private final List<EpochMetrics> epochs = new ArrayList<>();

    synchronized void runStarted(RunStartEvent event) {
        start = event;
    }

    synchronized void status(String message) {
        status = message;
    }

    synchronized void step(StepEvent event) {
        step = event;
        steps.add(event);
    }

    synchronized void samples(SampleEvent event) {
        grid = event;
    }

    synchronized void epoch(EpochMetrics metrics) {
        epochs.add(metrics);
    }

    /** Takes everything waiting, leaving the feed empty. */
    synchronized Update collect() {
        double[] stepNumbers = new double[steps.size()];
        double[] discriminator = new double[steps.size()];
        double[] generator = new double[steps.size()];
        for (int index = 0; index < steps.size(); index++) {
            StepEvent event = steps.get(index);
            stepNumbers[index] = event.step();
            discriminator[index] = event.discriminatorLoss();
            generator[index] = event.generatorLoss();
        }
        Update update = new Update(start, status, step, stepNumbers, discriminator, generator, List.copyOf(epochs),
                grid);
        start = null;
        status = null;
        step = null;
        grid = null;
        steps.clear();
        epochs.clear();
        return update;
    }
}
