package dev.cganstudio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.evaluation.FeatureStatistics;
import dev.cganstudio.evaluation.RealBaseline;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityWarningsTest {

    /** H(0.9) = -(0.9 ln 0.9 + 0.1 ln 0.1) = 0.0948245 + 0.2302585 nats. */
    private static final double FLOOR = 0.3250830;
    private static final double HEALTHY_LOSS = 0.6;

    /**
     * Label 7 (3.10 against 9.80) and label 9 (4.89, under half of 9.80 = 4.90) are flagged. Label 3
     * sits exactly at half of real (3.0 against 6.0) and is not; labels 5 and 6 have a NaN and are skipped.
     */
    @Test
    void flagsEachLabelBelowHalfOfRealVariety() {
        double[] real = {9.8, 9.8, 9.8, 6.0, 9.8, 9.8, Double.NaN, 9.8, 9.8, 9.8};
        double[] generated = {9.5, 9.0, 8.8, 3.0, 9.1, Double.NaN, 1.0, 3.1, 8.0, 4.89};

        List<String> warnings = QualityWarnings.warnings(epoch(HEALTHY_LOSS, generated), baseline(real), FLOOR);

        assertEquals(List.of("label 7 may have collapsed: variety 3.10 against 9.80 on real digits",
                "label 9 may have collapsed: variety 4.89 against 9.80 on real digits"), warnings);
    }

    /** 5% above the floor is 0.3413372: 0.3413 is within it, 0.3414 is not. */
    @Test
    void flagsADiscriminatorLossWithinFivePercentOfItsFloor() {
        double[] variety = filled(9.8);

        List<String> atFloor = QualityWarnings.warnings(epoch(0.3413, variety), baseline(variety), FLOOR);
        List<String> above = QualityWarnings.warnings(epoch(0.3414, variety), baseline(variety), FLOOR);
        List<String> unknown = QualityWarnings.warnings(epoch(Double.NaN, variety), baseline(variety), FLOOR);

        assertEquals(List.of("discriminator loss 0.3413 is within 5% of its floor 0.3251: it tells almost every "
                + "generated digit from real ones, so the generator learns little"), atFloor);
        assertEquals(List.of(), above);
        assertEquals(List.of(), unknown);
    }

    @Test
    void aHealthyEpochHasNoWarning() {
        assertEquals(List.of(), QualityWarnings.warnings(epoch(HEALTHY_LOSS, filled(8.0)), baseline(filled(9.8)),
                FLOOR));
    }

    @Test
    void theFloorIsTheMeanEntropyOfTheTwoTargets() {
        assertEquals(FLOOR, QualityWarnings.discriminatorLossFloor(0.9, 0.1), 1e-7);
        assertEquals(FLOOR / 2, QualityWarnings.discriminatorLossFloor(0.9, 0), 1e-7);
        assertEquals(0.0, QualityWarnings.discriminatorLossFloor(1, 0));
        assertEquals(Math.log(2), QualityWarnings.binaryEntropy(0.5), 1e-15);
    }

    @Test
    void refusesATargetOutsideZeroToOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> QualityWarnings.discriminatorLossFloor(1.1, 0));

        assertEquals("expected a target in [0, 1], found 1.1", error.getMessage());
    }

    @Test
    void refusesAnEpochWithoutOneVarietyPerLabel() {
        EpochMetrics threeLabels = epoch(HEALTHY_LOSS, new double[] {1, 2, 3});

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> QualityWarnings.warnings(threeLabels, baseline(filled(9.8)), FLOOR));

        assertEquals("expected 10 per-label variety values in epoch 4, found 3", error.getMessage());
    }

    private static EpochMetrics epoch(double discriminatorLoss, double[] variety) {
        return new EpochMetrics(4, 2400, discriminatorLoss, 1.1, 0.7, 0.3, 0.9, 0.9, 0.9, filled(0.9), 20.0,
                variety, 30, 2000);
    }

    private static RealBaseline baseline(double[] variety) {
        return new RealBaseline(FeatureStatistics.of(new double[][] {{0}, {1}}), 2.5, variety);
    }

    private static double[] filled(double value) {
        double[] values = new double[Mnist.CLASSES];
        Arrays.fill(values, value);
        return values;
    }
}
