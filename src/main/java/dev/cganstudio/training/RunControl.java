package dev.cganstudio.training;

/**
 * Lets another thread pause, resume or stop a training run. The run looks at it between steps,
 * so a stop takes effect within one batch.
 */
public final class RunControl {

    private boolean paused;
    private volatile boolean stopRequested;

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
     * Called by the run between steps: waits while paused.
     *
     * @return true when the run must stop
     */
    synchronized boolean awaitGo() throws InterruptedException {
        while (paused && !stopRequested) {
            wait();
        }
        return stopRequested;
    }
}
