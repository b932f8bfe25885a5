package dev.cganstudio.training;

/**
 * What the engine tells its watchers while it trains. The command line and the studio both
 * implement this; the engine knows neither. Calls arrive on the training thread, so an
 * implementation must return quickly and hand anything slow to another thread.
 */
public interface TrainingListener {

    /** A milestone or status message meant for a person (data found, judge trained, ...). */
    default void onStatus(String message) {
    }

    /** Called once the run's folder is known and its models are ready, before the first step. */
    default void onRunStart(RunStartEvent event) {
    }

    /** Called after every training step. */
    default void onStep(StepEvent event) {
    }

    /** Called with a fresh sample grid from the fixed noise (during and at the end of epochs). */
    default void onSamples(SampleEvent event) {
    }

    /** Called after a mid-epoch judgement (only when the options ask for them). */
    default void onEvaluation(EvaluationEvent event) {
    }

    /**
     * Called when an epoch is evaluated and before its models and checkpoint are saved, so
     * that writers of per-epoch files finish before the checkpoint says the epoch is done.
     */
    default void onEpochEvaluated(EpochEvent event) {
    }

    /** Called when the epoch's files, models and checkpoint are all written. */
    default void onEpochEnd(EpochEvent event) {
    }
}
