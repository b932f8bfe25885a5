package dev.cganstudio.training;

import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.model.Preset;
import dev.cganstudio.report.MetricsCsv;
import dev.cganstudio.report.RunReport;
import dev.cganstudio.testing.RecordingListener;
import dev.cganstudio.testing.TinyRuns;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Divergence is caught in the step it happens, whether it shows in a loss or only in a
 * parameter, and ends the run with a message that names where it happened, the last good
 * checkpoint and how to resume from it with a lower learning rate.
 */
class DivergenceTest {

    private static final StepResult FINITE = new StepResult(0.69, 0.71, 0.5, Double.NaN);

    @TempDir
    static Path work;
    static Path data;
    /** A run folder after one epoch, with its report; each test resumes a copy. */
    static Path firstEpoch;

    @BeforeAll
    static void trainFirstEpoch() throws Exception {
        data = TinyRuns.writeData(work.resolve("mnist"));
        firstEpoch = work.resolve("first-epoch");
        new TrainingRun(TinyRuns.options(data, firstEpoch).build(), TinyRuns.givenFolder(), new RunReport(),
                new RunControl()).run();
    }

    @Test
    void nonFiniteLossesAreFound() {
        GanModels models = GanModels.create(Preset.FAST.config(), TinyRuns.SEED);
        assertNull(Divergence.find(FINITE, models), "finite losses and parameters");
        assertEquals("D loss NaN, G loss 0.71", Divergence.find(new StepResult(Double.NaN, 0.71, 0.5, 0.5), models));
        assertEquals("D loss 0.69, G loss Infinity",
                Divergence.find(new StepResult(0.69, Double.POSITIVE_INFINITY, 0.5, 0.5), models));
        assertTrue(Divergence.find(new StepResult(0.69, 0.71, Double.NEGATIVE_INFINITY, 0.5), models) != null,
                "an infinite D(x) is divergence too");
    }

    @Test
    void aSingleNonFiniteParameterIsFoundWhileTheLossesStillLookFine() {
        GanModels discriminatorBroken = GanModels.create(Preset.FAST.config(), TinyRuns.SEED);
        discriminatorBroken.discriminator().getLayer("d_conv2").getParam("W").putScalar(17, Float.NaN);
        assertEquals("a discriminator parameter is not finite", Divergence.find(FINITE, discriminatorBroken));

        GanModels generatorBroken = GanModels.create(Preset.FAST.config(), TinyRuns.SEED);
        generatorBroken.combined().getLayer("g_dense").getParam("W").putScalar(3, Float.POSITIVE_INFINITY);
        assertEquals("a generator parameter is not finite", Divergence.find(FINITE, generatorBroken));
    }

    @Test
    void aRunThatDivergesStopsInThatStepAndSaysHowToResumeFromTheLastGoodCheckpoint() throws Exception {
        Path run = TinyRuns.copy(firstEpoch, work.resolve("diverging"));
        TrainingOptions.Builder options = TinyRuns.options(data, run);
        poisonOneGeneratorWeight(run);

        RecordingListener recorder = new RecordingListener(new RunReport());
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> new TrainingRun(options.epochs(3).resume(true).build(), TinyRuns.givenFolder(), recorder,
                        new RunControl()).run());

        assertEquals(2, diverged.epoch());
        assertEquals(TinyRuns.STEPS_PER_EPOCH + 1, diverged.step(), "caught in the first step after the poison");
        assertTrue(recorder.steps.isEmpty(), "no step with a non-finite figure was reported as a step");
        String message = diverged.getMessage();
        assertTrue(message.startsWith("training diverged at epoch 2, step " + (TinyRuns.STEPS_PER_EPOCH + 1) + ": "),
                message);
        assertTrue(message.contains("the last good checkpoint is epoch 1 in " + run), message);
        assertTrue(message.contains("cgan train --resume " + run + " --epochs 3 --dry-run --learning-rate-scale 0.5"),
                message);
        assertEquals(1, Checkpoint.readState(run).epoch(), "the checkpoint still holds epoch 1");
        assertEquals(1, MetricsCsv.inRunFolder(run).read().size(), "the CSV still holds epoch 1 alone");
        ModelFiles.loadGenerator(run.resolve("generator.zip"), false);
    }

    @Test
    void aResumeWithALowerLearningRateScalesBothNetworksAndKeepsThemInTheCheckpoint() throws Exception {
        Path run = TinyRuns.copy(firstEpoch, work.resolve("lowered"));
        TrainingOptions.Builder options = TinyRuns.options(data, run);

        RecordingListener recorder = new RecordingListener();
        new TrainingRun(options.epochs(2).resume(true).learningRateScale(0.5).build(), TinyRuns.givenFolder(),
                recorder, new RunControl()).run();

        double generatorRate = Preset.FAST.config().generatorLearningRate() * 0.5;
        double discriminatorRate = Preset.FAST.config().discriminatorLearningRate() * 0.5;
        assertTrue(recorder.statuses.contains("learning rates scaled by 0.5: generator " + generatorRate
                + ", discriminator " + discriminatorRate), recorder.statuses.toString());
        CheckpointState state = Checkpoint.readState(run);
        assertEquals(2, state.epoch());
        assertEquals(generatorRate, state.config().generatorLearningRate());
        assertEquals(discriminatorRate, state.config().discriminatorLearningRate());
        GanModels restored = Checkpoint.loadModels(run, state);
        assertEquals(discriminatorRate, restored.discriminator().getLearningRate("d_conv1"));
        assertEquals(generatorRate, restored.combined().getLearningRate("g_dense"));
    }

    @Test
    void aScaledLearningRateReachesTheOptimizerOfNetworksThatAlreadyTrained() {
        GanModels models = GanModels.create(Preset.FAST.config(), TinyRuns.SEED);
        models.discriminator().getUpdater();
        models.combined().getUpdater();
        GanConfig lowered = LearningRates.scaled(Preset.FAST.config(), 0.25);
        LearningRates.apply(models, lowered);

        assertEquals(List.of(lowered.discriminatorLearningRate()), ratesInUse(models.discriminator()));
        assertEquals(List.of(lowered.generatorLearningRate()), ratesInUse(models.combined()),
                "the generator's layers at the lower rate, the frozen discriminator's still frozen");
    }

    /** The distinct learning rates of the layers that learn (frozen ones have a zero step). */
    private static List<Double> ratesInUse(ComputationGraph graph) {
        return graph.getUpdater().getUpdaterBlocks().stream()
                .map(block -> block.getGradientUpdater().getConfig().getLearningRate(0, 0))
                .filter(rate -> rate > 0).distinct().toList();
    }

    /** Puts a NaN into one generator weight of the checkpoint, keeping its optimizer state. */
    private static void poisonOneGeneratorWeight(Path run) throws IOException {
        Path file = run.resolve(Checkpoint.FOLDER).resolve(Checkpoint.COMBINED_FILE);
        ComputationGraph combined = ModelFiles.loadCombined(file);
        combined.getLayer("g_dense").getParam("W").putScalar(0, Float.NaN);
        ModelFiles.save(combined, file, true);
    }
}
