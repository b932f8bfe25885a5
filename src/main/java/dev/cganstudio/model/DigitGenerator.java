package dev.cganstudio.model;

import dev.cganstudio.data.Mnist;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws digits of chosen labels from a generator network. */
public final class DigitGenerator {

    /** Images generated per forward pass, bounding memory whatever the count asked for. */
    private static final int CHUNK = 500;

    private final ComputationGraph network;
    private final int latentSize;

    public DigitGenerator(ComputationGraph network) {
        this.network = network;
        this.latentSize = ModelFiles.latentSize(network);
    }

    /** The generator network itself. */
    public ComputationGraph network() {
        return network;
    }

    /** Length of the noise vector. */
    public int latentSize() {
        return latentSize;
    }

    /** Standard normal noise, {@code count} rows of {@link #latentSize()}, repeatable from the seed. */
    public INDArray noise(int count, long seed) {
        return gaussian(count, latentSize, new SplittableRandom(seed));
    }

    /** Images [n, 1, 28, 28] in [0, 1] for the labels and noise given (one noise row per label). */
    public INDArray generate(int[] labels, INDArray noise) {
        if (noise.rows() != labels.length) {
            throw new IllegalArgumentException("expected one noise row per label (" + labels.length
                    + "), found " + noise.rows());
        }
        INDArray images = Nd4j.create(noise.dataType(), labels.length, 1, Mnist.ROWS, Mnist.COLUMNS);
        for (int from = 0; from < labels.length; from += CHUNK) {
            int to = Math.min(labels.length, from + CHUNK);
            int[] chunk = Arrays.copyOfRange(labels, from, to);
            INDArray part = network.outputSingle(false, noise.get(
                    NDArrayIndex.interval(from, to),
                    NDArrayIndex.all()), Labels.oneHot(chunk));
            images.get(NDArrayIndex.interval(from, to)).assign(part);
        }
        return images;
    }

    /** Images for the labels given, from noise drawn with the seed. */
    public INDArray generate(int[] labels, long seed) {
        return generate(labels, noise(labels.length, seed));
    }

    /** Standard normal values, drawn in Java so that they repeat exactly on any machine. */
    public static INDArray gaussian(int rows, int columns, SplittableRandom random) {
        float[] values = new float[rows * columns];
        for (int index = 0; index < values.length; index++) {
            values[index] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }
}
