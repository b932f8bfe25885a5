package dev.cganstudio.model;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.data.MnistDataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Turns MNIST bytes into the tensors the networks take: [n, 1, 28, 28] floats in [0, 1]. */
public final class MnistTensors {

    private static final float SCALE = 1f / Mnist.MAX_GREY;

    private MnistTensors() {
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), in order. */
    public static INDArray images(MnistDataset data, int from, int to) {
        int[] indices = new int[to - from];
        for (int offset = 0; offset < indices.length; offset++) {
            indices[offset] = from + offset;
        }
        return images(data, indices);
    }

    /** The images at the given indices, in that order. */
    public static INDArray images(MnistDataset data, int[] indices) {
        float[] values = new float[indices.length * Mnist.PIXELS];
        byte[] bytes = data.images();
        for (int row = 0; row < indices.length; row++) {
            int source = indices[row] * Mnist.PIXELS;
            int target = row * Mnist.PIXELS;
            for (int pixel = 0; pixel < Mnist.PIXELS; pixel++) {
                values[target + pixel] = (bytes[source + pixel] & 0xFF) * SCALE;
            }
        }
        return Nd4j.create(values, new long[] {indices.length, 1, Mnist.ROWS, Mnist.COLUMNS}, 'c');
    }

    /** The labels at the given indices. */
    public static int[] labels(MnistDataset data, int[] indices) {
        int[] labels = new int[indices.length];
        for (int row = 0; row < indices.length; row++) {
            labels[row] = data.label(indices[row]);
        }
        return labels;
    }

    /** Labels {@code from} (inclusive) to {@code to} (exclusive). */
    public static int[] labels(MnistDataset data, int from, int to) {
        int[] labels = new int[to - from];
        for (int row = 0; row < labels.length; row++) {
            labels[row] = data.label(from + row);
        }
        return labels;
    }
}
