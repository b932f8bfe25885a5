package dev.cganstudio.cli;

import dev.cganstudio.training.EpochEvent;
import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.SampleEvent;
import dev.cganstudio.training.StepEvent;
import dev.cganstudio.training.TrainingListener;

import java.util.List;

/** Several listeners told the same events, in order. */
final class TrainingListeners implements TrainingListener {

    private final List<TrainingListener> listeners;

    private TrainingListeners(List<TrainingListener> listeners) {
        this.listeners = listeners;
    }

    static TrainingListener of(TrainingListener... listeners) {
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
    public void onEpochEvaluated(EpochEvent event) {
        listeners.forEach(listener -> listener.onEpochEvaluated(event));
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        listeners.forEach(listener -> listener.onEpochEnd(event));
    }
}
