package dev.cganstudio.cli;

import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.report.MetricsCsv;
import dev.cganstudio.testing.TinyRuns;
import dev.cganstudio.training.Checkpoint;
import dev.cganstudio.training.CheckpointState;
import dev.cganstudio.training.EpochMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code cgan train} in a child JVM, killed with SIGKILL mid-epoch or in the middle of writing a
 * checkpoint, then {@code cgan train --resume}: the run folder stays usable, no finished epoch
 * is lost (so at most the epoch under way is), every model file present loads, and after the
 * resume the CSV has whole rows for contiguous epochs, each once, with consistent step counts.
 */
class KilledTrainingTest {

    private static final Logger LOG = LoggerFactory.getLogger(KilledTrainingTest.class);

    private static final int EPOCHS = 2;
    /** Seed of the kill moments: which step of epoch 2 to wait for, and how long after it. */
    private static final long KILL_SEED = 20_240_611L;
    private static final int MAX_KILL_DELAY_MILLIS = 500;
    private static final long CHILD_TIMEOUT_MILLIS = 300_000;
    private static final long POLL_MILLIS = 1;
    private static final Pattern EPOCH_DONE = Pattern.compile("epoch (\\d+) done");
    private static final Pattern STOPPED_SUMMARY = Pattern.compile("^stopped: (\\d+) epoch\\(s\\)");
    /** Temporary files of atomic writes, and the checkpoint's folders while it is swapped. */
    private static final Pattern HALF_WRITTEN = Pattern.compile(".*\\.(tmp|partial|previous)");

    @TempDir
    static Path work;
    static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        data = TinyRuns.writeData(work.resolve("mnist"));
    }

    @Test
    void aRunKilledAtARandomMomentOfAnEpochResumesWithoutLosingAFinishedEpoch() throws Exception {
        Random random = new Random(KILL_SEED);
        int afterStep = 1 + random.nextInt(TinyRuns.STEPS_PER_EPOCH);
        int delayMillis = random.nextInt(MAX_KILL_DELAY_MILLIS);
        Path output = work.resolve("random-kill");
        Child child = Child.train(output);

        String stepLine = "epoch 2/" + EPOCHS + " step " + afterStep + "/" + TinyRuns.STEPS_PER_EPOCH;
        child.awaitOrFail(() -> child.logged(stepLine), "step " + afterStep + " of epoch 2");
        Thread.sleep(delayMillis);
        int finishedBeforeKill = child.kill();
        LOG.info("killed {} ms after step {} of epoch 2; epochs announced done before the kill: {}", delayMillis,
                afterStep, finishedBeforeKill);

        checkKilledRunAndResume(child.runFolder(), finishedBeforeKill);
    }

    @Test
    void aRunKilledWhileWritingItsCheckpointResumesFromTheOldOrTheNewOne() throws Exception {
        Path output = work.resolve("killed-saving");
        Child child = Child.train(output);

        child.awaitOrFail(() -> child.logged("epoch 2/" + EPOCHS + " step 1/"), "epoch 2");
        Path partial = child.runFolder().resolve(Checkpoint.FOLDER + ".partial");
        child.awaitOrFail(() -> Files.exists(partial), "epoch 2's checkpoint being written");
        int finishedBeforeKill = child.kill();
        LOG.info("killed while {} existed; epochs announced done before the kill: {}", partial.getFileName(),
                finishedBeforeKill);

        checkKilledRunAndResume(child.runFolder(), finishedBeforeKill);
    }

    @Test
    void ctrlCStopsAfterTheStepUnderWayAndSaysHowToContinue() throws Exception {
        int epochs = 12;
        Child child = Child.train(work.resolve("interrupted"), epochs);
        child.awaitOrFail(() -> child.logged("epoch 2/" + epochs + " step 2/"), "step 2 of epoch 2");

        int code = child.interrupt();

        assertEquals(ExitCodes.STOPPED, code, "exit code of a stopped run; its log:\n"
                + String.join("\n", child.lines));
        int finished = child.lines.stream().map(STOPPED_SUMMARY::matcher).filter(Matcher::find)
                .mapToInt(matcher -> Integer.parseInt(matcher.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError("no summary in:\n" + String.join("\n", child.lines)));
        assertTrue(finished >= 1 && finished < epochs, "stopped soon after the signal, not at the end: " + finished);
        assertTrue(child.logged("to continue: cgan train --resume " + child.runFolder() + " --epochs " + epochs
                + " --dry-run --data " + data), "the command that resumes");
        assertEquals(finished, Checkpoint.readState(child.runFolder()).epoch(),
                "the checkpoint of the last whole epoch");
        assertEquals(finished, MetricsCsv.inRunFolder(child.runFolder()).read().size(), "a CSV row per whole epoch");
        assertWholeRows(child.runFolder());

        int resumedCode = CganCommand.execute("train", "--resume", child.runFolder().toString(), "--dry-run",
                "--data", data.toString(), "--cache", work.resolve("interrupted-cache").toString(), "--threads", "1",
                "--log-every", "0");
        assertEquals(ExitCodes.OK, resumedCode, "resumed without --epochs, it goes on to the epochs it began with");
        assertEquals(epochs, Checkpoint.readState(child.runFolder()).epoch());
        assertEquals(IntStream.rangeClosed(1, epochs).boxed().toList(),
                MetricsCsv.inRunFolder(child.runFolder()).read().stream().map(EpochMetrics::epoch).toList());
    }

    private static void checkKilledRunAndResume(Path run, int finishedBeforeKill) throws IOException {
        CheckpointState killed = Checkpoint.readState(run);
        assertTrue(killed.epoch() >= finishedBeforeKill, "checkpoint of epoch " + killed.epoch()
                + " keeps every epoch announced done (" + finishedBeforeKill + ")");
        assertTrue(killed.epoch() <= finishedBeforeKill + 1, "checkpoint of epoch " + killed.epoch());
        assertEquals((long) killed.epoch() * TinyRuns.STEPS_PER_EPOCH, killed.step());
        assertEveryModelFileLoads(run);
        List<EpochMetrics> rowsAfterKill = MetricsCsv.inRunFolder(run).read();
        assertWholeRows(run);
        assertTrue(rowsAfterKill.size() >= killed.epoch() && rowsAfterKill.size() <= killed.epoch() + 1,
                "the CSV holds the checkpoint's epochs and at most the one being saved: " + rowsAfterKill.size());

        int code = CganCommand.execute("train", "--resume", run.toString(), "--dry-run", "--epochs",
                String.valueOf(EPOCHS), "--data", data.toString(), "--cache", run.resolveSibling("cache").toString(),
                "--threads", "1", "--log-every", "0");
        assertEquals(ExitCodes.OK, code, "the resumed run finishes");

        CheckpointState resumed = Checkpoint.readState(run);
        assertEquals(EPOCHS, resumed.epoch());
        assertEquals((long) EPOCHS * TinyRuns.STEPS_PER_EPOCH, resumed.step());
        List<EpochMetrics> rows = MetricsCsv.inRunFolder(run).read();
        assertEquals(IntStream.rangeClosed(1, EPOCHS).boxed().toList(), rows.stream().map(EpochMetrics::epoch).toList(),
                "contiguous epochs, each once");
        for (EpochMetrics row : rows) {
            assertEquals((long) row.epoch() * TinyRuns.STEPS_PER_EPOCH, row.steps(), "steps of epoch " + row.epoch());
        }
        assertWholeRows(run);
        assertEveryModelFileLoads(run);
        try (Stream<Path> files = Files.walk(run)) {
            assertEquals(List.of(), files.filter(path -> HALF_WRITTEN.matcher(path.getFileName().toString()).matches())
                    .toList(), "nothing half-written is left behind");
        }
    }

    /** Every line of the CSV ends, and has the header's number of fields. */
    private static void assertWholeRows(Path run) throws IOException {
        String text = Files.readString(MetricsCsv.inRunFolder(run).file(), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), "the last row is whole");
        for (String line : text.split("\n")) {
            assertEquals(MetricsCsv.HEADER.size(), line.split(",", -1).length, "fields in: " + line);
        }
    }

    /** Loads every model zip in the run folder and its checkpoint folders, each as its kind. */
    private static void assertEveryModelFileLoads(Path run) throws IOException {
        List<Path> zips;
        try (Stream<Path> files = Files.walk(run)) {
            zips = files.filter(path -> path.getFileName().toString().endsWith(".zip")).toList();
        }
        assertTrue(zips.size() >= 5, "model files found: " + zips);
        for (Path zip : zips) {
            String name = zip.getFileName().toString();
            boolean inCheckpoint = zip.getParent().getFileName().toString().startsWith(Checkpoint.FOLDER);
            if (name.startsWith("judge")) {
                ModelFiles.loadJudge(zip);
            } else if (name.startsWith("discriminator")) {
                ModelFiles.loadDiscriminator(zip, inCheckpoint);
            } else if (name.startsWith("combined")) {
                ModelFiles.loadCombined(zip);
            } else if (name.startsWith("generator")) {
                ModelFiles.loadGenerator(zip, false);
            } else {
                fail("unexpected zip " + zip);
            }
        }
    }

    /** A {@code cgan train} process and what it has logged so far. */
    private static final class Child {
        private final Process process;
        private final Path output;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread reader = new Thread(this::readLog, "child-log");

        private Child(Process process, Path output) {
            this.process = process;
            this.output = output;
            reader.setDaemon(true);
            reader.start();
        }

        /** Starts a dry run of {@value #EPOCHS} epochs that logs every step, in a new JVM. */
        static Child train(Path output) throws IOException {
            return train(output, EPOCHS);
        }

        /** Starts a dry run of {@code epochs} epochs that logs every step, in a new JVM. */
        static Child train(Path output, int epochs) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            // A shell that starts a job in the background without job control (as CI may) makes
            // it ignore SIGINT, and children inherit that; env resets it, as a terminal would have it.
            List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", java.toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "train", "--dry-run",
                    "--no-dropout", "--seed", String.valueOf(TinyRuns.SEED), "--epochs", String.valueOf(epochs),
                    "--data", data.toString(), "--output", output.toString(), "--cache",
                    output.resolveSibling(output.getFileName() + "-cache").toString(), "--threads", "1",
                    "--log-every", "1"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new Child(process, output);
        }

        boolean logged(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }

        /** Waits until {@code condition} holds; fails if the child ends or takes too long first. */
        void awaitOrFail(BooleanSupplier condition, String what) throws InterruptedException {
            long deadline = System.currentTimeMillis() + CHILD_TIMEOUT_MILLIS;
            while (!condition.getAsBoolean()) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    fail("the child " + (process.isAlive() ? "took too long" : "ended") + " before " + what
                            + "; its log:\n" + String.join("\n", lines));
                }
                Thread.sleep(POLL_MILLIS);
            }
        }

        /** Sends the child SIGINT, as Ctrl-C in its terminal would, and returns its exit code. */
        int interrupt() throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -INT delivered");
            int code = process.waitFor();
            reader.join(CHILD_TIMEOUT_MILLIS);
            return code;
        }

        /** SIGKILLs the child and returns the last epoch it announced done before it died. */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
            reader.join(CHILD_TIMEOUT_MILLIS);
            return lastEpochDone();
        }

        Path runFolder() throws IOException {
            try (Stream<Path> runs = Files.list(output)) {
                Optional<Path> run = runs.filter(Files::isDirectory).findFirst();
                return run.orElseThrow(() -> new IOException("no run folder in " + output));
            }
        }

        private int lastEpochDone() {
            int last = 0;
            for (String line : lines) {
                Matcher matcher = EPOCH_DONE.matcher(line);
                if (matcher.find()) {
                    last = Math.max(last, Integer.parseInt(matcher.group(1)));
                }
            }
            return last;
        }

        private void readLog() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(log unreadable: " + e.getMessage() + ")");
            }
        }
    }
}
