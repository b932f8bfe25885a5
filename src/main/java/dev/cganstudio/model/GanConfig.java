package dev.cganstudio.model;

import java.util.List;

/**
 * Every hyperparameter of a conditional GAN preset, in one place. Presets are built in
 * {@link Preset}; nothing else in the code chooses a size or a rate.
 *
 * @param name the preset's name, as given on the command line
 * @param latentSize length of the noise vector fed to the generator
 * @param batchSize real images per discriminator step (and fake ones, and generator samples)
 * @param generatorBaseChannels channels of the 7x7 map the generator's dense layer produces
 * @param generatorChannels output channels of each upsample-and-convolve block (two blocks: 7 to 14 to 28)
 * @param discriminatorChannels output channels of each stride-2 convolution
 * @param leakySlope negative slope of every LeakyReLU (Keras' default, which the reference uses, is 0.3)
 * @param discriminatorDropout probability of dropping a discriminator activation; 0 turns dropout off
 * @param batchNormDecay running-average decay of batch normalisation (Keras' momentum)
 * @param batchNormEpsilon batch normalisation's epsilon (Keras' default)
 * @param generatorLearningRate Adam step size of the generator
 * @param discriminatorLearningRate Adam step size of the discriminator
 * @param beta1 Adam's first-moment decay for both networks
 * @param beta2 Adam's second-moment decay for both networks
 * @param realTarget discriminator target for real digits (below 1: one-sided smoothing)
 * @param fakeTarget discriminator target for generated digits
 */
public record GanConfig(String name, int latentSize, int batchSize,
                        int generatorBaseChannels, List<Integer> generatorChannels,
                        List<Integer> discriminatorChannels, double leakySlope, double discriminatorDropout,
                        double batchNormDecay, double batchNormEpsilon,
                        double generatorLearningRate, double discriminatorLearningRate,
                        double beta1, double beta2, double realTarget, double fakeTarget) {

    public GanConfig {
        generatorChannels = List.copyOf(generatorChannels);
        discriminatorChannels = List.copyOf(discriminatorChannels);
        if (generatorChannels.size() != 2) {
            throw new IllegalArgumentException("expected 2 generator blocks (7->14->28), found "
                    + generatorChannels.size());
        }
        if (discriminatorDropout < 0 || discriminatorDropout >= 1) {
            throw new IllegalArgumentException("expected a dropout probability in [0, 1), found "
                    + discriminatorDropout);
        }
    }

    /** The same preset with another batch size. */
    public GanConfig withBatchSize(int newBatchSize) {
        if (newBatchSize < 1) {
            throw new IllegalArgumentException("expected a batch size >= 1, found " + newBatchSize);
        }
        return new GanConfig(name, latentSize, newBatchSize, generatorBaseChannels, generatorChannels,
                discriminatorChannels, leakySlope, discriminatorDropout, batchNormDecay, batchNormEpsilon,
                generatorLearningRate, discriminatorLearningRate, beta1, beta2, realTarget, fakeTarget);
    }

    /** The same preset without dropout, for runs that must be exactly repeatable. */
    public GanConfig withoutDropout() {
        return new GanConfig(name, latentSize, batchSize, generatorBaseChannels, generatorChannels,
                discriminatorChannels, leakySlope, 0, batchNormDecay, batchNormEpsilon,
                generatorLearningRate, discriminatorLearningRate, beta1, beta2, realTarget, fakeTarget);
    }
}
