package dev.cganstudio.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ComputeCostTest {

    @Test
    void seedGeneratorCountsItsDenseAndConvolutionProducts() {
        long expected = 10 * 128                    // label embedding
                + 128L * 7 * 7 * 256                // dense to the 7x7x256 start
                + 14L * 14 * 128 * 3 * 3 * 256      // first block at 14x14
                + 28L * 28 * 64 * 3 * 3 * 128       // second block at 28x28
                + 28L * 28 * 1 * 3 * 3 * 64;        // the image
        assertEquals(117_664_000L, expected);
        assertEquals(expected, ComputeCost.generatorMacs(Preset.SEED.config()));
    }

    @Test
    void seedDiscriminatorCountsItsStridedConvolutions() {
        long expected = 10 * 784                    // label embedding to a 28x28 map
                + 14L * 14 * 64 * 3 * 3 * 2         // image and label map in, stride 2
                + 7L * 7 * 128 * 3 * 3 * 64
                + 4L * 4 * 256 * 3 * 3 * 128
                + 4L * 4 * 256;                     // the verdict
        assertEquals(expected, ComputeCost.discriminatorMacs(Preset.SEED.config()));
    }

    @Test
    void seedStepAtBatch256IsTheReferencesTwoHundredEightyGigaflop() {
        long step = ComputeCost.stepMacs(Preset.SEED.config(), 256);
        assertEquals(256L * (9 * 8_568_992L + 4 * 117_664_000L), step);
        assertEquals(280.46, 2.0 * step / 1e9, 0.01);
    }
}
