package dev.cganstudio.ui;

import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.RunSummary;
import dev.cganstudio.training.StepEvent;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A benchmark, not part of the test command: the real studio fed step events far faster than
 * training can make them. It prints how far the training thread got ahead of the UI, how long
 * the FX thread took to answer a probe while flooded, whether the last value is the one shown,
 * and the heap after garbage collection as the loss charts grow to hundreds of thousands of
 * points. Run it with
 * {@code mvn test -Dtest=StudioLoadBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
class StudioLoadBench {

    /** Events in the flood: far more than a run makes in an hour (a few steps a second). */
    private static final int FLOOD = 100_000;
    /** The flood comes in bursts with a pause after each: 100,000 events in about three seconds. */
    private static final int BURST = 1_000;
    private static final long BURST_PAUSE_MILLIS = 30;
    /** Further events, in chunks, for the memory figures: with the flood, 600,000 steps. */
    private static final int CHUNK = 100_000;
    private static final int CHUNKS = 5;
    private static final int TOTAL = FLOOD + CHUNK * CHUNKS;
    private static final long PROBE_MILLIS = 20;
    /** The bound on the FX thread's answer to a probe while flooded. */
    private static final double PROBE_LIMIT_MILLIS = 200;

    @TempDir
    static Path temporary;
    private static StudioHarness harness;

    @BeforeAll
    static void writeData() throws IOException {
        harness = new StudioHarness(temporary);
    }

    @Start
    void start(Stage stage) {
        harness.show(stage);
    }

    @Test
    void floodedWithStepsTheStudioAnswersAndShowsTheLastValue(FxRobot robot) throws Exception {
        TrainingModel training = harness.studio.training();
        Path runFolder = Files.createDirectories(temporary.resolve("load-run"));
        Semaphore chunkDone = new Semaphore(0);
        Semaphore nextChunk = new Semaphore(0);
        long[] floodNanos = new long[1];
        training.runWith((options, listener, control) -> {
            listener.onRunStart(new RunStartEvent(runFolder, 0, 1, 0, "fast"));
            long began = System.nanoTime();
            for (int burst = 0; burst < FLOOD / BURST; burst++) {
                emit(listener, burst * BURST + 1, BURST);
                Thread.sleep(BURST_PAUSE_MILLIS);
            }
            floodNanos[0] = System.nanoTime() - began;
            chunkDone.release();
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                nextChunk.acquire();
                emit(listener, FLOOD + chunk * CHUNK + 1, CHUNK);
                chunkDone.release();
            }
            nextChunk.acquire();
            return new RunSummary(runFolder, RunSummary.Outcome.COMPLETED, 1, TOTAL, null, 0, Double.NaN, Double.NaN);
        });

        Probe probe = new Probe();
        probe.start();
        robot.interact(training::start);
        assertTrue(chunkDone.tryAcquire(120, TimeUnit.SECONDS), "the flood was sent");
        StudioHarness.waitFor(60, "the last step of the flood shown", () -> shows(training, FLOOD));
        double[] probeMillis = probe.stop();
        int backlog = training.mostStepsPerCollection();
        String lastLosses = training.lossesProperty().get();
        double stall = training.longestStallMillisProperty().get();

        List<String> memory = new ArrayList<>();
        memory.add(memoryLine(training, FLOOD));
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            nextChunk.release();
            assertTrue(chunkDone.tryAcquire(120, TimeUnit.SECONDS), "chunk " + chunk + " was sent");
            int last = FLOOD + (chunk + 1) * CHUNK;
            StudioHarness.waitFor(60, "step " + last + " shown", () -> shows(training, last));
            memory.add(memoryLine(training, last));
        }
        nextChunk.release();
        StudioHarness.waitFor(60, "the run's end", () -> training.phaseProperty().get() == TrainingModel.Phase.IDLE);

        double[] sorted = probeMillis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%nstudio under load (%s, %d cores)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  flood: %,d step events sent in %.0f ms (%,.0f a second)%n", FLOOD,
                floodNanos[0] / 1e6, FLOOD / (floodNanos[0] / 1e9));
        System.out.printf(Locale.ROOT, "  most steps between two UI collections: %,d (UI collects %d times a second; held: the latest, and %d chart buckets a loss)%n",
                backlog, TrainingModel.UPDATES_PER_SECOND, DecimatedSeries.MAX_SHOWN);
        System.out.printf(Locale.ROOT, "  FX-thread probe every %d ms: %d answers, median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                PROBE_MILLIS, sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.99),
                sorted[sorted.length - 1]);
        System.out.printf(Locale.ROOT, "  longest gap between frames: %.0f ms%n", stall);
        System.out.printf(Locale.ROOT, "  shown after the flood: '%s' (last sent: %s)%n", lastLosses, lossesOf(FLOOD));
        memory.forEach(System.out::println);

        assertEquals(lossesOf(FLOOD), lastLosses, "the last step's losses are the ones shown");
        assertTrue(sorted[sorted.length - 1] < PROBE_LIMIT_MILLIS,
                "the FX thread answered every probe within " + PROBE_LIMIT_MILLIS + " ms: " + sorted[sorted.length - 1]);
    }

    private static void emit(dev.cganstudio.training.TrainingListener listener, int first, int count) {
        for (int step = first; step < first + count; step++) {
            listener.onStep(new StepEvent(1, 1, step, step, TOTAL, discriminatorLoss(step), generatorLoss(step),
                    0.5, 0.5, 1.0));
        }
    }

    private static double discriminatorLoss(int step) {
        return 0.6 + 0.2 * Math.sin(step / 5000.0) + (step % 7) * 0.001;
    }

    private static double generatorLoss(int step) {
        return 1.2 + 0.3 * Math.cos(step / 7000.0) + (step % 5) * 0.001;
    }

    private static String lossesOf(int step) {
        return String.format(Locale.ROOT, "D %.4f · G %.4f", discriminatorLoss(step), generatorLoss(step));
    }

    private static boolean shows(TrainingModel training, int step) {
        return training.positionProperty().get().endsWith("step " + step + "/" + TOTAL);
    }

    private static String memoryLine(TrainingModel training, int steps) throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        int[] points = new int[2];
        long[] bucket = new long[1];
        Platform.runLater(() -> {
            points[0] = training.discriminatorLoss().series().getData().size();
            points[1] = training.generatorLoss().series().getData().size();
            bucket[0] = training.discriminatorLoss().bucketSize();
            read.countDown();
        });
        read.await(10, TimeUnit.SECONDS);
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(Locale.ROOT, "  after %,7d steps: heap after GC %.1f MiB, chart points D %d / G %d,"
                + " %d steps a point", steps, heap / 1048576.0, points[0], points[1], bucket[0]);
    }

    private static double percentile(double[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))];
    }

    /** Asks the FX thread to run a no-op every few milliseconds and times each answer. */
    private static final class Probe {
        private final List<Double> answers = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "fx-probe");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        double[] stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return answers.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private void run() {
            while (running.get()) {
                CountDownLatch answered = new CountDownLatch(1);
                long sent = System.nanoTime();
                Platform.runLater(answered::countDown);
                try {
                    answered.await();
                    answers.add((System.nanoTime() - sent) / 1e6);
                    Thread.sleep(PROBE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
