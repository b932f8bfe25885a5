package dev.cganstudio.training;

import java.util.List;

/** Several listeners told the same events, in order. */
public final class TrainingListeners implements TrainingListener {

    private final List<TrainingListener> listeners;

    private TrainingListeners(List<TrainingListener> listeners) {
        this.listeners = listeners;
    }

    /** One listener that tells each of {@code listeners}, in order. */
    public static TrainingListener of(TrainingListener... listeners) {
        return new TrainingListeners(List.of(listeners));
    }

    @Override
    public void onStatus(String message) {
        listeners.forEach(listener -> listener.onStatus(message));
    }

    @Override
    public void onRunStart(RunStartEvent event) {
        listeners.forEach(listener -> listener.onRunStart(event));
    }

    @Override
    public void onStep(StepEvent event) {
        listeners.forEach(listener -> listener.onStep(event));
    }

    @Override
    public void onSamples(SampleEvent event) {
        listeners.forEach(listener -> listener.onSamples(event));
    }

    @Override
    public void onEvaluation(EvaluationEvent event) {
        listeners.forEach(listener -> listener.onEvaluation(event));
    }

    @Override
    public void onEpochEvaluated(EpochEvent event) {
        listeners.forEach(listener -> listener.onEpochEvaluated(event));
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        listeners.forEach(listener -> listener.onEpochEnd(event));
    }
}
