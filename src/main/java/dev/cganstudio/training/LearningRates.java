package dev.cganstudio.training;

import dev.cganstudio.model.GanConfig;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Map;

/**
 * Scales a run's Adam learning rates, the usual remedy when training diverges: in the
 * hyperparameters of a new run, or in the restored networks of a resumed one, whose Adam moments
 * are kept.
 */
final class LearningRates {

    private LearningRates() {
    }

    /** The hyperparameters with both learning rates multiplied by {@code scale}. */
    static GanConfig scaled(GanConfig config, double scale) {
        return config.override(Map.of(
                "generatorLearningRate", Double.toString(config.generatorLearningRate() * scale),
                "discriminatorLearningRate", Double.toString(config.discriminatorLearningRate() * scale)));
    }

    /**
     * Sets the rates of {@code config} in restored networks: the discriminator's in its own graph,
     * the generator's in the combined graph. Only Adam layers change, so the combined graph's
     * frozen discriminator layers keep their zero step.
     *
     * <p>The rate is changed inside each layer's Adam settings, which the optimizer reads at every
     * step, rather than through {@code ComputationGraph.setLearningRate}: in DL4J 1.0.0-M2.1 that
     * rebuilds the optimizer state and throws a NullPointerException on these graphs
     * (deeplearning4j issue 6520).
     */
    static void apply(GanModels models, GanConfig config) {
        set(models.discriminator(), config.discriminatorLearningRate());
        set(models.combined(), config.generatorLearningRate());
    }

    private static void set(ComputationGraph graph, double learningRate) {
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer base && base.getIUpdater() instanceof Adam adam) {
                adam.setLearningRate(learningRate);
            }
        }
    }
}
