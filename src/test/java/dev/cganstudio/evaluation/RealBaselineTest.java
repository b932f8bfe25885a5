package dev.cganstudio.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.data.MnistDataset;
import dev.cganstudio.model.JudgeNetwork;
import dev.cganstudio.model.MnistTensors;
import dev.cganstudio.testing.SyntheticMnist;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RealBaselineTest {

    private static final long SEED = 11L;
    /** 20 digits of each label: enough pairs per label, and small enough for an untrained judge on a CPU. */
    private static final int DIGITS = 200;

    private static Judge judge;

    @BeforeAll
    static void untrainedJudge() {
        judge = new Judge(JudgeNetwork.create(SEED, 1));
    }

    @Test
    void measuresEveryTestDigitWithTheSameToolsAsTheGeneratedOnes() {
        MnistDataset test = SyntheticMnist.dataset(DIGITS, SEED);

        RealBaseline baseline = RealBaseline.of(judge, test);

        float[][] features = judge.features(MnistTensors.images(test, 0, DIGITS)).toFloatMatrix();
        assertEquals(DIGITS, baseline.statistics().count());
        assertEquals(JudgeNetwork.FEATURES, baseline.statistics().dimensions());
        assertArrayEquals(FeatureStatistics.of(features).mean(), baseline.statistics().mean(), 1e-12);
        assertTrue(Double.isFinite(baseline.halvesFrechet()) && baseline.halvesFrechet() >= 0,
                "halves distance " + baseline.halvesFrechet());
        assertEquals(FrechetDistance.between(Arrays.copyOfRange(features, 0, DIGITS / 2),
                Arrays.copyOfRange(features, DIGITS / 2, DIGITS)), baseline.halvesFrechet(), 1e-9);
        assertEquals(Mnist.CLASSES, baseline.variety().length);
        assertArrayEquals(Variety.perLabel(features, MnistTensors.labels(test, 0, DIGITS), Mnist.CLASSES),
                baseline.variety(), 1e-12);
        for (double variety : baseline.variety()) {
            assertTrue(Double.isFinite(variety) && variety >= 0, Arrays.toString(baseline.variety()));
        }
    }

    /** The same digits in both halves fit the same Gaussian, so their distance is 0 up to rounding. */
    @Test
    void halvesHoldingTheSameDigitsAreAtDistanceZero() {
        MnistDataset half = SyntheticMnist.dataset(DIGITS / 2, SEED);
        byte[] images = new byte[2 * half.images().length];
        byte[] labels = new byte[2 * half.size()];
        for (int copy = 0; copy < 2; copy++) {
            System.arraycopy(half.images(), 0, images, copy * half.images().length, half.images().length);
            System.arraycopy(half.labels(), 0, labels, copy * half.size(), half.size());
        }

        RealBaseline baseline = RealBaseline.of(judge, new MnistDataset(images, labels));

        assertEquals(0.0, baseline.halvesFrechet(), 1e-6);
    }

    @Test
    void refusesATestSetTooSmallToSplit() {
        MnistDataset three = SyntheticMnist.dataset(3, SEED);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RealBaseline.of(judge, three));

        assertEquals("expected at least 4 test digits (two per half), found 3", error.getMessage());
    }

    @Test
    void describesItselfOnOneLine() {
        FeatureStatistics statistics = FeatureStatistics.of(new double[][] {{0}, {1}, {2}, {3}});
        double[] variety = {9.8, 4.1, 9.2, 9.0, 8.7, 9.1, 8.9, 7.6, 9.3, Double.NaN};

        String line = new RealBaseline(statistics, 1.234, variety).describe();

        // Mean of the nine defined values: 75.7 / 9 = 8.41.
        assertEquals("real test digits (4): Frechet distance between halves 1.23; variety mean 8.41, "
                + "by label 0-9: 9.80 4.10 9.20 9.00 8.70 9.10 8.90 7.60 9.30 NaN", line);
    }

    @Test
    void refusesAVarietyThatIsNotOnePerLabel() {
        FeatureStatistics statistics = FeatureStatistics.of(new double[][] {{0}, {1}});

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RealBaseline(statistics, 0, new double[] {1, 2}));

        assertEquals("expected 10 per-label variety values, found 2", error.getMessage());
    }
}
