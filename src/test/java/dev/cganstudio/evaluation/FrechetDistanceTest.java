package dev.cganstudio.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    /** The judge's feature width the distance is meant for. */
    private static final int JUDGE_FEATURES = 128;
    private static final long SEED = 20240601L;

    @Test
    void identicalSetsAreAtDistanceZero() {
        double[][] features = correlatedGaussian(new Random(SEED), 400, JUDGE_FEATURES);

        assertEquals(0.0, FrechetDistance.between(features, features), 1e-8);
    }

    /** Fewer vectors than features make the covariance singular: the clamped square root must cope. */
    @Test
    void identicalSetsWithSingularCovarianceAreAtDistanceZero() {
        double[][] features = correlatedGaussian(new Random(SEED), 50, JUDGE_FEATURES);

        assertEquals(0.0, FrechetDistance.between(features, features), 1e-6);
    }

    /** A feature that is always 0 (a dead ReLU unit) adds nothing, though it makes both covariances singular. */
    @Test
    void aFeatureAlwaysZeroLeavesTheDistanceUnchanged() {
        Random random = new Random(SEED);
        int live = 16;
        double[][] first = correlatedGaussian(random, 200, live);
        double[][] second = correlatedGaussian(random, 150, live);

        double expected = FrechetDistance.between(first, second);
        double found = FrechetDistance.between(withZeroFeature(first), withZeroFeature(second));

        assertEquals(expected, found, 1e-9 * expected);
    }

    /**
     * For diagonal covariances the distance is |mu1 - mu2|^2 + sum (sd1 - sd2)^2 per feature:
     * here 1 + (1 - 2)^2 + (2 - 1)^2 + (0.5 - 1)^2 + 0 = 3.25. With 20,000 vectors per set the
     * estimate's spread is about 0.045 (measured over 50 seeds with numpy and scipy's sqrtm).
     */
    @Test
    void diagonalGaussiansMatchTheClosedForm() {
        Random random = new Random(SEED);
        double[] firstDeviations = {1, 2, 0.5, 3};
        double[] secondDeviations = {2, 1, 1, 3};
        double[] secondMean = {1, 0, 0, 0};
        int count = 20_000;

        double[][] first = diagonalGaussian(random, count, new double[4], firstDeviations);
        double[][] second = diagonalGaussian(random, count, secondMean, secondDeviations);

        assertEquals(3.25, FrechetDistance.between(first, second), 0.15);
    }

    @Test
    void aPureMeanShiftGivesTheSquaredShift() {
        Random random = new Random(SEED);
        double[][] features = correlatedGaussian(random, 300, JUDGE_FEATURES);
        double[] shift = new double[JUDGE_FEATURES];
        double squaredLength = 0;
        for (int feature = 0; feature < JUDGE_FEATURES; feature++) {
            shift[feature] = random.nextGaussian() * 0.3;
            squaredLength += shift[feature] * shift[feature];
        }
        double[][] shifted = new double[features.length][JUDGE_FEATURES];
        for (int row = 0; row < features.length; row++) {
            for (int feature = 0; feature < JUDGE_FEATURES; feature++) {
                shifted[row][feature] = features[row][feature] + shift[feature];
            }
        }

        assertEquals(squaredLength, FrechetDistance.between(features, shifted), 1e-6);
    }

    @Test
    void isSymmetricInItsArguments() {
        Random random = new Random(SEED);
        double[][] first = correlatedGaussian(random, 300, JUDGE_FEATURES);
        double[][] second = correlatedGaussian(random, 200, JUDGE_FEATURES);

        double forward = FrechetDistance.between(first, second);
        double backward = FrechetDistance.between(second, first);

        assertTrue(forward > 1, "distinct sets should be clearly apart, found " + forward);
        assertEquals(forward, backward, 1e-9 * forward);
    }

    /**
     * Covariances that do not commute, so S1 S2 is not symmetric. Reference from numpy/scipy, as
     * the usual FID code computes it: m = mean(axis=0), S = np.cov(rowvar=False), then
     * |m1 - m2|^2 + Tr(S1) + Tr(S2) - 2 Tr(scipy.linalg.sqrtm(S1 @ S2)) = 4.036476690703427.
     * For 2x2 matrices Tr(sqrt(M)) = sqrt(Tr M + 2 sqrt(det M)) gives the same by hand.
     */
    @Test
    void matchesScipyOnNonCommutingCovariances() {
        double[][] first = {{0, 0}, {2, 0}, {0, 2}, {1, 3}};
        double[][] second = {{1, 1}, {3, 2}, {2, 5}};

        assertEquals(4.036476690703427, FrechetDistance.between(first, second), 1e-12);
    }

    @Test
    void singlePrecisionFeaturesGiveTheSameDistance() {
        float[][] first = {{0, 0}, {2, 0}, {0, 2}, {1, 3}};
        float[][] second = {{1, 1}, {3, 2}, {2, 5}};

        assertEquals(4.036476690703427, FrechetDistance.between(first, second), 1e-12);
    }

    @Test
    void aNonFiniteFeatureGivesNaN() {
        double[][] first = {{0, 0}, {2, Double.NaN}, {0, 2}};
        double[][] second = {{1, 1}, {3, 2}, {2, 5}};

        assertTrue(Double.isNaN(FrechetDistance.between(first, second)));
    }

    @Test
    void rejectsSetsOfDifferentWidth() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(new double[][] {{0, 1}, {1, 0}}, new double[][] {{0}, {1}}));
        assertEquals("expected feature vectors of the same length, found 2 and 1", error.getMessage());
    }

    @Test
    void rejectsRaggedRows() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FeatureStatistics.of(new double[][] {{0, 1}, {1, 0}, {1}}));
        assertEquals("expected 2 features in row 2 (as in row 0), found 1", error.getMessage());
    }

    @Test
    void rejectsASingleVector() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FeatureStatistics.of(new double[][] {{0, 1}}));
        assertEquals("expected at least 2 feature vectors, found 1", error.getMessage());
    }

    /** Gaussian vectors mixed by a random matrix, so features correlate as a network's do. */
    private static double[][] correlatedGaussian(Random random, int count, int dimensions) {
        double[][] mixing = new double[dimensions][dimensions];
        for (double[] row : mixing) {
            for (int column = 0; column < dimensions; column++) {
                row[column] = random.nextGaussian() / Math.sqrt(dimensions);
            }
        }
        double[][] features = new double[count][dimensions];
        for (double[] vector : features) {
            double[] noise = new double[dimensions];
            for (int feature = 0; feature < dimensions; feature++) {
                noise[feature] = random.nextGaussian();
            }
            for (int feature = 0; feature < dimensions; feature++) {
                double sum = 0;
                for (int source = 0; source < dimensions; source++) {
                    sum += mixing[feature][source] * noise[source];
                }
                vector[feature] = sum;
            }
        }
        return features;
    }

    private static double[][] withZeroFeature(double[][] features) {
        double[][] widened = new double[features.length][];
        for (int row = 0; row < features.length; row++) {
            widened[row] = Arrays.copyOf(features[row], features[row].length + 1);
        }
        return widened;
    }

    private static double[][] diagonalGaussian(Random random, int count, double[] mean, double[] deviations) {
        double[][] features = new double[count][mean.length];
        for (double[] vector : features) {
            for (int feature = 0; feature < mean.length; feature++) {
                vector[feature] = mean[feature] + deviations[feature] * random.nextGaussian();
            }
        }
        return features;
    }
}
