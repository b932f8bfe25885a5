package dev.cganstudio.ui;

import dev.cganstudio.model.DigitGenerator;
import javafx.concurrent.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.Arrays;

/** Draws {@code count} digits of one label from a generator, with noise from a seed. */
final class GenerateTask extends Task<float[]> {

    private final ComputationGraph generator;
    private final int label;
    private final int count;
    private final long seed;

    GenerateTask(ComputationGraph generator, int label, int count, long seed) {
        this.generator = generator;
        this.label = label;
        this.count = count;
        this.seed = seed;
    }

    @Override
    protected float[] call() {
        int[] labels = new int[count];
        Arrays.fill(labels, label);
        return new DigitGenerator(generator).generate(labels, seed).data().asFloat();
    }
}
