package dev.cganstudio.training;

import dev.cganstudio.io.AtomicFiles;
import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.Preset;
import dev.cganstudio.testing.TinyRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A save cut short, by a failing write or by a crash at any point of the checkpoint's folder
 * swap, leaves the old file or the new one, never a truncated one, and the next save tidies up.
 */
class InterruptedSaveTest {

    private static final String PARTIAL = Checkpoint.FOLDER + ".partial";
    private static final String PREVIOUS = Checkpoint.FOLDER + ".previous";

    @TempDir
    Path folder;
    static GanModels models;

    @BeforeAll
    static void buildModels() {
        models = GanModels.create(Preset.FAST.config().withoutDropout(), TinyRuns.SEED);
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path file = folder.resolve("metrics.csv");
        Files.writeString(file, "old\n");

        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("new content, first half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", failure.getMessage());
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[1 << 20]);
            throw new UncheckedIOException(new IOException("cut short"));
        }));

        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of(file), listing(folder), "no temporary file is left behind");
    }

    @Test
    void temporaryFilesOfAKilledWriteAreDeletedAndNothingElse() throws IOException {
        Path leftover = Files.write(folder.resolve(".generator.zip8135508812345.tmp"), new byte[] {'P', 'K'});
        Path model = Files.write(folder.resolve("generator.zip"), new byte[] {'P', 'K'});
        Path usersOwn = Files.writeString(folder.resolve("notes.tmp"), "kept");

        assertEquals(1, AtomicFiles.deleteLeftovers(folder));
        assertEquals(List.of(model, usersOwn), listing(folder));
        assertTrue(Files.notExists(leftover));
    }

    @Test
    void aCrashWhileTheNewCheckpointIsWrittenLeavesTheOldOne() throws IOException {
        Checkpoint.save(folder, models, state(1));
        Path partial = Files.createDirectories(folder.resolve(PARTIAL));
        Files.write(partial.resolve(Checkpoint.COMBINED_FILE), new byte[] {'P', 'K', 3, 4});

        assertReadsEpoch(1);
        Checkpoint.save(folder, models, state(2));
        assertReadsEpoch(2);
        assertTidy();
    }

    @Test
    void aCrashBetweenTheTwoMovesLeavesThePreviousCheckpointWhichTheNextSaveKeepsUntilItIsReplaced()
            throws IOException {
        Checkpoint.save(folder, models, state(1));
        Checkpoint.save(folder, models, state(2));
        Files.move(folder.resolve(Checkpoint.FOLDER), folder.resolve(PREVIOUS));
        assertReadsEpoch(2);

        Checkpoint.save(folder, models, state(3));
        assertReadsEpoch(3);
        assertTidy();
    }

    @Test
    void aCrashBeforeThePreviousCheckpointIsDeletedLeavesTheNewOne() throws IOException {
        Checkpoint.save(folder, models, state(1));
        Path previous = Files.createDirectories(folder.resolve(PREVIOUS));
        Files.writeString(previous.resolve(Checkpoint.STATE_FILE), "{\"formatVersion\": 1, \"epo");

        assertReadsEpoch(1);
        Checkpoint.save(folder, models, state(2));
        assertReadsEpoch(2);
        assertTidy();
    }

    private void assertReadsEpoch(int epoch) throws IOException {
        CheckpointState state = Checkpoint.readState(folder);
        assertEquals(epoch, state.epoch());
        Checkpoint.loadModels(folder, state);
    }

    private void assertTidy() throws IOException {
        assertEquals(List.of(folder.resolve(Checkpoint.FOLDER)), listing(folder));
    }

    private static CheckpointState state(int epoch) {
        GanConfig config = models.config();
        return new CheckpointState(CheckpointState.FORMAT_VERSION, config, TinyRuns.SEED, epoch,
                (long) epoch * TinyRuns.STEPS_PER_EPOCH, 3, 10, 1, 0.5, TinyRuns.TRAIN_IMAGES);
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.sorted().toList();
        }
    }
}
