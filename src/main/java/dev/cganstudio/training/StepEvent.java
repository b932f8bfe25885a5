package dev.cganstudio.training;

/**
 * One finished training step.
 *
 * @param epoch 1-based epoch the step belongs to
 * @param epochs last epoch of this run
 * @param step 1-based step count since the run began (continues across resumes)
 * @param stepInEpoch 1-based step within the epoch
 * @param stepsPerEpoch steps in a full epoch
 * @param discriminatorLoss binary cross-entropy of the discriminator on real and fake
 * @param generatorLoss binary cross-entropy of the generator through the discriminator
 * @param realScore mean D(x) on the real batch
 * @param fakeScore mean D(G(z)) on the fake batch
 * @param stepMillis wall time of this step
 */
public record StepEvent(int epoch, int epochs, long step, int stepInEpoch, int stepsPerEpoch,
                        double discriminatorLoss, double generatorLoss, double realScore, double fakeScore,
                        double stepMillis) {
}
