package dev.cganstudio.training;

import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.GanNetworks;
import dev.cganstudio.model.Labels;
import dev.cganstudio.model.Preset;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GAN step's invariants: who changes in which phase, and the graphs staying in step. */
class GanStepTest {

    private static final int BATCH = 8;

    @Test
    void theGeneratorPhaseLeavesTheDiscriminatorAsItsOwnPhaseLeftIt() {
        GanConfig config = Preset.FAST.config().withBatchSize(BATCH).override(Map.of("emaDecay", "0"));
        GanModels models = GanModels.create(config, 3);
        GanNetworks networks = new GanNetworks(config);
        INDArray discriminatorBefore = models.discriminator().params().dup();
        INDArray generatorBefore = models.generator().params().dup();

        StepResult result = new GanStep(models, 3, BATCH).run(1, Nd4j.rand(BATCH, 1, 28, 28),
                Labels.oneHot(new int[] {0, 1, 2, 3, 4, 5, 6, 7}), true);

        assertTrue(result.isFinite());
        assertTrue(result.realScore() > 0 && result.realScore() < 1, "mean D(x) is a probability");
        assertNotEquals(discriminatorBefore, models.discriminator().params(), "the discriminator learned");
        assertNotEquals(generatorBefore, models.generator().params(), "the generator learned");
        for (String layer : networks.discriminatorLayers(models.combined())) {
            assertEquals(models.discriminator().getLayer(layer).params(), models.combined().getLayer(layer).params(),
                    layer + ": the frozen copy in the combined graph did not move in the generator phase");
        }
        for (String layer : networks.generatorLayers(models.combined())) {
            assertEquals(models.combined().getLayer(layer).params(), models.generator().getLayer(layer).params(),
                    layer + ": the standalone generator draws with the trained weights");
        }
    }

    @Test
    void theSameSeedAndStepGiveTheSameStepWithoutDropout() {
        GanConfig config = Preset.FAST.config().withBatchSize(BATCH).withoutDropout();
        INDArray images = Nd4j.rand(BATCH, 1, 28, 28);
        INDArray labels = Labels.oneHot(new int[] {9, 8, 7, 6, 5, 4, 3, 2});
        ComputationGraph[] generators = new ComputationGraph[2];
        for (int run = 0; run < 2; run++) {
            GanModels models = GanModels.create(config, 11);
            new GanStep(models, 11, BATCH).run(5, images, labels, false);
            generators[run] = models.sampler();
        }
        assertEquals(generators[0].params(), generators[1].params());
    }
}
