package dev.cganstudio.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VarietyTest {

    private static final double EXACT = 1e-12;
    private static final long SEED = 7L;

    /**
     * Label 0 has (0,0), (3,4), (0,8): distances 5, 8 and 5, mean 6. Label 1 has one sample, so
     * no pair. Label 2 has the same vector twice, the look of mode collapse: 0.
     */
    @Test
    void meanPairwiseDistancePerLabelByHand() {
        double[][] features = {{0, 0}, {1, 1}, {3, 4}, {9, 9}, {1, 1}, {0, 8}};
        int[] labels = {0, 2, 0, 1, 2, 0};

        double[] variety = Variety.perLabel(features, labels, 3);

        assertEquals(6.0, variety[0], EXACT);
        assertTrue(Double.isNaN(variety[1]), "one sample has no pair, found " + variety[1]);
        assertEquals(0.0, variety[2], EXACT);
        assertEquals(3.0, Variety.mean(variety), EXACT);
    }

    @Test
    void sampledPairsEstimateTheExactMeanAndRepeatWithTheSeed() {
        Random random = new Random(SEED);
        int count = 300;
        double[][] features = new double[count][8];
        for (double[] vector : features) {
            for (int feature = 0; feature < vector.length; feature++) {
                vector[feature] = random.nextGaussian();
            }
        }
        int[] labels = new int[count];

        double exact = Variety.perLabel(features, labels, 1, Integer.MAX_VALUE, SEED)[0];
        double sampled = Variety.perLabel(features, labels, 1, 1_000, SEED)[0];
        double again = Variety.perLabel(features, labels, 1, 1_000, SEED)[0];
        double otherSeed = Variety.perLabel(features, labels, 1, 1_000, SEED + 1)[0];

        assertEquals(exact, sampled, 0.03 * exact);
        assertEquals(sampled, again, 0.0);
        assertNotEquals(sampled, otherSeed);
    }

    @Test
    void singlePrecisionFeaturesGiveTheSameVariety() {
        float[][] features = {{0, 0}, {3, 4}, {0, 8}};

        assertArrayEquals(new double[] {6.0}, Variety.perLabel(features, new int[3], 1), EXACT);
    }

    @Test
    void rejectsALabelOutOfRange() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Variety.perLabel(new double[][] {{0}, {1}}, new int[] {0, 3}, 3));
        assertEquals("expected label in [0, 3) at sample 1, found 3", error.getMessage());
    }

    @Test
    void rejectsMissingLabels() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Variety.perLabel(new double[][] {{0}, {1}}, new int[] {0}, 3));
        assertEquals("expected one label per feature vector (2), found 1", error.getMessage());
    }
}
