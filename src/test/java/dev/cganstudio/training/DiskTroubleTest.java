package dev.cganstudio.training;

import dev.cganstudio.cli.CganCommand;
import dev.cganstudio.cli.ExitCodes;
import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.report.MetricsCsv;
import dev.cganstudio.report.RunReport;
import dev.cganstudio.testing.RecordingListener;
import dev.cganstudio.testing.SmallDisk;
import dev.cganstudio.testing.TinyRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An output folder that cannot be written is refused before the data is read; a disk that fills
 * up during training stops the run at the next save with a message that says why and how to
 * resume, the last finished epoch's files intact. Read-only and full disks are real: small tmpfs
 * mounts, which need root (as in CI); without it those cases are skipped, and the folder that is
 * a file stands in for them.
 */
class DiskTroubleTest {

    private static final Logger LOG = LoggerFactory.getLogger(DiskTroubleTest.class);

    /** Room for a tiny run's files (8 MB after one epoch) before the filler takes the rest. */
    private static final long DISK_BYTES = 64L << 20;
    private static final long SMALL_DISK_BYTES = 1L << 20;

    @TempDir
    static Path work;
    static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        data = TinyRuns.writeData(work.resolve("mnist"));
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedBeforeTheDataIsRead() throws Exception {
        Path file = Files.writeString(work.resolve("not-a-folder"), "a file where the output folder should be");
        Path output = file.resolve("runs");

        String message = refusedBeforeStart(output);

        assertTrue(message.startsWith(output + ": expected a folder the run's files can be written to, found that"
                + " writing fails ("), message);
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedBeforeTheDataIsReadWithItsOwnExitCode() throws Exception {
        Optional<SmallDisk> mounted = SmallDisk.mount(work.resolve("read-only"), SMALL_DISK_BYTES, true);
        assumeTrue(mounted.isPresent(), "mounting a tmpfs needs root");
        try (SmallDisk disk = mounted.get()) {
            String message = refusedBeforeStart(disk.path());
            assertTrue(message.contains("Read-only file system"), message);

            int code = CganCommand.execute("train", "--dry-run", "--data", data.toString(), "--output",
                    disk.path().toString(), "--cache", work.resolve("cli-cache").toString());
            assertEquals(ExitCodes.OUTPUT, code);
        }
    }

    @Test
    void aFullOutputFolderIsRefusedBeforeTheDataIsRead() throws Exception {
        Optional<SmallDisk> mounted = SmallDisk.mount(work.resolve("full"), SMALL_DISK_BYTES, false);
        assumeTrue(mounted.isPresent(), "mounting a tmpfs needs root");
        try (SmallDisk disk = mounted.get()) {
            disk.fill();
            String message = refusedBeforeStart(disk.path().resolve("runs"));
            assertTrue(message.contains("No space left on device"), message);
        }
    }

    @Test
    void aDiskThatFillsDuringTrainingStopsTheRunAtTheNextSaveWithTheLastEpochIntact() throws Exception {
        Optional<SmallDisk> mounted = SmallDisk.mount(work.resolve("filling"), DISK_BYTES, false);
        assumeTrue(mounted.isPresent(), "mounting a tmpfs needs root");
        try (SmallDisk disk = mounted.get()) {
            Path run = disk.path().resolve("run");
            TrainingOptions.Builder options = TinyRuns.options(data, run).epochs(2)
                    .cacheFolder(work.resolve("filling-cache"));
            RecordingListener fillAfterFirstEpoch = new RecordingListener(new RunReport()).afterEnded(epoch -> {
                try {
                    LOG.info("a tiny run's files after one epoch: {} KiB", disk.usedBytes() >> 10);
                    disk.fill();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            OutputFolderException full = assertThrows(OutputFolderException.class, () -> new TrainingRun(
                    options.build(), TinyRuns.givenFolder(), fillAfterFirstEpoch, new RunControl()).run());

            String message = full.getMessage();
            LOG.info("disk full at the save of epoch 2: {}", message);
            assertTrue(message.startsWith("could not save epoch 2 in " + run + " ("), message);
            assertTrue(message.contains("No space left on device"), message);
            assertTrue(message.endsWith("); the files of epoch 1 are intact; free some space or fix the folder, then"
                    + " resume: cgan train --resume " + run + " --epochs 2 --dry-run"), message);
            assertEpochOneIntact(run);

            disk.free();
            RunSummary resumed = new TrainingRun(options.resume(true).build(), TinyRuns.givenFolder(),
                    new RunReport(), new RunControl()).run();
            assertEquals(RunSummary.Outcome.COMPLETED, resumed.outcome());
            assertEquals(List.of(1, 2), csvEpochs(run));
        }
    }

    /** Runs a new tiny run into {@code output} and returns the message of its refusal. */
    private static String refusedBeforeStart(Path output) {
        AtomicBoolean located = new AtomicBoolean();
        TrainingOptions options = TinyRuns.options(data, work.resolve("never")).runFolder(null)
                .outputFolder(output).build();
        OutputFolderException refused = assertThrows(OutputFolderException.class,
                () -> new TrainingRun(options, (requested, status) -> {
                    located.set(true);
                    return requested;
                }, new RecordingListener(), new RunControl()).run());
        assertFalse(located.get(), "refused before the data was looked for");
        LOG.info("refused before the start: {}", refused.getMessage());
        return refused.getMessage();
    }

    private static void assertEpochOneIntact(Path run) throws IOException {
        CheckpointState state = Checkpoint.readState(run);
        assertEquals(1, state.epoch());
        Checkpoint.loadModels(run, state);
        assertEquals(List.of(1), csvEpochs(run));
        ModelFiles.loadGenerator(run.resolve("generator.zip"), false);
        ModelFiles.loadDiscriminator(run.resolve("discriminator.zip"), false);
        try (Stream<Path> files = Files.walk(run)) {
            List<Path> leftovers = files.filter(path -> path.getFileName().toString().endsWith(".tmp")
                    || path.getFileName().toString().endsWith(".partial")).toList();
            assertEquals(List.of(), leftovers, "no temporary file or half-written checkpoint is left");
        }
    }

    private static List<Integer> csvEpochs(Path run) throws IOException {
        return MetricsCsv.inRunFolder(run).read().stream().map(EpochMetrics::epoch).toList();
    }
}
