package dev.cganstudio.training;

import org.deeplearning4j.nn.graph.ComputationGraph;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Spots divergence in the step it happens: a loss, or any parameter of the discriminator or the
 * generator, that is NaN or infinite. Parameters are checked through the sum of each graph's
 * flattened parameter vector, one pass over a few hundred thousand floats (well under a
 * millisecond beside a step of tens): a NaN or an infinity anywhere makes the sum non-finite.
 */
final class Divergence {

    /** The learning rate factor a diverged run is advised to resume with. */
    static final double SUGGESTED_LEARNING_RATE_SCALE = 0.5;

    private Divergence() {
    }

    /**
     * What is not finite after a step, or null when everything is.
     *
     * @param result the step's losses and scores
     * @param models the networks after the step (the combined graph holds the generator)
     */
    static String find(StepResult result, GanModels models) {
        if (!result.isFinite()) {
            return String.format(Locale.ROOT, "D loss %s, G loss %s", result.discriminatorLoss(),
                    result.generatorLoss());
        }
        if (!finiteParameters(models.discriminator())) {
            return "a discriminator parameter is not finite";
        }
        if (!finiteParameters(models.combined())) {
            return "a generator parameter is not finite";
        }
        return null;
    }

    /**
     * What a person can do next: resume from the last epoch whose checkpoint is complete, or start
     * again, with half the learning rates the run had.
     */
    static String advice(int lastGoodEpoch, Path runFolder, TrainingOptions options) {
        String lower = "--learning-rate-scale " + options.learningRateScale() * SUGGESTED_LEARNING_RATE_SCALE;
        if (lastGoodEpoch == 0) {
            return "no epoch had finished, so there is no checkpoint; start again with a lower learning rate ("
                    + lower + ")";
        }
        return "the last good checkpoint is epoch " + lastGoodEpoch + " in " + runFolder
                + "; resume from it with a lower learning rate: cgan train --resume " + runFolder + " --epochs "
                + options.epochs() + (options.dryRun() ? " --dry-run " : " ") + lower;
    }

    private static boolean finiteParameters(ComputationGraph graph) {
        return Double.isFinite(graph.params().sumNumber().doubleValue());
    }
}
