package dev.cganstudio.cli;

import dev.cganstudio.model.ComputeCost;
import dev.cganstudio.model.Dl4jRuntime;
import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.Preset;
import dev.cganstudio.training.StepBenchmark;
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
import java.util.Locale;
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

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Native threads; 0: one per core.")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (warmup < 0 || steps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--steps' or "
                    + "'--warmup': expected --steps >= 1 and --warmup >= 0, found " + steps + " and " + warmup);
        }
        Dl4jRuntime.configure(threads);
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        double clockGhz = clockGhz();
        double peak = cores * clockGhz * FLOP_PER_CYCLE;
        double ceiling = matmulGflops();
        out.printf(Locale.ROOT, "runtime: %s%n", Dl4jRuntime.describe());
        out.printf(Locale.ROOT, "processor: %d cores at %.2f GHz, fp32 peak %.1f GFLOP/s (cores x GHz x %d FLOP/cycle)%n",
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
