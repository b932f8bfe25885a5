package dev.cganstudio.training;

import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.report.MetricsCsv;
import dev.cganstudio.report.RunReport;
import dev.cganstudio.testing.RecordingListener;
import dev.cganstudio.testing.TinyRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stop asked for from another thread, as the studio's Stop button does: during an epoch it
 * ends the run within one step, while paused at once, and during an epoch's save only once the
 * save is complete. In each case the files hold exactly the epochs the checkpoint holds.
 */
class StopTest {

    private static final Logger LOG = LoggerFactory.getLogger(StopTest.class);
    /** Slack for a loaded machine on top of one step's time; a stop itself costs microseconds. */
    private static final long SLACK_MILLIS = 5_000;
    private static final long WAIT_SECONDS = 300;

    @TempDir
    static Path work;
    static Path data;
    /** A run folder after one epoch, with its report; each test resumes a copy towards epoch 3. */
    static Path firstEpoch;
    static ExecutorService trainingThread = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void trainFirstEpoch() throws Exception {
        data = TinyRuns.writeData(work.resolve("mnist"));
        firstEpoch = work.resolve("first-epoch");
        new TrainingRun(TinyRuns.options(data, firstEpoch).build(), TinyRuns.givenFolder(), new RunReport(),
                new RunControl()).run();
    }

    @AfterAll
    static void stopTrainingThread() {
        trainingThread.shutdownNow();
    }

    @Test
    void aStopDuringAnEpochEndsTheRunWithinOneStep() throws Exception {
        Path run = TinyRuns.copy(firstEpoch, work.resolve("stopped-mid-epoch"));
        RunControl control = new RunControl();
        CountDownLatch firstStepOfEpochTwo = new CountDownLatch(1);
        RecordingListener recorder = new RecordingListener(new RunReport()).afterStep(step -> {
            if (step.epoch() == 2 && step.stepInEpoch() == 1) {
                firstStepOfEpochTwo.countDown();
            }
        });
        Future<RunSummary> running = start(run, recorder, control);

        assertTrue(firstStepOfEpochTwo.await(WAIT_SECONDS, TimeUnit.SECONDS), "epoch 2 began");
        int stepsBeforeStop = recorder.steps.size();
        long asked = System.nanoTime();
        control.requestStop();
        RunSummary summary = running.get(WAIT_SECONDS, TimeUnit.SECONDS);
        long stopMillis = (System.nanoTime() - asked) / 1_000_000;

        double longestStep = recorder.steps.stream().mapToDouble(StepEvent::stepMillis).max().orElseThrow();
        LOG.info("stop during an epoch: returned {} ms after the request, {} step(s) after it; longest step {} ms",
                stopMillis, recorder.steps.size() - stepsBeforeStop, Math.round(longestStep));
        assertEquals(RunSummary.Outcome.STOPPED, summary.outcome());
        assertTrue(recorder.steps.size() - stepsBeforeStop <= 1, "at most the step under way finishes");
        assertTrue(stopMillis <= longestStep + SLACK_MILLIS, "stopped after " + stopMillis + " ms");
        assertTrue(recorder.evaluated.isEmpty(), "epoch 2 was neither judged nor saved");
        assertFilesHoldEpochs(run, 1);
    }

    @Test
    void aStopWhilePausedEndsTheRunWithoutAnotherStep() throws Exception {
        Path run = TinyRuns.copy(firstEpoch, work.resolve("stopped-while-paused"));
        RunControl control = new RunControl();
        CountDownLatch paused = new CountDownLatch(1);
        RecordingListener recorder = new RecordingListener(new RunReport()).afterStep(step -> {
            if (step.epoch() == 2 && step.stepInEpoch() == 1) {
                control.setPaused(true);
                paused.countDown();
            }
        });
        Future<RunSummary> running = start(run, recorder, control);

        assertTrue(paused.await(WAIT_SECONDS, TimeUnit.SECONDS), "paused in epoch 2");
        int stepsBeforeStop = recorder.steps.size();
        long asked = System.nanoTime();
        control.requestStop();
        RunSummary summary = running.get(WAIT_SECONDS, TimeUnit.SECONDS);
        long stopMillis = (System.nanoTime() - asked) / 1_000_000;

        LOG.info("stop while paused: returned {} ms after the request", stopMillis);
        assertEquals(RunSummary.Outcome.STOPPED, summary.outcome());
        assertEquals(stepsBeforeStop, recorder.steps.size(), "no step after the pause");
        assertTrue(stopMillis < SLACK_MILLIS, "stopped after " + stopMillis + " ms");
        assertFilesHoldEpochs(run, 1);
    }

    @Test
    void aStopDuringAnEpochsSaveEndsTheRunOnceTheSaveIsComplete() throws Exception {
        Path run = TinyRuns.copy(firstEpoch, work.resolve("stopped-while-saving"));
        RunControl control = new RunControl();
        RecordingListener recorder = new RecordingListener(new RunReport())
                .afterEvaluated(epoch -> control.requestStop());

        RunSummary summary = start(run, recorder, control).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals(RunSummary.Outcome.STOPPED, summary.outcome());
        assertEquals(2, summary.lastEpoch(), "the epoch being saved is kept whole");
        assertEquals(1, recorder.ended.size(), "its save completed");
        assertFilesHoldEpochs(run, 2);
    }

    private Future<RunSummary> start(Path run, RecordingListener recorder, RunControl control) {
        TrainingOptions options = TinyRuns.options(data, run).epochs(3).resume(true).build();
        return trainingThread.submit(() -> new TrainingRun(options, TinyRuns.givenFolder(), recorder, control).run());
    }

    /** The checkpoint, the CSV and every model file agree on the last finished epoch. */
    private static void assertFilesHoldEpochs(Path run, int lastEpoch) throws IOException {
        CheckpointState state = Checkpoint.readState(run);
        assertEquals(lastEpoch, state.epoch());
        assertEquals((long) lastEpoch * TinyRuns.STEPS_PER_EPOCH, state.step());
        List<Integer> rows = MetricsCsv.inRunFolder(run).read().stream().map(EpochMetrics::epoch).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, lastEpoch).boxed().toList(), rows);
        ModelFiles.loadGenerator(run.resolve("generator.zip"), false);
        ModelFiles.loadDiscriminator(run.resolve("discriminator.zip"), false);
        Checkpoint.loadModels(run, state);
        assertTrue(Files.notExists(run.resolve(Checkpoint.FOLDER + ".partial")), "no half-written checkpoint");
    }
}
