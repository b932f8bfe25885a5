package dev.cganstudio.ui;

import dev.cganstudio.evaluation.Judge;
import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.model.ModelKind;
import javafx.concurrent.Task;

import java.nio.file.Path;

/**
 * Loads one network and checks it is of the kind asked for (inputs, output shape, a probe):
 * a {@code ComputationGraph} for a generator or discriminator, a {@link Judge} for a judge.
 * A wrong or damaged file fails the task with the {@code ModelFileException} saying why.
 */
final class LoadModelTask extends Task<Object> {

    private final ModelKind kind;
    private final Path file;

    LoadModelTask(ModelKind kind, Path file) {
        this.kind = kind;
        this.file = file;
    }

    ModelKind kind() {
        return kind;
    }

    Path file() {
        return file;
    }

    @Override
    protected Object call() throws Exception {
        updateMessage("Loading the " + kind.displayName() + " from " + file);
        return switch (kind) {
            case GENERATOR -> ModelFiles.loadGenerator(file, false);
            case DISCRIMINATOR -> ModelFiles.loadDiscriminator(file, false);
            case JUDGE -> new Judge(ModelFiles.loadJudge(file));
        };
    }
}
