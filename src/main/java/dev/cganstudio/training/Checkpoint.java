package dev.cganstudio.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cganstudio.io.AtomicFiles;
import dev.cganstudio.model.ModelFiles;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A run's checkpoint: the discriminator and the combined graph (which holds the generator and
 * its Adam state), both with optimizer state, and {@link CheckpointState}. It is written into
 * a fresh folder that then replaces the old one, so a crash leaves the previous checkpoint or
 * the new one, never half of each.
 */
public final class Checkpoint {

    /** Folder of the checkpoint inside a run folder. */
    public static final String FOLDER = "checkpoint";
    static final String STATE_FILE = "state.json";
    static final String DISCRIMINATOR_FILE = "discriminator.zip";
    static final String COMBINED_FILE = "combined.zip";
    static final String AVERAGE_FILE = "generator-average.zip";
    private static final String PARTIAL_SUFFIX = ".partial";
    private static final String PREVIOUS_SUFFIX = ".previous";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Checkpoint() {
    }

    /** Writes a checkpoint of the models and state into {@code runFolder}. */
    public static void save(Path runFolder, GanModels models, CheckpointState state) throws IOException {
        Path target = runFolder.resolve(FOLDER);
        Path partial = runFolder.resolve(FOLDER + PARTIAL_SUFFIX);
        Path previous = runFolder.resolve(FOLDER + PREVIOUS_SUFFIX);
        deleteTree(partial);
        try {
            Files.createDirectories(partial);
            ModelFiles.save(models.discriminator(), partial.resolve(DISCRIMINATOR_FILE), true);
            ModelFiles.save(models.combined(), partial.resolve(COMBINED_FILE), true);
            if (models.averaged() != null) {
                ModelFiles.save(models.averaged(), partial.resolve(AVERAGE_FILE), false);
            }
            AtomicFiles.write(partial.resolve(STATE_FILE),
                    out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, state));
        } catch (IOException | RuntimeException e) {
            // A full disk is the likely cause: give back the space of the half-written copy.
            deleteTreeQuietly(partial, e);
            throw e;
        }
        // Only an existing current checkpoint may push out the previous one: after a crash between
        // the two moves, the previous folder is the only complete checkpoint until the new one is in place.
        if (Files.exists(target)) {
            deleteTree(previous);
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(previous);
    }

    /** Whether the run folder holds a checkpoint (or the previous one, left by a crash mid-swap). */
    public static boolean exists(Path runFolder) {
        return Files.isRegularFile(folder(runFolder).resolve(STATE_FILE));
    }

    /** Reads the state of the run folder's checkpoint. */
    public static CheckpointState readState(Path runFolder) throws IOException {
        Path file = folder(runFolder).resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("expected a checkpoint at " + file + ", found none: is " + runFolder
                    + " the folder of a run that finished at least one epoch?");
        }
        CheckpointState state;
        try {
            state = JSON.readValue(file.toFile(), CheckpointState.class);
        } catch (IOException e) {
            throw new IOException(file + ": expected a checkpoint state, found unreadable JSON (" + e.getMessage()
                    + ")", e);
        }
        if (state.formatVersion() != CheckpointState.FORMAT_VERSION) {
            throw new IOException(file + ": expected checkpoint format " + CheckpointState.FORMAT_VERSION
                    + ", found " + state.formatVersion());
        }
        return state;
    }

    /** Loads the checkpoint's networks, with optimizer state. */
    public static GanModels loadModels(Path runFolder, CheckpointState state) throws IOException {
        Path folder = folder(runFolder);
        ComputationGraph discriminator = ModelFiles.loadDiscriminator(folder.resolve(DISCRIMINATOR_FILE), true);
        ComputationGraph combined = ModelFiles.loadCombined(folder.resolve(COMBINED_FILE));
        Path average = folder.resolve(AVERAGE_FILE);
        ComputationGraph averaged = state.config().emaDecay() > 0 && Files.exists(average)
                ? ModelFiles.loadGenerator(average, false) : null;
        return GanModels.restore(state.config(), discriminator, combined, averaged);
    }

    /**
     * A warning when the checkpoint's networks hold no optimizer state, or null. A checkpoint cgan
     * writes always holds it; one put together from model files saved without it does not. Such a
     * checkpoint still resumes, since its weights are the trained ones, but Adam's moments start
     * again from zero, so the resumed run is not exact and its first steps may jump.
     */
    public static String optimizerStateWarning(Path runFolder) throws IOException {
        Path folder = folder(runFolder);
        List<String> missing = new ArrayList<>();
        for (String name : List.of(DISCRIMINATOR_FILE, COMBINED_FILE)) {
            try (ZipFile zip = new ZipFile(folder.resolve(name).toFile())) {
                if (zip.getEntry(ModelSerializer.UPDATER_BIN) == null) {
                    missing.add(name);
                }
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "warning: expected optimizer state in the checkpoint of " + runFolder + ", found none in "
                + String.join(" and ", missing) + ": Adam starts again from zero, so this resume is not exact"
                + " and the first steps may jump";
    }

    /** The checkpoint folder to read: the current one, or the previous one if a crash came mid-swap. */
    private static Path folder(Path runFolder) {
        Path current = runFolder.resolve(FOLDER);
        Path previous = runFolder.resolve(FOLDER + PREVIOUS_SUFFIX);
        return !Files.exists(current) && Files.exists(previous) ? previous : current;
    }

    private static void deleteTreeQuietly(Path folder, Exception failure) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
