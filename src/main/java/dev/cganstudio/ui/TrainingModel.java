package dev.cganstudio.ui;

import dev.cganstudio.model.ModelKind;
import dev.cganstudio.model.Preset;
import dev.cganstudio.report.RunReport;
import dev.cganstudio.training.DataLocator;
import dev.cganstudio.training.EpochMetrics;
import dev.cganstudio.training.RunControl;
import dev.cganstudio.training.RunStartEvent;
import dev.cganstudio.training.RunSummary;
import dev.cganstudio.training.SampleEvent;
import dev.cganstudio.training.StepEvent;
import dev.cganstudio.training.TrainingOptions;
import dev.cganstudio.training.TrainingRun;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The training panel's state and commands: the options a person sets, the run's phase and
 * figures, the chart series and the latest sample grid. A run trains in a {@link TrainingTask}
 * on its own thread; this model collects what it reports {@link #UPDATES_PER_SECOND} times a
 * second on the FX thread (latest value wins), so a fast run can never flood the UI.
 */
final class TrainingModel {

    /** How often the UI takes in a running training's progress: smooth to the eye, cheap to draw. */
    static final int UPDATES_PER_SECOND = 10;
    /**
     * Weight of the newest step time in the running mean behind the speed and time-left figures:
     * about the last twenty updates (two seconds) count. Step times leave out the pauses for
     * evaluation at each epoch's end, so the time left is training time.
     */
    static final double SPEED_SMOOTHING = 0.05;
    /** Epochs offered when the studio opens: a few minutes of the fast preset on two cores. */
    static final int DEFAULT_EPOCHS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(TrainingModel.class);
    private static final double MILLIS_PER_SECOND = 1000;

    /** Where a run is. */
    enum Phase {
        /** No run: the options can be changed and a run started. */
        IDLE,
        /** Started, finding the data and the judge, building or restoring the networks. */
        PREPARING,
        TRAINING,
        PAUSED,
        /** Asked to stop: ends within one batch. */
        STOPPING
    }

    // ----- options a person sets
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.DEFAULT);
    private final IntegerProperty epochs = new SimpleIntegerProperty(DEFAULT_EPOCHS);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(0);
    private final LongProperty seed = new SimpleLongProperty(42);
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> outputFolder = new SimpleObjectProperty<>();

    // ----- what the run shows
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper losses = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> runFolder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SampleEvent> grid = new ReadOnlyObjectWrapper<>();
    private final DecimatedSeries discriminatorLoss = new DecimatedSeries("D loss");
    private final DecimatedSeries generatorLoss = new DecimatedSeries("G loss");
    private final DecimatedSeries accuracy = new DecimatedSeries("accuracy");
    private final DecimatedSeries macroF1 = new DecimatedSeries("macro F1");

    private final StudioSettings settings;
    private final ModelShelf shelf;
    private final StatusLine status;
    private final ErrorDialogs errors;
    private final StallMonitor stallMonitor = new StallMonitor();
    private final Timeline collector = new Timeline(new KeyFrame(Duration.millis(1000.0 / UPDATES_PER_SECOND),
            event -> collect()));
    private double meanStepMillis;
    private TrainingTask task;
    private RunStartEvent start;
    private CompletableFuture<ComputationGraph[]> finalNetworks;
    private boolean judgeOffered;
    private TrainingTask.Body body;

    TrainingModel(StudioSettings settings, ModelShelf shelf, StatusLine status, ErrorDialogs errors,
                  DataLocator dataLocator) {
        this.settings = settings;
        this.shelf = shelf;
        this.status = status;
        this.errors = errors;
        this.body = (options, listener, control) -> new TrainingRun(options, dataLocator, listener, control).run();
        dataFolder.set(settings.dataFolder());
        outputFolder.set(settings.outputFolder());
        collector.setCycleCount(Timeline.INDEFINITE);
        shelf.resumePointProperty().addListener((observable, old, point) -> {
            if (point != null) {
                epochs.set(Math.max(epochs.get(), point.state().epoch() + 1));
            }
        });
    }

    // ----- properties

    ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    IntegerProperty epochsProperty() {
        return epochs;
    }

    /** Images per step, 0 for the preset's own. */
    IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    LongProperty seedProperty() {
        return seed;
    }

    ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    ObjectProperty<Path> outputFolderProperty() {
        return outputFolder;
    }

    ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Fraction of the run's steps done, -1 while preparing (shown as busy). */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "epoch 2/5 · step 340/937". */
    ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    ReadOnlyStringProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** The latest step's losses, "D 0.6931 · G 0.7012". */
    ReadOnlyStringProperty lossesProperty() {
        return losses.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Path> runFolderProperty() {
        return runFolder.getReadOnlyProperty();
    }

    /** The latest sample grid of the run, from its fixed noise. */
    ReadOnlyObjectProperty<SampleEvent> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** The most steps that arrived between two collections during the current run (0 when none runs). */
    int mostStepsPerCollection() {
        return task == null ? 0 : task.feed().mostStepsPerCollection();
    }

    /** The longest time the FX thread drew no frame during the current or last run, in ms. */
    ReadOnlyDoubleProperty longestStallMillisProperty() {
        return stallMonitor.longestMillisProperty();
    }

    ReadOnlyObjectProperty<ModelShelf.ResumePoint> resumePointProperty() {
        return shelf.resumePointProperty();
    }

    DecimatedSeries discriminatorLoss() {
        return discriminatorLoss;
    }

    DecimatedSeries generatorLoss() {
        return generatorLoss;
    }

    DecimatedSeries accuracy() {
        return accuracy;
    }

    DecimatedSeries macroF1() {
        return macroF1;
    }

    // ----- commands

    /** Starts a new run with the options set, or resumes the loaded checkpoint. */
    void start() {
        if (phase.get() != Phase.IDLE) {
            return;
        }
        TrainingOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            errors.show("Training not started", e);
            return;
        }
        RunControl control = new RunControl();
        task = new TrainingTask(options, body, control, new RunReport(),
                new TrainingFeed(discriminatorLoss, generatorLoss));
        task.setOnSucceeded(event -> finish(task.getValue(), null));
        task.setOnFailed(event -> finish(null, task.getException()));
        start = null;
        judgeOffered = false;
        finalNetworks = null;
        meanStepMillis = 0;
        if (!options.resume()) {
            clearCharts();
        }
        phase.set(Phase.PREPARING);
        progress.set(-1);
        position.set(options.resume() ? "resuming" : "preparing");
        timeLeft.set("");
        speed.set("");
        losses.set("");
        status.post("Starting: finding MNIST and the judge");
        stallMonitor.start();
        collector.play();
        Thread thread = new Thread(task, "cgan-training");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Replaces what Start runs with a stand-in that reports through the same listener: only for
     * load benchmarks, which need more events a second than a real run can give.
     */
    void runWith(TrainingTask.Body standIn) {
        this.body = standIn;
    }

    /** Pauses a training run between two steps, or resumes a paused one. */
    void togglePause() {
        if (phase.get() == Phase.TRAINING || phase.get() == Phase.PREPARING) {
            task.control().setPaused(true);
            phase.set(Phase.PAUSED);
            status.post("Paused");
        } else if (phase.get() == Phase.PAUSED) {
            task.control().setPaused(false);
            phase.set(start == null ? Phase.PREPARING : Phase.TRAINING);
            status.post("Training");
        }
    }

    /**
     * Stops the run within one batch. The generator (its moving average, which every sample is
     * drawn from) and the discriminator as they are at that step stay in the studio; the files
     * stay those of the last finished epoch.
     */
    void stop() {
        if (task == null || phase.get() == Phase.IDLE || phase.get() == Phase.STOPPING) {
            return;
        }
        finalNetworks = task.control().betweenSteps(models -> new ComputationGraph[] {
            models.sampler().clone(), models.discriminator().clone()});
        task.control().requestStop();
        phase.set(Phase.STOPPING);
        status.post("Stopping after this step");
    }

    /** Asks for the MNIST folder. */
    void chooseDataFolder(FileDialogs dialogs) {
        dialogs.chooseFolder("Folder holding the MNIST files", dataFolder.get()).ifPresent(dataFolder::set);
    }

    /** Asks for the folder new runs go to. */
    void chooseOutputFolder(FileDialogs dialogs) {
        dialogs.chooseFolder("Folder for the runs", outputFolder.get()).ifPresent(outputFolder::set);
    }

    /** Forgets a loaded checkpoint so that Start begins a new run. */
    void newRun() {
        shelf.forgetResumePoint();
    }

    // ----- internals

    private TrainingOptions options() {
        ModelShelf.ResumePoint resume = shelf.resumePointProperty().get();
        TrainingOptions.Builder builder = TrainingOptions.builder()
                .preset(preset.get())
                .epochs(epochs.get())
                .batchSize(batchSize.get())
                .seed(seed.get())
                .dataFolder(dataFolder.get())
                .outputFolder(outputFolder.get())
                .cacheFolder(settings.cacheFolder())
                .liveSamplesMillis(settings.liveSamplesMillis())
                .dryRun(settings.dryRun());
        if (resume != null) {
            builder.runFolder(resume.runFolder()).resume(true).seed(resume.state().seed());
        }
        return builder.build();
    }

    /** Takes in what the run reported since the last call; runs on the FX thread. */
    private void collect() {
        if (task == null) {
            return;
        }
        TrainingFeed.Update update = task.feed().collect();
        if (update.start() != null) {
            start = update.start();
            runFolder.set(start.runFolder());
            shelf.runStarted(task.control(), start.runFolder());
        }
        if (update.status() != null) {
            status.post(update.status());
        }
        for (EpochMetrics metrics : update.epochs()) {
            accuracy.add(metrics.epoch(), metrics.accuracy());
            macroF1.add(metrics.epoch(), metrics.macroF1());
            status.post(String.format(Locale.ROOT, "Epoch %d: accuracy %.3f, macro F1 %.3f, %.0f images/s",
                    metrics.epoch(), metrics.accuracy(), metrics.macroF1(), metrics.imagesPerSecond()));
        }
        if (update.step() != null) {
            showStep(update.step());
        }
        if (update.grid() != null) {
            grid.set(update.grid());
        }
        discriminatorLoss.refresh();
        generatorLoss.refresh();
        accuracy.refresh();
        macroF1.refresh();
    }

    private void showStep(StepEvent step) {
        if (phase.get() == Phase.PREPARING) {
            phase.set(Phase.TRAINING);
        }
        if (!judgeOffered && start != null) {
            judgeOffered = true;
            shelf.judgeAvailable(start.runFolder().resolve(ModelKind.JUDGE.fileName()));
        }
        long firstStep = start == null ? 0 : start.step();
        int firstEpoch = start == null ? 0 : start.finishedEpochs();
        long totalSteps = (long) (step.epochs() - firstEpoch) * step.stepsPerEpoch();
        long done = step.step() - firstStep;
        progress.set(totalSteps > 0 ? Math.min(1, done / (double) totalSteps) : -1);
        position.set(String.format(Locale.ROOT, "epoch %d/%d · step %d/%d", step.epoch(), step.epochs(),
                step.stepInEpoch(), step.stepsPerEpoch()));
        losses.set(String.format(Locale.ROOT, "D %.4f · G %.4f", step.discriminatorLoss(), step.generatorLoss()));

        meanStepMillis = meanStepMillis == 0 ? step.stepMillis()
                : SPEED_SMOOTHING * step.stepMillis() + (1 - SPEED_SMOOTHING) * meanStepMillis;
        speed.set(String.format(Locale.ROOT, "%.0f images/s", batchOf(task.options()) * MILLIS_PER_SECOND
                / meanStepMillis));
        timeLeft.set("ETA " + duration((totalSteps - done) * meanStepMillis / MILLIS_PER_SECOND));
    }

    /** The batch the engine trains with for these options (it caps a dry run's batch). */
    private int batchOf(TrainingOptions options) {
        ModelShelf.ResumePoint resume = shelf.resumePointProperty().get();
        if (options.resume() && resume != null) {
            return resume.state().config().batchSize();
        }
        int batch = options.batchSize() > 0 ? options.batchSize() : options.preset().config().batchSize();
        return options.dryRun() ? Math.min(batch, TrainingOptions.DRY_RUN_BATCH) : batch;
    }

    private void finish(RunSummary summary, Throwable failure) {
        collect();
        collector.stop();
        stallMonitor.stop();
        LOG.info(String.format(Locale.ROOT, "longest FX-thread stall during the run: %.0f ms",
                stallMonitor.longestMillisProperty().get()));
        Path folder = summary != null ? summary.runFolder() : start != null ? start.runFolder() : null;
        ComputationGraph[] networks = finalNetworks != null && finalNetworks.isDone()
                && !finalNetworks.isCompletedExceptionally() ? finalNetworks.join() : null;
        boolean stopped = summary != null && summary.outcome() == RunSummary.Outcome.STOPPED;
        shelf.runEnded(folder, networks == null ? null : networks[0], networks == null ? null : networks[1],
                stopped || failure != null);
        phase.set(Phase.IDLE);
        task = null;
        progress.set(summary != null && !stopped ? 1 : 0);
        timeLeft.set("");
        if (failure != null) {
            status.post("Training failed: " + ErrorDialogs.messageOf(failure));
            errors.show("Training stopped with an error", failure);
        } else if (stopped) {
            status.post("Stopped; files complete up to epoch " + summary.lastEpoch() + " in " + summary.runFolder());
        } else {
            status.post("Finished " + summary.lastEpoch() + " epochs in " + summary.runFolder());
        }
    }

    private void clearCharts() {
        discriminatorLoss.clear();
        generatorLoss.clear();
        accuracy.clear();
        macroF1.clear();
        grid.set(null);
    }

    private static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60)
                : String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
