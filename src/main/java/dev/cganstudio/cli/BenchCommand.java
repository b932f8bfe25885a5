package dev.cganstudio.cli;

import dev.cganstudio.model.ComputeCost;
import dev.cganstudio.model.Dl4jRuntime;
import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.Preset;
import dev.cganstudio.report.RunReport;
import dev.cganstudio.training.EvaluationEvent;
import dev.cganstudio.training.RunControl;
import dev.cganstudio.training.RunSummary;
import dev.cganstudio.training.StepBenchmark;
import dev.cganstudio.training.TrainingOptions;
import dev.cganstudio.training.TrainingListeners;
import dev.cganstudio.training.TrainingRun;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cgan bench}: how fast a training step runs, against what the processor could do.
 *
 * <p>The processor's fp32 peak is cores x clock x 32 FLOP per cycle: AVX2 gives 8 fp32 lanes,
 * a fused multiply-add counts 2 FLOP, and a Zen 3 or recent Intel core issues 2 FMAs per cycle.
 * The practical ceiling is a large single-precision matrix multiply timed in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time GAN training steps per preset and batch size: median ms, spread, images/s, "
                + "multiply-adds and GFLOP/s against the processor's peak and a large matrix multiply.")
final class BenchCommand implements Callable<Integer> {

    /** FLOP per cycle per core with AVX2 FMA: 8 lanes x 2 (multiply and add) x 2 FMA units. */
    static final int FLOP_PER_CYCLE = 32;
    /** Side of the square matrices of the practical ceiling: large enough to run at full speed. */
    static final int MATMUL_SIDE = 2048;
    /** Epochs a time-to-quality run may take at most; the time budget ends it first. */
    static final int MAX_EPOCHS = 100;

    @Option(names = "--preset", paramLabel = "NAME", split = ",", defaultValue = "fast,seed",
            description = "Presets to time (default fast,seed).")
    List<String> presets;

    @Option(names = "--batch", paramLabel = "N", split = ",",
            description = "Batch sizes to time (default: each preset's own).")
    List<Integer> batches;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Untimed steps first (default 3).")
    int warmup;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "10", description = "Timed steps (default 10).")
    int steps;

    @Option(names = "--time-to-quality",
            description = "Train the default preset from scratch on real MNIST, judging every --evaluate-every steps, "
                    + "and report the training time at which the judge thresholds are first met.")
    boolean timeToQuality;

    @Option(names = "--budget-minutes", paramLabel = "MIN", defaultValue = "10",
            description = "With --time-to-quality: training time after which the run stops (default 10).")
    double budgetMinutes;

    @Option(names = "--evaluate-every", paramLabel = "STEPS", defaultValue = "250",
            description = "With --time-to-quality: steps between judgements of 10,000 digits (default 250).")
    int evaluateEvery;

    @Option(names = "--target", paramLabel = "X", defaultValue = "0.986",
            description = "With --time-to-quality: accuracy and macro F1 to reach (default 0.986).")
    double target;

    @Option(names = "--keep-going",
            description = "With --time-to-quality: train on to the budget once the target is met.")
    boolean keepGoing;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "With --time-to-quality: folder of the run's folder (default output).")
    Path output;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "With --time-to-quality: replace a hyperparameter of the preset, e.g. --set emaDecay=0.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @CommandLine.Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        Dl4jRuntime.configure(engine.threads);
        PrintWriter out = spec.commandLine().getOut();
        if (timeToQuality) {
            return timeToQuality(out);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double clockGhz = clockGhz();
        double peak = cores * clockGhz * FLOP_PER_CYCLE;
        double ceiling = matmulGflops();
        out.printf(Locale.ROOT, "runtime: %s%n", Dl4jRuntime.describe());
        out.printf(Locale.ROOT,
                "processor: %d cores at %.2f GHz, fp32 peak %.1f GFLOP/s (cores x GHz x %d FLOP/cycle)%n",
                cores, clockGhz, peak, FLOP_PER_CYCLE);
        out.printf(Locale.ROOT, "practical ceiling: %dx%d sgemm at %.1f GFLOP/s (%.0f%% of peak)%n%n",
                MATMUL_SIDE, MATMUL_SIDE, ceiling, 100 * ceiling / peak);
        out.printf(Locale.ROOT, "%-6s %6s %10s %16s %9s %11s %9s %8s %8s%n", "preset", "batch", "median ms",
                "min-max ms", "images/s", "GFLOP/step", "GFLOP/s", "of peak", "of sgemm");
        for (String name : presets) {
            GanConfig config = Preset.byName(name).config();
            for (int batch : batches == null ? List.of(config.batchSize()) : batches) {
                double[] millis = StepBenchmark.stepMillis(config, batch, warmup, steps, 1);
                double median = StepBenchmark.median(millis);
                double gflop = 2.0 * ComputeCost.stepMacs(config, batch) / 1e9;
                double gflops = gflop / (median / 1e3);
                out.printf(Locale.ROOT, "%-6s %6d %10.1f %7.1f-%-8.1f %9.0f %11.2f %9.1f %7.1f%% %7.1f%%%n",
                        name, batch, median, millis[0], millis[millis.length - 1], batch / (median / 1e3), gflop,
                        gflops, 100 * gflops / peak, 100 * gflops / ceiling);
                out.flush();
            }
        }
        out.printf(Locale.ROOT, "%npeak RSS %.0f MB%n", peakRssMegabytes());
        return ExitCodes.OK;
    }

    /** Checks every option before any work, so that a bad one never costs a benchmark first. */
    private void validate() {
        if (warmup < 0 || steps < 1) {
            throw bad("--steps' or '--warmup", steps + " and " + warmup, "--steps >= 1 and --warmup >= 0");
        }
        EngineOptions.requireThreads(spec.commandLine(), engine.threads);
        for (String name : presets) {
            try {
                Preset.byName(name);
            } catch (IllegalArgumentException e) {
                throw bad("--preset", name, "one of " + Preset.names());
            }
        }
        for (int batch : batches == null ? List.<Integer>of() : batches) {
            if (batch < 1) {
                throw bad("--batch", String.valueOf(batch), "a whole number >= 1");
            }
        }
        if (!timeToQuality) {
            if (keepGoing || !overrides.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), (keepGoing ? "--keep-going" : "--set")
                        + " goes with --time-to-quality, found it without");
            }
            return;
        }
        if (!(target >= 0 && target <= 1)) {
            throw bad("--target", String.valueOf(target), "a score from 0 to 1");
        }
        if (!(budgetMinutes > 0) || Double.isInfinite(budgetMinutes)) {
            throw bad("--budget-minutes", String.valueOf(budgetMinutes), "a number of minutes > 0");
        }
        if (evaluateEvery < 1) {
            throw bad("--evaluate-every", String.valueOf(evaluateEvery), "a whole number of steps >= 1");
        }
        try {
            Preset.DEFAULT.config().override(overrides);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--set': " + e.getMessage());
        }
    }

    private CommandLine.ParameterException bad(String option, String value, String expected) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': expected " + expected + ", found '" + value + "'");
    }

    private int timeToQuality(PrintWriter out) throws IOException, InterruptedException {
        RunControl control = new RunControl();
        TimeToQuality watcher = new TimeToQuality(target, target, budgetMinutes * 60, !keepGoing, control);
        TrainingOptions options = TrainingOptions.builder().preset(Preset.DEFAULT).epochs(MAX_EPOCHS)
                .dataFolder(engine.data).cacheFolder(engine.cacheFolder()).outputFolder(output)
                .threads(engine.threads).evaluateEverySteps(evaluateEvery).logEverySteps(evaluateEvery)
                .overrides(overrides).build();
        RunSummary summary = new TrainingRun(options, DataLocators.standard(engine.cacheFolder()),
                TrainingListeners.of(new RunReport(), watcher), control).run();
        EvaluationEvent met = watcher.met();
        List<EvaluationEvent> judged = watcher.evaluations();
        long lastStep = judged.isEmpty() ? summary.steps() : judged.get(judged.size() - 1).step();
        out.printf(Locale.ROOT, "run folder %s, %d steps trained, judge test accuracy %.4f%n", summary.runFolder(),
                Math.max(lastStep, summary.steps()), summary.judgeAccuracy());
        if (met == null) {
            out.printf(Locale.ROOT, "target %.3f not met within %.1f minutes of training; see %s%n", target,
                    budgetMinutes, summary.runFolder().resolve(TimeToQuality.CSV_FILE));
            return ExitCodes.STOPPED;
        }
        out.printf(Locale.ROOT, "target met at step %d (epoch %d) after %.1f s of training (%.1f s wall with "
                        + "judging): accuracy %.4f, macro F1 %.4f, Frechet %.2f; grid %s%n", met.step(), met.epoch(),
                met.trainingSeconds(), met.wallSeconds(), met.accuracy(), met.macroF1(), met.frechetDistance(),
                summary.runFolder().resolve("samples").resolve(TimeToQuality.GRID_FILE));
        return ExitCodes.OK;
    }

    /** The clock from /proc/cpuinfo ("cpu MHz" of the first core), or NaN where it is not given. */
    static double clockGhz() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(info)) {
            if (line.startsWith("cpu MHz")) {
                return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()) / 1e3;
            }
        }
        return Double.NaN;
    }

    private static double matmulGflops() {
        INDArray left = Nd4j.rand(MATMUL_SIDE, MATMUL_SIDE);
        INDArray right = Nd4j.rand(MATMUL_SIDE, MATMUL_SIDE);
        left.mmul(right);
        double best = Double.MAX_VALUE;
        for (int repeat = 0; repeat < 3; repeat++) {
            long started = System.nanoTime();
            left.mmul(right);
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        return 2.0 * MATMUL_SIDE * MATMUL_SIDE * MATMUL_SIDE / best / 1e9;
    }

    /** Peak resident memory of this process, natives included (VmHWM of /proc/self/status). */
    static double peakRssMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return Double.NaN;
    }
}
