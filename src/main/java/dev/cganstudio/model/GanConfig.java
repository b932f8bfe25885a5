package dev.cganstudio.model;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param auxiliaryClassifier whether the discriminator also names the digit (a softmax head trained on
 *     real digits) and the generator is rewarded when its digit is named as asked (AC-GAN)
 * @param emaDecay decay of an exponential moving average of the generator's weights used for every
 *     sample and judgement; 0 turns it off
 * @param fakesInTrainingMode whether the discriminator's fakes are drawn with the generator's batch
 *     normalisation in training mode (batch statistics), as the generator's own step draws them; false
 *     draws them in inference mode (running averages), as a Keras {@code generator.predict} does
 * @param projectionDiscriminator whether the verdict also adds the inner product of the discriminator's last
 *     features with a learned embedding of the label (Miyato and Koyama, "cGANs with Projection
 *     Discriminator", 2018), so the label shapes the verdict itself, not only the input
 */
public record GanConfig(String name, int latentSize, int batchSize,
                        int generatorBaseChannels, List<Integer> generatorChannels,
                        List<Integer> discriminatorChannels, double leakySlope, double discriminatorDropout,
                        double batchNormDecay, double batchNormEpsilon,
                        double generatorLearningRate, double discriminatorLearningRate,
                        double beta1, double beta2, double realTarget, double fakeTarget,
                        boolean auxiliaryClassifier, double emaDecay, boolean fakesInTrainingMode,
                        boolean projectionDiscriminator) {

    public GanConfig {
        generatorChannels = List.copyOf(generatorChannels);
        discriminatorChannels = List.copyOf(discriminatorChannels);
        if (generatorChannels.size() != 2) {
            throw new IllegalArgumentException("expected 2 generator blocks (7->14->28), found "
                    + generatorChannels.size());
        }
        requirePositive("latentSize", latentSize);
        requirePositive("batchSize", batchSize);
        requirePositive("generatorBaseChannels", generatorBaseChannels);
        generatorChannels.forEach(channels -> requirePositive("generatorChannels", channels));
        if (discriminatorChannels.isEmpty()) {
            throw new IllegalArgumentException("expected at least one discriminator convolution, found none");
        }
        discriminatorChannels.forEach(channels -> requirePositive("discriminatorChannels", channels));
        requireIn("leakySlope", leakySlope, 0, 1);
        requireIn("batchNormDecay", batchNormDecay, 0, 1);
        requireIn("beta1", beta1, 0, 1);
        requireIn("beta2", beta2, 0, 1);
        if (!(realTarget >= 0 && realTarget <= 1 && fakeTarget >= 0 && fakeTarget <= 1)) {
            throw new IllegalArgumentException("expected realTarget and fakeTarget in [0, 1], found " + realTarget
                    + " and " + fakeTarget);
        }
        if (!(batchNormEpsilon > 0) || !(generatorLearningRate > 0) || !(discriminatorLearningRate > 0)
                || Double.isInfinite(generatorLearningRate) || Double.isInfinite(discriminatorLearningRate)) {
            throw new IllegalArgumentException("expected batchNormEpsilon and both learning rates > 0, found "
                    + batchNormEpsilon + ", " + generatorLearningRate + " and " + discriminatorLearningRate);
        }
        if (emaDecay < 0 || emaDecay >= 1) {
            throw new IllegalArgumentException("expected an EMA decay in [0, 1), found " + emaDecay);
        }
        if (discriminatorDropout < 0 || discriminatorDropout >= 1) {
            throw new IllegalArgumentException("expected a dropout probability in [0, 1), found "
                    + discriminatorDropout);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("expected " + name + " >= 1, found " + value);
        }
    }

    /** Requires {@code from <= value < to}. */
    private static void requireIn(String name, double value, double from, double to) {
        if (!(value >= from && value < to)) {
            throw new IllegalArgumentException("expected " + name + " in [" + from + ", " + to + "), found " + value);
        }
    }

    /** The same preset with another batch size. */
    public GanConfig withBatchSize(int newBatchSize) {
        if (newBatchSize < 1) {
            throw new IllegalArgumentException("expected a batch size >= 1, found " + newBatchSize);
        }
        return override(Map.of("batchSize", Integer.toString(newBatchSize)));
    }

    /** The same preset without dropout, for runs that must be exactly repeatable. */
    public GanConfig withoutDropout() {
        return override(Map.of("discriminatorDropout", "0"));
    }

    /**
     * The same preset with some hyperparameters replaced, given as {@code name=value} by record
     * component name (for A/B runs: {@code --set emaDecay=0}).
     *
     * @throws IllegalArgumentException naming the key or value that does not fit
     */
    public GanConfig override(Map<String, String> changes) {
        RecordComponent[] components = GanConfig.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        if (changes.containsKey("name")) {
            throw new IllegalArgumentException("expected a hyperparameter, found 'name': a preset's name is "
                    + "chosen with --preset and names the run's folder");
        }
        Map<String, String> unused = new LinkedHashMap<>(changes);
        try {
            for (int index = 0; index < components.length; index++) {
                RecordComponent component = components[index];
                types[index] = component.getType();
                String change = unused.remove(component.getName());
                values[index] = change == null ? component.getAccessor().invoke(this) : parse(component, change);
            }
            if (!unused.isEmpty()) {
                throw new IllegalArgumentException("expected hyperparameters among " + Arrays.stream(components)
                        .map(RecordComponent::getName).toList() + ", found " + unused.keySet());
            }
            return GanConfig.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(cause.getMessage(), cause);
        }
    }

    private static Object parse(RecordComponent component, String text) {
        Class<?> type = component.getType();
        try {
            if (type == int.class) {
                return Integer.parseInt(text.trim());
            }
            if (type == double.class) {
                return Double.parseDouble(text.trim());
            }
            if (type == boolean.class) {
                if (!text.trim().equalsIgnoreCase("true") && !text.trim().equalsIgnoreCase("false")) {
                    throw new NumberFormatException(text);
                }
                return Boolean.parseBoolean(text.trim());
            }
            if (type == List.class) {
                return Arrays.stream(text.split("[/ ]")).filter(part -> !part.isBlank())
                        .map(part -> Integer.valueOf(part.trim())).toList();
            }
            return text;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a " + (type == List.class ? "list like 32/64/128"
                    : type.getSimpleName()) + " for " + component.getName() + ", found '" + text + "'");
        }
    }
}
