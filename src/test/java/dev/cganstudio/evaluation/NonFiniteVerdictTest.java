package dev.cganstudio.evaluation;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.model.DigitGenerator;
import dev.cganstudio.model.GanNetworks;
import dev.cganstudio.model.JudgeNetwork;
import dev.cganstudio.model.Labels;
import dev.cganstudio.model.MnistTensors;
import dev.cganstudio.model.Preset;
import dev.cganstudio.testing.SyntheticMnist;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NaN coming out of the judge, whether from a broken judge or from a diverged generator's
 * images, is never a verdict of class 0 (which a plain argmax would give it): it is no verdict,
 * wrong for its expected label and a prediction of no class.
 */
class NonFiniteVerdictTest {

    private static final int PER_LABEL = 5;
    private static final long SEED = 11;

    @Test
    void aJudgeThatOutputsNaNGivesNoVerdictWhereAPlainArgmaxWouldSayZero() {
        MultiLayerNetwork broken = JudgeNetwork.create(SEED, 1);
        broken.params().assign(Float.NaN);
        Judge judge = new Judge(broken);
        INDArray images = MnistTensors.images(SyntheticMnist.dataset(10, SEED), 0, 10);

        INDArray probabilities = judge.probabilities(images);
        assertTrue(Double.isNaN(probabilities.sumNumber().doubleValue()), "the broken judge outputs NaN");
        assertArrayEquals(new long[10], Nd4j.argMax(probabilities, 1).toLongVector(),
                "ND4J's argmax takes a NaN row for class 0, which is what must not be counted");
        int[] verdicts = judge.verdicts(images);
        int[] none = new int[10];
        Arrays.fill(none, Judge.NO_VERDICT);
        assertArrayEquals(none, verdicts);

        ClassificationMetrics metrics = ClassificationMetrics.of(Labels.eachRepeated(1), verdicts, Mnist.CLASSES);
        assertNeverClassZero(metrics, 1);
    }

    @Test
    void aDivergedGeneratorScoresZeroWithoutAnImageCountedAsClassZero() {
        ComputationGraph generator = new GanNetworks(Preset.FAST.config()).generator(SEED);
        generator.getLayer("g_dense").getParam("W").assign(Float.NaN);
        GeneratorEvaluator evaluator = new GeneratorEvaluator(new Judge(JudgeNetwork.create(SEED, 1)), PER_LABEL, SEED,
                null);

        GeneratorEvaluator.GeneratorScore score = evaluator.evaluate(new DigitGenerator(generator));

        assertNeverClassZero(score.metrics(), PER_LABEL);
    }

    private static void assertNeverClassZero(ClassificationMetrics metrics, int perLabel) {
        assertEquals(0, metrics.accuracy());
        assertEquals(0, metrics.macroF1());
        int[] unpredicted = new int[Mnist.CLASSES];
        Arrays.fill(unpredicted, perLabel);
        assertArrayEquals(unpredicted, metrics.unpredicted(), "every sample is left without a verdict");
        for (int[] row : metrics.confusion()) {
            assertEquals(0, row[0], "nothing counted as a prediction of class 0");
        }
        assertEquals(0, metrics.recall()[0]);
        assertEquals(0, metrics.f1()[0]);
    }
}
