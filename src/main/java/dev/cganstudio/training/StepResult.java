package dev.cganstudio.training;

/**
 * The figures of one GAN step.
 *
 * @param discriminatorLoss binary cross-entropy of the discriminator over real and fake
 * @param generatorLoss binary cross-entropy of the generator against target 1
 * @param realScore mean D(x) on the real batch, {@code NaN} when not measured this step
 * @param fakeScore mean D(G(z)) on the fake batch, {@code NaN} when not measured this step
 */
public record StepResult(double discriminatorLoss, double generatorLoss, double realScore, double fakeScore) {

    /** True when every measured figure is finite. */
    public boolean isFinite() {
        return Double.isFinite(discriminatorLoss) && Double.isFinite(generatorLoss)
                && !Double.isInfinite(realScore) && !Double.isInfinite(fakeScore);
    }
}
