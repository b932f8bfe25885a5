package dev.cganstudio.model;

/**
 * Derives independent, repeatable seeds from a run's one seed, so that the noise of step
 * {@code n} depends only on the seed and {@code n}: a resumed run draws what an uninterrupted
 * one would have drawn, with no random state to save.
 */
public final class Seeds {

    /** Stream of the per-step noise, labels and dropout masks. */
    public static final long STEP = 1;
    /** Stream of the per-epoch order of the training images. */
    public static final long SHUFFLE = 2;
    /** Stream of the fixed noise behind the sample grid. */
    public static final long GRID = 3;
    /** Stream of the noise behind the per-epoch evaluation. */
    public static final long EVALUATION = 4;
    /** Stream of weight initialisation. */
    public static final long WEIGHTS = 5;

    private Seeds() {
    }

    /** A seed for item {@code index} of stream {@code stream}, well mixed (SplitMix64's finaliser). */
    public static long derive(long seed, long stream, long index) {
        long z = seed + stream * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
