package dev.cganstudio.training;

import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.model.Preset;
import dev.cganstudio.testing.RecordingListener;
import dev.cganstudio.testing.SyntheticMnist;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingRunTest {

    @TempDir
    static Path shared;
    static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        data = SyntheticMnist.writeFolder(Files.createDirectories(shared.resolve("mnist")), 512, 200);
    }

    @Test
    void dryRunWritesModelsAndCheckpointAndReportsEverySteps(@TempDir Path work) throws Exception {
        RecordingListener recorder = new RecordingListener();
        RunSummary summary = new TrainingRun(options(work).dryRun(true).build(), (requested, status) -> requested,
                recorder, new RunControl()).run();

        int steps = TrainingOptions.DRY_RUN_IMAGES / TrainingOptions.DRY_RUN_BATCH;
        assertEquals(RunSummary.Outcome.COMPLETED, summary.outcome());
        assertEquals(1, summary.lastEpoch());
        assertEquals(steps, summary.steps());
        assertEquals(steps, recorder.steps.size());
        assertTrue(recorder.steps.stream().allMatch(step -> Double.isFinite(step.discriminatorLoss())
                && Double.isFinite(step.generatorLoss())), "every step's losses are finite");
        SampleEvent grid = recorder.samples.get(recorder.samples.size() - 1);
        assertEquals(100 * 784, grid.pixels().length);
        for (float pixel : grid.pixels()) {
            assertTrue(pixel >= 0 && pixel <= 1, "pixels are sigmoid outputs in [0, 1], found " + pixel);
        }
        Path run = summary.runFolder();
        for (String file : List.of("generator.zip", "discriminator.zip", "judge.zip", "generator-best.zip",
                "checkpoint/state.json", "checkpoint/combined.zip", "checkpoint/discriminator.zip")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file + " exists");
        }
        ComputationGraph generator = ModelFiles.loadGenerator(run.resolve("generator.zip"), false);
        assertEquals(Preset.FAST.config().latentSize(), ModelFiles.latentSize(generator));
        assertEquals(1, Checkpoint.readState(run).epoch());
    }

    @Test
    void resumedRunEndsWithTheParametersOfAnUninterruptedOne(@TempDir Path work) throws Exception {
        TrainingOptions.Builder base = options(work).dryRun(true).dropout(false);
        RunSummary straight = new TrainingRun(base.epochs(2).runFolder(work.resolve("straight")).build(),
                (requested, status) -> requested, new RecordingListener(), new RunControl()).run();

        Path split = work.resolve("split");
        new TrainingRun(base.epochs(1).runFolder(split).build(), (requested, status) -> requested,
                new RecordingListener(), new RunControl()).run();
        RunSummary resumed = new TrainingRun(base.epochs(2).runFolder(split).resume(true).build(),
                (requested, status) -> requested, new RecordingListener(), new RunControl()).run();

        assertEquals(straight.steps(), resumed.steps());
        ComputationGraph first = ModelFiles.loadGenerator(straight.runFolder().resolve("generator.zip"), false);
        ComputationGraph second = ModelFiles.loadGenerator(resumed.runFolder().resolve("generator.zip"), false);
        double difference = first.params().sub(second.params()).amaxNumber().doubleValue();
        assertTrue(difference < 1e-5, "largest parameter difference " + difference);
    }

    private static TrainingOptions.Builder options(Path work) {
        return TrainingOptions.builder().preset(Preset.FAST).epochs(1).seed(7).dataFolder(data)
                .outputFolder(work.resolve("output")).cacheFolder(work.resolve("cache")).threads(2).logEverySteps(0);
    }
}
