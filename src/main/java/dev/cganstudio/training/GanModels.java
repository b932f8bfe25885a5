package dev.cganstudio.training;

import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.GanNetworks;
import dev.cganstudio.model.Seeds;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.List;

/**
 * The three graphs of one GAN and the parameter moves that keep them in step: the
 * discriminator trains on its own; the combined graph trains the generator through a frozen
 * copy of it; the standalone generator draws fakes and samples.
 */
public final class GanModels {

    private final GanConfig config;
    private final ComputationGraph generator;
    private final ComputationGraph discriminator;
    private final ComputationGraph combined;
    private final List<String> generatorLayers;
    private final List<String> discriminatorLayers;
    private final ComputationGraph averaged;

    GanModels(GanConfig config, ComputationGraph generator, ComputationGraph discriminator,
              ComputationGraph combined, ComputationGraph averaged) {
        this.config = config;
        this.generator = generator;
        this.discriminator = discriminator;
        this.combined = combined;
        GanNetworks networks = new GanNetworks(config);
        this.generatorLayers = networks.generatorLayers(combined);
        this.discriminatorLayers = networks.discriminatorLayers(combined);
        copyDiscriminatorIntoCombined();
        copyGeneratorFromCombined();
        this.averaged = config.emaDecay() == 0 ? null : averaged != null ? averaged : generator.clone();
    }

    /** Fresh networks for a new run. */
    public static GanModels create(GanConfig config, long seed) {
        GanNetworks networks = new GanNetworks(config);
        long weights = Seeds.derive(seed, Seeds.WEIGHTS, 0);
        return new GanModels(config, networks.generator(weights), networks.discriminator(weights + 1),
                networks.combined(weights + 2), null);
    }

    /**
     * Networks restored from a checkpoint: the generator is rebuilt from the combined graph.
     *
     * @param averaged the moving average of the generator, or null to start it from the generator
     */
    static GanModels restore(GanConfig config, ComputationGraph discriminator, ComputationGraph combined,
                             ComputationGraph averaged) {
        ComputationGraph generator = new GanNetworks(config).generator(0);
        return new GanModels(config, generator, discriminator, combined, averaged);
    }

    public GanConfig config() {
        return config;
    }

    /** The standalone generator, kept equal to the combined graph's generator layers. */
    public ComputationGraph generator() {
        return generator;
    }

    /**
     * The generator to draw samples and judge with: the moving average of the generator's weights
     * when the preset keeps one, else the generator itself.
     */
    public ComputationGraph sampler() {
        return averaged != null ? averaged : generator;
    }

    /** The moving average of the generator, or null when the preset keeps none. */
    ComputationGraph averaged() {
        return averaged;
    }

    /** The discriminator, which its own steps train. */
    public ComputationGraph discriminator() {
        return discriminator;
    }

    /** The generator followed by the frozen discriminator; holds the generator's optimizer state. */
    public ComputationGraph combined() {
        return combined;
    }

    /** After a discriminator step: the combined graph must judge with the new discriminator. */
    void copyDiscriminatorIntoCombined() {
        for (String layer : discriminatorLayers) {
            combined.getLayer(layer).setParams(discriminator.getLayer(layer).params());
        }
    }

    /**
     * After a generator step: moves the average towards the new weights. Early on the decay is
     * lowered to (1 + step) / (10 + step), so the average does not hold on to the random start.
     */
    void updateAverage(long step) {
        if (averaged == null) {
            return;
        }
        double decay = Math.min(config.emaDecay(), (1.0 + step) / (10.0 + step));
        averaged.params().muli(decay).addi(generator.params().mul(1 - decay));
    }

    /** After a generator step: the standalone generator must draw with the new weights. */
    void copyGeneratorFromCombined() {
        for (String layer : generatorLayers) {
            generator.getLayer(layer).setParams(combined.getLayer(layer).params());
        }
    }
}
