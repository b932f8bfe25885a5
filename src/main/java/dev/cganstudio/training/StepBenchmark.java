package dev.cganstudio.training;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.Labels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Times real GAN training steps of a preset at a batch size, after warm-up steps that let
 * oneDNN build its kernels for the shapes in use. The images are random: a step's cost does not
 * depend on what the pixels show.
 */
public final class StepBenchmark {

    private StepBenchmark() {
    }

    /**
     * Runs {@code warmupSteps} untimed and {@code timedSteps} timed steps.
     *
     * @return the timed steps' wall times in milliseconds, sorted
     */
    public static double[] stepMillis(GanConfig config, int batchSize, int warmupSteps, int timedSteps, long seed) {
        GanConfig sized = config.withBatchSize(batchSize);
        GanModels models = GanModels.create(sized, seed);
        GanStep step = new GanStep(models, seed, batchSize);
        SplittableRandom random = new SplittableRandom(seed);
        INDArray images = Nd4j.rand(new long[] {batchSize, 1, Mnist.ROWS, Mnist.COLUMNS});
        int[] labels = new int[batchSize];
        Arrays.setAll(labels, index -> random.nextInt(Mnist.CLASSES));
        INDArray oneHot = Labels.oneHot(labels);
        double[] millis = new double[timedSteps];
        for (int index = 0; index < warmupSteps + timedSteps; index++) {
            long started = System.nanoTime();
            step.run(index + 1, images, oneHot, false);
            if (index >= warmupSteps) {
                millis[index - warmupSteps] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    /** The median of sorted values. */
    public static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
