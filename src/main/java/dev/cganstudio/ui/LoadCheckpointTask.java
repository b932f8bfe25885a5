package dev.cganstudio.ui;

import dev.cganstudio.training.Checkpoint;
import dev.cganstudio.training.CheckpointState;
import dev.cganstudio.training.GanModels;
import javafx.concurrent.Task;

import java.nio.file.Path;

/**
 * Reads a run's checkpoint and loads its networks, which checks them: the run can then be
 * resumed, and its generator and discriminator become the studio's current ones. Accepts the
 * run folder or the checkpoint folder inside it.
 */
final class LoadCheckpointTask extends Task<LoadCheckpointTask.Loaded> {

    /** A checkpoint that loaded: its run folder, its state, and its networks. */
    record Loaded(Path runFolder, CheckpointState state, GanModels models) {
    }

    private final Path chosen;

    LoadCheckpointTask(Path chosen) {
        this.chosen = chosen;
    }

    @Override
    protected Loaded call() throws Exception {
        Path runFolder = chosen.getFileName() != null && chosen.getFileName().toString().equals(Checkpoint.FOLDER)
                ? chosen.getParent() : chosen;
        CheckpointState state = Checkpoint.readState(runFolder);
        return new Loaded(runFolder, state, Checkpoint.loadModels(runFolder, state));
    }
}
