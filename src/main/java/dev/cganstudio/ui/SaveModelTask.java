package dev.cganstudio.ui;

import dev.cganstudio.model.ModelFiles;
import javafx.concurrent.Task;
import org.deeplearning4j.nn.api.Model;

import java.nio.file.Path;

/** Saves one network to a file atomically: a crash leaves the old file or the new, never half. */
final class SaveModelTask extends Task<Path> {

    private final Model network;
    private final Path file;

    SaveModelTask(Model network, Path file) {
        this.network = network;
        this.file = file;
    }

    @Override
    protected Path call() throws Exception {
        ModelFiles.save(network, file, false);
        return file;
    }
}
