package dev.cganstudio.training;

/**
 * Thrown when a loss or a parameter stops being a finite number. The last finished epoch's
 * checkpoint is untouched, so the run can resume from it.
 */
public final class TrainingDivergedException extends RuntimeException {

    private final int epoch;
    private final long step;

    public TrainingDivergedException(int epoch, long step, String what) {
        super("training diverged at epoch " + epoch + ", step " + step + ": " + what);
        this.epoch = epoch;
        this.step = step;
    }

    /** The epoch in which it happened. */
    public int epoch() {
        return epoch;
    }

    /** The global step at which it was seen. */
    public long step() {
        return step;
    }
}
