package dev.cganstudio.evaluation;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JudgeTrainerTest {

    @Test
    void shiftsMoveTheInkWithinTwoPixelsAndKeepItWhole() {
        float[] pixels = new float[784];
        pixels[14 * 28 + 14] = 1f;
        INDArray image = Nd4j.create(pixels, new long[] {1, 1, 28, 28}, 'c');
        boolean moved = false;
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            INDArray copy = image.dup();
            JudgeTrainer.shiftRandomly(copy, random);
            float[] shifted = copy.data().asFloat();
            int bright = -1;
            for (int index = 0; index < shifted.length; index++) {
                if (shifted[index] == 1f) {
                    bright = index;
                }
            }
            assertEquals(1f, copy.sumNumber().floatValue(), "one bright pixel, moved not smeared");
            int dx = bright % 28 - 14;
            int dy = bright / 28 - 14;
            assertTrue(Math.abs(dx) <= JudgeTrainer.MAX_SHIFT && Math.abs(dy) <= JudgeTrainer.MAX_SHIFT);
            moved |= dx != 0 || dy != 0;
        }
        assertTrue(moved, "some trial moved the pixel");
    }
}
