package dev.cganstudio.ui;

import dev.cganstudio.model.Preset;
import dev.cganstudio.training.BetweenSteps;
import dev.cganstudio.training.GanModels;
import dev.cganstudio.training.RunControl;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ModelShelfTest {

    /** The grid, the judge and generator.zip use the moving average; the Generate buttons must too. */
    @Test
    void digitsDrawnDuringTrainingComeFromTheMovingAverageNotTheRawGenerator() throws Exception {
        GanModels models = GanModels.create(Preset.FAST.config(), 7);
        models.generator().params().addi(0.5);
        assertNotEquals(models.generator().params(), models.sampler().params(), "the two differ, as mid-run");
        RunControl control = new RunControl();
        ModelShelf shelf = new ModelShelf(null, null, null, null);
        shelf.runStarted(control, Path.of("run"));

        CompletableFuture<ComputationGraph> copy = shelf.generatorForUse();
        BetweenSteps.runPending(control, models);

        assertEquals(models.sampler().params(), copy.get().params());
    }
}
