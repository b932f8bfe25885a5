package dev.cganstudio.ui;

import dev.cganstudio.evaluation.Judge;
import dev.cganstudio.model.ModelKind;
import dev.cganstudio.training.Checkpoint;
import dev.cganstudio.training.CheckpointState;
import dev.cganstudio.training.RunControl;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The networks the studio works with besides training: the current generator (for the
 * generate panel), discriminator and judge (for the draw panel), and a checkpoint to resume.
 * While a run trains, the generator and discriminator are copied from it between two steps.
 * Loading checks the file first and replaces a network only when the new one is good; saving
 * is atomic. Used on the FX thread; the networks are only ever touched on the {@link ModelWorker}.
 */
final class ModelShelf {

    /** A checkpoint that a run can resume from. */
    record ResumePoint(Path runFolder, CheckpointState state) {
    }

    private final ModelWorker worker;
    private final FileDialogs dialogs;
    private final ErrorDialogs errors;
    private final StatusLine status;

    private final ReadOnlyObjectWrapper<ComputationGraph> generator = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper generatorOrigin = new ReadOnlyStringWrapper("none yet");
    private final ReadOnlyObjectWrapper<ComputationGraph> discriminator = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Judge> judge = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper judgeOrigin = new ReadOnlyStringWrapper("none yet");
    private final ReadOnlyObjectWrapper<ResumePoint> resumePoint = new ReadOnlyObjectWrapper<>();
    private RunControl liveRun;
    private Path liveRunFolder;
    private Path lastRunFolder;

    ModelShelf(ModelWorker worker, FileDialogs dialogs, ErrorDialogs errors, StatusLine status) {
        this.worker = worker;
        this.dialogs = dialogs;
        this.errors = errors;
        this.status = status;
    }

    ReadOnlyObjectProperty<ComputationGraph> generatorProperty() {
        return generator.getReadOnlyProperty();
    }

    ReadOnlyStringProperty generatorOriginProperty() {
        return generatorOrigin.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ComputationGraph> discriminatorProperty() {
        return discriminator.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Judge> judgeProperty() {
        return judge.getReadOnlyProperty();
    }

    ReadOnlyStringProperty judgeOriginProperty() {
        return judgeOrigin.getReadOnlyProperty();
    }

    /** The checkpoint the next Start resumes from, or null for a new run. */
    ReadOnlyObjectProperty<ResumePoint> resumePointProperty() {
        return resumePoint.getReadOnlyProperty();
    }

    // ----- commands

    /** Asks for a file and loads it as a network of {@code kind}; a bad file is refused and nothing changes. */
    void load(ModelKind kind) {
        dialogs.openModel("Load " + kind.displayName()).ifPresent(file -> {
            LoadModelTask task = new LoadModelTask(kind, file);
            task.setOnSucceeded(event -> accept(kind, task.getValue(), "loaded from " + file.getFileName()));
            task.setOnFailed(event -> errors.show("Not loaded: the " + kind.displayName() + " stays as it was",
                    task.getException()));
            status.post("Loading the " + kind.displayName() + " from " + file);
            worker.submit(task);
        });
    }

    /** Asks for a run folder and loads its checkpoint: the next Start resumes it. */
    void loadCheckpoint() {
        dialogs.chooseFolder("Load a checkpoint (a run folder)", lastRunFolder).ifPresent(folder -> {
            LoadCheckpointTask task = new LoadCheckpointTask(folder);
            task.setOnSucceeded(event -> {
                LoadCheckpointTask.Loaded loaded = task.getValue();
                String origin = "from the checkpoint of " + loaded.runFolder().getFileName() + ", epoch "
                        + loaded.state().epoch();
                accept(ModelKind.GENERATOR, loaded.models().sampler(), origin);
                accept(ModelKind.DISCRIMINATOR, loaded.models().discriminator(), origin);
                resumePoint.set(new ResumePoint(loaded.runFolder(), loaded.state()));
                lastRunFolder = loaded.runFolder();
            });
            task.setOnFailed(event -> errors.show("Checkpoint not loaded: nothing changed", task.getException()));
            status.post("Loading the checkpoint in " + folder);
            worker.submit(task);
        });
    }

    /** Asks where, then saves the current network of {@code kind} (copied from the run while training). */
    void save(ModelKind kind) {
        if (!has(kind)) {
            errors.show("Nothing to save", new IllegalStateException("expected a " + kind.displayName()
                    + " to save, found none: train or load one first"));
            return;
        }
        dialogs.saveModel("Save the " + kind.displayName(), kind.fileName()).ifPresent(file ->
                current(kind).whenComplete((network, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        errors.show("Not saved", error);
                        return;
                    }
                    SaveModelTask task = new SaveModelTask(network, file);
                    task.setOnSucceeded(event -> status.post("Saved the " + kind.displayName() + " to " + file));
                    task.setOnFailed(event -> errors.show("Not saved", task.getException()));
                    worker.submit(task);
                })));
    }

    /**
     * Asks for a new folder and copies the run's last checkpoint there, with its models and
     * CSV; while training the copy is made between two steps so no epoch's files are half written.
     */
    void saveCheckpoint() {
        Path source = liveRunFolder != null ? liveRunFolder : lastRunFolder;
        if (source == null) {
            errors.show("Nothing to save", new IllegalStateException(
                    "expected a run with a checkpoint, found none: train an epoch or load a checkpoint first"));
            return;
        }
        dialogs.chooseFolder("Save the checkpoint into a new folder", source.getParent()).ifPresent(target -> {
            CompletableFuture<Path> copied = liveRun != null
                    ? liveRun.betweenSteps(models -> copyOrFail(source, target))
                    : CompletableFuture.supplyAsync(() -> copyOrFail(source, target), worker::execute);
            copied.whenComplete((path, error) -> Platform.runLater(() -> {
                if (error != null) {
                    errors.show("Checkpoint not saved", error);
                } else {
                    status.post("Saved the checkpoint to " + path);
                }
            }));
        });
    }

    /**
     * The generator to draw digits from: a copy of the training run's sampler (the moving average
     * that the grid and the judge use, where the preset keeps one), else the current generator.
     */
    CompletableFuture<ComputationGraph> generatorForUse() {
        if (liveRun != null) {
            return liveRun.betweenSteps(models -> models.sampler().clone());
        }
        return generator.get() != null ? CompletableFuture.completedFuture(generator.get())
                : CompletableFuture.failedFuture(new IllegalStateException(
                        "expected a generator, found none: start training or load one (Models menu)"));
    }

    /** Whether a run is training, whose networks are then the ones used. */
    boolean isTraining() {
        return liveRun != null;
    }

    // ----- told by the training model

    /** A run has started training in {@code runFolder}: its networks are the current ones now. */
    void runStarted(RunControl control, Path runFolder) {
        liveRun = control;
        liveRunFolder = runFolder;
        resumePoint.set(null);
    }

    /** A run has ended; {@code generatorCopy} and {@code discriminatorCopy} are its final networks if known. */
    void runEnded(Path runFolder, ComputationGraph generatorCopy, ComputationGraph discriminatorCopy,
                  boolean resumable) {
        liveRun = null;
        liveRunFolder = null;
        if (runFolder == null) {
            return;
        }
        lastRunFolder = runFolder;
        String origin = "of run " + runFolder.getFileName();
        if (generatorCopy != null) {
            accept(ModelKind.GENERATOR, generatorCopy, origin);
            accept(ModelKind.DISCRIMINATOR, discriminatorCopy, origin);
        } else {
            adoptFile(ModelKind.GENERATOR, runFolder.resolve(ModelKind.GENERATOR.fileName()), origin);
            adoptFile(ModelKind.DISCRIMINATOR, runFolder.resolve(ModelKind.DISCRIMINATOR.fileName()), origin);
        }
        if (resumable && Checkpoint.exists(runFolder)) {
            worker.execute(() -> readResumePoint(runFolder));
        }
    }

    /** The run wrote its judge: adopt it when the studio has none. */
    void judgeAvailable(Path judgeFile) {
        if (judge.get() == null) {
            adoptFile(ModelKind.JUDGE, judgeFile, "of the run");
        }
    }

    /** Adopts a judge found at start-up. */
    void adoptJudge(Judge found, String origin) {
        accept(ModelKind.JUDGE, found, origin);
    }

    /** Forgets the checkpoint so that the next Start begins a new run. */
    void forgetResumePoint() {
        resumePoint.set(null);
    }

    // ----- internals

    private void accept(ModelKind kind, Object network, String origin) {
        switch (kind) {
            case GENERATOR -> {
                generator.set((ComputationGraph) network);
                generatorOrigin.set(origin);
            }
            case DISCRIMINATOR -> discriminator.set((ComputationGraph) network);
            case JUDGE -> {
                judge.set((Judge) network);
                judgeOrigin.set(origin);
            }
        }
        status.post("The " + kind.displayName() + " is now the one " + origin);
    }

    /** Loads a file the studio itself wrote; if it cannot, the status line says so and nothing changes. */
    private void adoptFile(ModelKind kind, Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        LoadModelTask task = new LoadModelTask(kind, file);
        task.setOnSucceeded(event -> accept(kind, task.getValue(), origin));
        task.setOnFailed(event -> status.post("The " + kind.displayName() + " of the run was not loaded: "
                + ErrorDialogs.messageOf(task.getException())));
        worker.submit(task);
    }

    private boolean has(ModelKind kind) {
        return switch (kind) {
            case GENERATOR, DISCRIMINATOR -> liveRun != null || (kind == ModelKind.GENERATOR ? generator.get()
                    : discriminator.get()) != null;
            case JUDGE -> judge.get() != null;
        };
    }

    private CompletableFuture<Model> current(ModelKind kind) {
        Function<ComputationGraph, Model> asModel = graph -> graph;
        return switch (kind) {
            case GENERATOR -> generatorForUse().thenApply(asModel);
            case DISCRIMINATOR -> liveRun != null
                    ? liveRun.betweenSteps(models -> (Model) models.discriminator().clone())
                    : CompletableFuture.completedFuture(discriminator.get());
            case JUDGE -> CompletableFuture.completedFuture(judge.get().network());
        };
    }

    private void readResumePoint(Path runFolder) {
        try {
            CheckpointState state = Checkpoint.readState(runFolder);
            Platform.runLater(() -> resumePoint.set(new ResumePoint(runFolder, state)));
        } catch (IOException e) {
            Platform.runLater(() -> status.post("The run's checkpoint cannot be resumed: " + e.getMessage()));
        }
    }

    private static Path copyOrFail(Path source, Path target) {
        try {
            return RunFolderCopy.copy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
