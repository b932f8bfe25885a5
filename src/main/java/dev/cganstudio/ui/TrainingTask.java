package dev.cganstudio.ui;

import dev.cganstudio.training.EpochEvent;
import dev.cganstudio.training.RunControl;
import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.RunSummary;
import dev.cganstudio.training.SampleEvent;
import dev.cganstudio.training.StepEvent;
import dev.cganstudio.training.TrainingListener;
import dev.cganstudio.training.TrainingOptions;
import javafx.concurrent.Task;

/**
 * One training run on its own thread: the engine's {@link TrainingRun}, told to report to the
 * run's file writers and to a {@link TrainingFeed} that the UI collects from at its own pace.
 * Pause and stop go through the {@link RunControl}; a stop ends the run within one batch and
 * the task then succeeds with a summary saying it was stopped.
 */
final class TrainingTask extends Task<RunSummary> {

    /** What the task runs on its thread: the engine's training run (a load benchmark puts a stand-in here). */
    @FunctionalInterface
    interface Body {
        RunSummary run(TrainingOptions options, TrainingListener listener, RunControl control) throws Exception;
    }

    private final TrainingOptions options;
    private final Body body;
    private final RunControl control;
    private final TrainingListener fileWriters;
    private final TrainingFeed feed;

    /**
     * @param fileWriters the listener writing the run's CSV, plots and grids; told each event first
     * @param feed where what the UI shows waits for it
     */
    TrainingTask(TrainingOptions options, Body body, RunControl control, TrainingListener fileWriters,
                 TrainingFeed feed) {
        this.feed = feed;
        this.options = options;
        this.body = body;
        this.control = control;
        this.fileWriters = fileWriters;
    }

    TrainingFeed feed() {
        return feed;
    }

    RunControl control() {
        return control;
    }

    TrainingOptions options() {
        return options;
    }

    @Override
    protected RunSummary call() throws Exception {
        return body.run(options, new FeedingListener(), control);
    }

    /** Passes each event to the file writers, then leaves what the UI shows in the feed. */
    private final class FeedingListener implements TrainingListener {

        @Override
        public void onStatus(String message) {
            fileWriters.onStatus(message);
            feed.status(message);
        }

        @Override
        public void onRunStart(RunStartEvent event) {
            fileWriters.onRunStart(event);
            feed.runStarted(event);
        }

        @Override
        public void onStep(StepEvent event) {
            fileWriters.onStep(event);
            feed.step(event);
        }

        @Override
        public void onSamples(SampleEvent event) {
            fileWriters.onSamples(event);
            feed.samples(event);
        }

        @Override
        public void onEpochEvaluated(EpochEvent event) {
            fileWriters.onEpochEvaluated(event);
        }

        @Override
        public void onEpochEnd(EpochEvent event) {
            fileWriters.onEpochEnd(event);
            feed.epoch(event.metrics());
        }
    }
}
