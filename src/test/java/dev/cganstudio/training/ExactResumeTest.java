package dev.cganstudio.training;

import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.testing.RecordingListener;
import dev.cganstudio.testing.TinyRuns;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a fixed seed and dropout off, N steps straight and N/2 steps, save, load, N/2 steps end
 * in the same place: the same parameters and Adam moments of both networks, the same step
 * count, and the same loss at every resumed step, so no spike. A checkpoint without optimizer
 * state still resumes, with a warning.
 */
class ExactResumeTest {

    private static final Logger LOG = LoggerFactory.getLogger(ExactResumeTest.class);

    /**
     * Largest difference accepted. The runs repeat the same float operations in the same order on
     * the same machine, so the differences measured are 0; the bound leaves room for a native
     * kernel that splits a reduction differently between runs on another machine.
     */
    private static final double TOLERANCE = 1e-5;

    @TempDir
    static Path work;
    static Path data;
    static RunOutcome straight;
    static RunOutcome resumed;
    /** The split run's folder as it was after its first half, before the resume. */
    static Path half;

    @BeforeAll
    static void trainStraightAndSplit() throws Exception {
        data = TinyRuns.writeData(work.resolve("mnist"));
        straight = train(TinyRuns.options(data, work.resolve("straight")).epochs(2));

        Path split = work.resolve("split");
        train(TinyRuns.options(data, split).epochs(1));
        half = TinyRuns.copy(split, work.resolve("half"));
        resumed = train(TinyRuns.options(data, split).epochs(2).resume(true));
    }

    @Test
    void halfSaveLoadHalfEndsWithTheParametersAndOptimizerStateOfTheStraightRun() throws IOException {
        GanModels straightModels = checkpointModels(straight.summary.runFolder());
        GanModels resumedModels = checkpointModels(resumed.summary.runFolder());

        double discriminator = largestDifference(straightModels.discriminator().params(),
                resumedModels.discriminator().params());
        double generator = largestDifference(straightModels.combined().params(), resumedModels.combined().params());
        double adam = Math.max(
                largestDifference(optimizerState(straightModels.discriminator()),
                        optimizerState(resumedModels.discriminator())),
                largestDifference(optimizerState(straightModels.combined()), optimizerState(resumedModels.combined())));
        LOG.info("exact resume: largest difference {} in discriminator parameters, {} in generator parameters, "
                + "{} in Adam moments", discriminator, generator, adam);
        assertTrue(discriminator <= TOLERANCE, "discriminator parameters differ by " + discriminator);
        assertTrue(generator <= TOLERANCE, "generator parameters differ by " + generator);
        assertTrue(adam <= TOLERANCE, "Adam moments differ by " + adam);

        ComputationGraph straightSampler = ModelFiles.loadGenerator(
                straight.summary.runFolder().resolve("generator.zip"), false);
        ComputationGraph resumedSampler = ModelFiles.loadGenerator(
                resumed.summary.runFolder().resolve("generator.zip"), false);
        assertTrue(largestDifference(straightSampler.params(), resumedSampler.params()) <= TOLERANCE,
                "the saved generator (the moving average) is the same");
    }

    @Test
    void theStepCountAndEveryResumedStepsLossesMatchTheStraightRun() throws IOException {
        long steps = 2L * TinyRuns.STEPS_PER_EPOCH;
        assertEquals(steps, straight.summary.steps());
        assertEquals(steps, resumed.summary.steps());
        assertEquals(steps, Checkpoint.readState(resumed.summary.runFolder()).step());

        List<StepEvent> straightSecond = straight.recorder.steps.stream().filter(step -> step.epoch() == 2).toList();
        List<StepEvent> resumedSecond = resumed.recorder.steps;
        assertEquals(straightSecond.stream().map(StepEvent::step).toList(),
                resumedSecond.stream().map(StepEvent::step).toList(), "the resumed run goes on at step N/2 + 1");
        double loss = 0;
        for (int index = 0; index < resumedSecond.size(); index++) {
            loss = Math.max(loss, Math.abs(straightSecond.get(index).discriminatorLoss()
                    - resumedSecond.get(index).discriminatorLoss()));
            loss = Math.max(loss, Math.abs(straightSecond.get(index).generatorLoss()
                    - resumedSecond.get(index).generatorLoss()));
        }
        LOG.info("exact resume: largest difference {} between the losses of the resumed and the straight steps", loss);
        assertTrue(loss <= TOLERANCE, "losses after the resume differ from the straight run's by " + loss);
    }

    @Test
    void aCheckpointWithoutOptimizerStateWarnsAndStillResumes() throws Exception {
        Path run = TinyRuns.copy(half, work.resolve("no-optimizer-state"));
        Path combined = run.resolve(Checkpoint.FOLDER).resolve(Checkpoint.COMBINED_FILE);
        ModelFiles.save(ModelFiles.loadCombined(combined), combined, false);
        assertNotNull(Checkpoint.optimizerStateWarning(run));

        RunOutcome outcome = train(TinyRuns.options(data, run).epochs(2).resume(true));

        assertTrue(outcome.recorder.statuses.contains("warning: expected optimizer state in the checkpoint of "
                + run + ", found none in combined.zip: Adam starts again from zero, so this resume is not exact"
                + " and the first steps may jump"), outcome.recorder.statuses.toString());
        assertEquals(RunSummary.Outcome.COMPLETED, outcome.summary.outcome());
        assertEquals(2, Checkpoint.readState(run).epoch());
        assertEquals(null, Checkpoint.optimizerStateWarning(run), "the next checkpoint holds optimizer state again");
    }

    private static RunOutcome train(TrainingOptions.Builder options) throws Exception {
        RecordingListener recorder = new RecordingListener();
        RunSummary summary = new TrainingRun(options.build(), TinyRuns.givenFolder(), recorder, new RunControl()).run();
        return new RunOutcome(summary, recorder);
    }

    private static GanModels checkpointModels(Path run) throws IOException {
        return Checkpoint.loadModels(run, Checkpoint.readState(run));
    }

    private static INDArray optimizerState(ComputationGraph graph) {
        return graph.getUpdater().getStateViewArray();
    }

    private static double largestDifference(INDArray first, INDArray second) {
        assertEquals(first.length(), second.length());
        return first.sub(second).amaxNumber().doubleValue();
    }

    private record RunOutcome(RunSummary summary, RecordingListener recorder) {
    }
}
