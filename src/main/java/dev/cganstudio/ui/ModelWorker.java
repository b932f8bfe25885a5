package dev.cganstudio.ui;

import dev.cganstudio.model.Dl4jRuntime;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one thread on which the studio loads, saves and runs networks outside training, so that
 * no network is ever used by two threads at once and none is used on the FX thread. Its first
 * job sets up the native backend, which must happen before ND4J is first touched.
 */
final class ModelWorker {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cgan-models");
        thread.setDaemon(true);
        return thread;
    });

    ModelWorker() {
        executor.execute(() -> Dl4jRuntime.configure(0));
    }

    /** Runs the task after those already submitted. */
    void submit(Task<?> task) {
        executor.execute(task);
    }

    /** Runs plain work after the tasks already submitted (for work that reports nothing). */
    void execute(Runnable work) {
        executor.execute(work);
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
