package dev.cganstudio.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Lets another thread pause, resume or stop a training run, and reach its models between two
 * steps. The run looks at it between steps, so a stop takes effect within one batch.
 */
public final class RunControl {

    private boolean paused;
    private volatile boolean stopRequested;
    private boolean ended;
    private final List<Request<?>> pending = new ArrayList<>();

    /** Asks the run to stop after the current step; the last finished epoch's files stay as they are. */
    public synchronized void requestStop() {
        stopRequested = true;
        notifyAll();
    }

    /** Pauses or resumes the run between steps. */
    public synchronized void setPaused(boolean value) {
        paused = value;
        notifyAll();
    }

    /** Whether the run is paused. */
    public synchronized boolean isPaused() {
        return paused;
    }

    /** Whether a stop was asked for. */
    public boolean isStopRequested() {
        return stopRequested;
    }

    /**
     * Runs {@code work} on the training thread before the next step (at once while paused), when
     * no network is changing, and completes the future with its result. Work asked for before a
     * stop runs before the run stops. Meant for short work such as copying the generator.
     *
     * @return the result; failed with {@link IllegalStateException} when the run ends first
     */
    public synchronized <T> CompletableFuture<T> betweenSteps(Function<GanModels, T> work) {
        Request<T> request = new Request<>(work, new CompletableFuture<>());
        if (ended) {
            request.fail();
        } else {
            pending.add(request);
            notifyAll();
        }
        return request.result();
    }

    /**
     * Called by the run between steps: runs the work asked for, and waits while paused.
     *
     * @return true when the run must stop
     */
    boolean awaitGo(GanModels current) throws InterruptedException {
        while (true) {
            List<Request<?>> due;
            synchronized (this) {
                due = new ArrayList<>(pending);
                pending.clear();
                if (due.isEmpty()) {
                    if (stopRequested || !paused) {
                        return stopRequested;
                    }
                    wait();
                    continue;
                }
            }
            due.forEach(request -> request.runOn(current));
        }
    }

    /** Called once the run has ended, however: work still waiting fails instead of hanging. */
    synchronized void end() {
        ended = true;
        pending.forEach(Request::fail);
        pending.clear();
    }

    /** Work waiting for the gap between two steps, and its result. */
    private record Request<T>(Function<GanModels, T> work, CompletableFuture<T> result) {

        void runOn(GanModels models) {
            try {
                result.complete(work.apply(models));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }

        void fail() {
            result.completeExceptionally(new IllegalStateException("the training run has ended"));
        }
    }
}
