package dev.cganstudio.testing;

import dev.cganstudio.training.EpochEvent;
import dev.cganstudio.training.EvaluationEvent;
import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.SampleEvent;
import dev.cganstudio.training.StepEvent;
import dev.cganstudio.training.TrainingListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps what a run reports, passes every event on to another listener (a run report, say), and
 * lets a test act at a chosen step or epoch. Lists are safe to read from the test's thread while
 * the run goes on.
 */
public final class RecordingListener implements TrainingListener {

    public final List<String> statuses = new CopyOnWriteArrayList<>();
    public final List<StepEvent> steps = new CopyOnWriteArrayList<>();
    public final List<SampleEvent> samples = new CopyOnWriteArrayList<>();
    public final List<EvaluationEvent> evaluations = new CopyOnWriteArrayList<>();
    public final List<EpochEvent> evaluated = new CopyOnWriteArrayList<>();
    public final List<EpochEvent> ended = new CopyOnWriteArrayList<>();
    private final TrainingListener next;
    private Consumer<StepEvent> onStep = event -> { };
    private Consumer<EpochEvent> onEvaluated = event -> { };
    private Consumer<EpochEvent> onEnded = event -> { };

    /** A recorder that passes nothing on. */
    public RecordingListener() {
        this(new TrainingListener() { });
    }

    /** A recorder that passes every event on to {@code next} first. */
    public RecordingListener(TrainingListener next) {
        this.next = next;
    }

    /** Runs {@code action} on the training thread after each step is recorded. */
    public RecordingListener afterStep(Consumer<StepEvent> action) {
        onStep = action;
        return this;
    }

    /** Runs {@code action} on the training thread when an epoch is evaluated, before its files are saved. */
    public RecordingListener afterEvaluated(Consumer<EpochEvent> action) {
        onEvaluated = action;
        return this;
    }

    /** Runs {@code action} on the training thread once an epoch's files are all written. */
    public RecordingListener afterEnded(Consumer<EpochEvent> action) {
        onEnded = action;
        return this;
    }

    @Override
    public void onStatus(String message) {
        next.onStatus(message);
        statuses.add(message);
    }

    @Override
    public void onRunStart(RunStartEvent event) {
        next.onRunStart(event);
    }

    @Override
    public void onStep(StepEvent event) {
        next.onStep(event);
        steps.add(event);
        onStep.accept(event);
    }

    @Override
    public void onSamples(SampleEvent event) {
        next.onSamples(event);
        samples.add(event);
    }

    @Override
    public void onEvaluation(EvaluationEvent event) {
        next.onEvaluation(event);
        evaluations.add(event);
    }

    @Override
    public void onEpochEvaluated(EpochEvent event) {
        next.onEpochEvaluated(event);
        evaluated.add(event);
        onEvaluated.accept(event);
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        next.onEpochEnd(event);
        ended.add(event);
        onEnded.accept(event);
    }
}
