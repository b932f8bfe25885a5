package dev.cganstudio.evaluation;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.model.DigitGenerator;
import dev.cganstudio.model.Labels;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Judges a generator: draws the same number of digits of each label from seeded noise, asks the
 * judge what it sees, and scores its answers against the labels asked for. With real features
 * given, also measures the Fréchet distance and each label's variety.
 */
public final class GeneratorEvaluator {

    private final Judge judge;
    private final int samplesPerLabel;
    private final long seed;
    private final FeatureStatistics realFeatures;

    /**
     * @param judge the judge
     * @param samplesPerLabel digits drawn per label
     * @param seed seed of the noise, the same for every evaluation of a run so they compare
     * @param realFeatures statistics of the judge's features of real test digits, or null to skip
     *     the Fréchet distance
     */
    public GeneratorEvaluator(Judge judge, int samplesPerLabel, long seed, FeatureStatistics realFeatures) {
        this.judge = judge;
        this.samplesPerLabel = samplesPerLabel;
        this.seed = seed;
        this.realFeatures = realFeatures;
    }

    /** Scores the generator. */
    public GeneratorScore evaluate(DigitGenerator generator) {
        int[] asked = Labels.eachRepeated(samplesPerLabel);
        INDArray images = generator.generate(asked, seed);
        int[] seen = judge.verdicts(images);
        ClassificationMetrics metrics = ClassificationMetrics.of(asked, seen, Mnist.CLASSES);
        double frechet = Double.NaN;
        double[] variety = new double[Mnist.CLASSES];
        Arrays.fill(variety, Double.NaN);
        if (realFeatures != null) {
            float[][] features = judge.features(images).toFloatMatrix();
            frechet = FrechetDistance.between(FeatureStatistics.of(features), realFeatures);
            variety = Variety.perLabel(features, asked, Mnist.CLASSES);
        }
        return new GeneratorScore(metrics, frechet, variety);
    }

    /**
     * How a generator scored.
     *
     * @param metrics the judge's verdicts against the labels asked for
     * @param frechetDistance Fréchet distance of judge features to real test digits, NaN if not measured
     * @param variety mean within-label feature distance per label, NaN if not measured
     */
    public record GeneratorScore(ClassificationMetrics metrics, double frechetDistance, double[] variety) {
    }
}
