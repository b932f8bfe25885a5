package dev.cganstudio.cli;

import dev.cganstudio.model.Preset;
import dev.cganstudio.report.RunReport;
import dev.cganstudio.training.Checkpoint;
import dev.cganstudio.training.CheckpointState;
import dev.cganstudio.training.RunControl;
import dev.cganstudio.training.RunSummary;
import dev.cganstudio.training.TrainingListener;
import dev.cganstudio.training.TrainingListeners;
import dev.cganstudio.training.TrainingOptions;
import dev.cganstudio.training.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cgan train}: trains the conditional GAN, judged after every epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the conditional GAN on MNIST; after every epoch write a sample grid, a CSV row, "
                + "plots, the models and a checkpoint.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "fast",
            description = "GAN preset: fast (default, for CPUs) or seed (the reference model).")
    String preset;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1",
            description = "Last epoch to train, counted from the run's start (default 1; with --resume, the "
                    + "epochs the run was started with).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Images per step (default: the preset's).")
    Integer batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of every random choice.")
    long seed;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "Folder in which the run's folder is made (default: output).")
    Path output;

    @Option(names = "--eval-per-label", paramLabel = "N", defaultValue = "1000",
            description = "Generated digits per label judged after each epoch (default 1000).")
    int evalPerLabel;

    /** Options that set what a run is; a resumed run keeps its own. */
    private static final List<String> RUN_SETTINGS = List.of("--preset", "--batch", "--seed", "--set", "--no-dropout",
            "--output", "--eval-per-label");

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Continue the run in this folder from its checkpoint.")
    Path resume;

    @Option(names = "--dry-run", description = "One short cycle on a small slice of the data, writing every artefact.")
    boolean dryRun;

    @Option(names = "--retrain-judge", description = "Train the judge again even if a usable one is stored.")
    boolean retrainJudge;

    @Option(names = "--no-dropout", description = "Turn the discriminator's dropout off (exactly repeatable runs).")
    boolean noDropout;

    @Option(names = "--log-every", paramLabel = "STEPS", defaultValue = "50",
            description = "Steps between progress log lines when no progress bar is shown (default 50).")
    int logEvery;

    @Option(names = "--learning-rate-scale", paramLabel = "X", defaultValue = "1",
            description = "Multiply both learning rates by X (default 1); after a divergence, resume with 0.5.")
    double learningRateScale;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Replace a hyperparameter of the preset for an A/B run, e.g. --set emaDecay=0 "
                    + "(names as in GanConfig).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainingOptions options = options();
        RunControl control = new RunControl();
        boolean bar = ConsoleProgress.terminalAttached();
        TrainingListener listener = TrainingListeners.of(new RunReport(), new ConsoleProgress(bar));
        TrainingOptions effective = bar ? options.toBuilder().logEverySteps(0).build() : options;
        RunSummary summary;
        try (InterruptToStop interrupts = InterruptToStop.install(control, spec.commandLine().getErr())) {
            summary = new TrainingRun(effective, DataLocators.standard(engine.cacheFolder()), listener, control).run();
        }
        spec.commandLine().getOut().println(describe(summary, epochs, (dryRun ? " --dry-run" : "")
                + (engine.data != null ? " --data " + engine.data : "")
                + (engine.cache != null ? " --cache " + engine.cache : "")));
        return summary.outcome() == RunSummary.Outcome.COMPLETED ? ExitCodes.OK : ExitCodes.STOPPED;
    }

    /** The options after validating each value, naming the option of a bad one. */
    TrainingOptions options() {
        Preset chosen;
        try {
            chosen = Preset.byName(preset);
        } catch (IllegalArgumentException e) {
            throw bad("--preset", preset, "one of " + Preset.names());
        }
        try {
            chosen.config().override(overrides);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--set': " + e.getMessage());
        }
        requireAtLeast("--epochs", epochs, 1);
        if (resume != null) {
            checkResume();
        }
        if (batch != null) {
            requireAtLeast("--batch", batch, 1);
        }
        requireAtLeast("--eval-per-label", evalPerLabel, 1);
        EngineOptions.requireThreads(spec.commandLine(), engine.threads);
        requireAtLeast("--log-every", logEvery, 0);
        if (!(learningRateScale > 0) || Double.isInfinite(learningRateScale)) {
            throw bad("--learning-rate-scale", String.valueOf(learningRateScale), "a number > 0");
        }
        return TrainingOptions.builder()
                .preset(chosen).epochs(epochs).batchSize(batch == null ? 0 : batch).seed(seed)
                .dataFolder(engine.data).outputFolder(output).runFolder(resume).resume(resume != null)
                .samplesPerLabel(evalPerLabel).threads(engine.threads).cacheFolder(engine.cacheFolder())
                .retrainJudge(retrainJudge).dropout(!noDropout).dryRun(dryRun).logEverySteps(logEvery)
                .learningRateScale(learningRateScale).overrides(overrides).build();
    }

    /**
     * A resumed run keeps the settings it began with, so options that would change them are
     * refused rather than ignored, and the checkpoint is read before any data or judge is loaded.
     */
    private void checkResume() {
        CheckpointState state;
        try {
            state = Checkpoint.readState(resume);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--resume': " + e.getMessage());
        }
        List<String> clashing = RUN_SETTINGS.stream().filter(spec.commandLine().getParseResult()::hasMatchedOption)
                .toList();
        if (!clashing.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected no " + String.join(", ", clashing)
                    + " with --resume, found it: a resumed run keeps the settings it began with; start a new run "
                    + "to change them");
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
            epochs = Math.max(state.epochsPlanned(), state.epoch());
        }
        if (epochs < state.epoch()) {
            throw bad("--epochs", String.valueOf(epochs), "the run's last epoch, counted from its start: at least "
                    + state.epoch() + ", the epochs " + resume + " has trained");
        }
    }

    private void requireAtLeast(String option, long value, long least) {
        if (value < least) {
            throw bad(option, String.valueOf(value), "a whole number >= " + least);
        }
    }

    private CommandLine.ParameterException bad(String option, String value, String expected) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': expected " + expected + ", found '" + value + "'");
    }

    /** The run's outcome for a person; a run that stopped early ends with the command that resumes it. */
    private static String describe(RunSummary summary, int epochs, String resumeOptions) {
        StringBuilder text = new StringBuilder();
        text.append(summary.outcome() == RunSummary.Outcome.COMPLETED ? "finished" : "stopped")
                .append(": ").append(summary.lastEpoch()).append(" epoch(s), ").append(summary.steps())
                .append(" steps, run folder ").append(summary.runFolder());
        if (summary.bestEpoch() > 0) {
            text.append(String.format(Locale.ROOT, "%nbest epoch %d: macro F1 %.4f", summary.bestEpoch(),
                    summary.bestMacroF1()));
        }
        if (summary.last() != null) {
            text.append(String.format(Locale.ROOT, "%nlast epoch %d: accuracy %.4f, macro F1 %.4f, %.1f s",
                    summary.last().epoch(), summary.last().accuracy(), summary.last().macroF1(),
                    summary.last().seconds()));
        }
        text.append(String.format(Locale.ROOT, "%njudge test accuracy %.4f", summary.judgeAccuracy()));
        if (summary.outcome() != RunSummary.Outcome.COMPLETED) {
            text.append(String.format(Locale.ROOT, "%nto continue: cgan train --resume %s --epochs %d%s",
                    summary.runFolder(), epochs, resumeOptions));
        }
        return text.toString();
    }
}
