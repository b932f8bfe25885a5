package dev.cganstudio.training;

/** Lets tests outside the training package stand in for a run between two steps. */
public final class BetweenSteps {

    private BetweenSteps() {
    }

    /** Runs the work asked of {@code control}, as a run does before its next step. */
    public static void runPending(RunControl control, GanModels models) throws InterruptedException {
        control.awaitGo(models);
    }
}
