package dev.cganstudio.model;

import dev.cganstudio.data.Mnist;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Digit labels as the networks take them: one-hot rows of {@link Mnist#CLASSES}. */
public final class Labels {

    private Labels() {
    }

    /** One-hot rows [n, 10] for the labels given. */
    public static INDArray oneHot(int[] labels) {
        float[] values = new float[labels.length * Mnist.CLASSES];
        for (int row = 0; row < labels.length; row++) {
            int label = labels[row];
            if (label < 0 || label >= Mnist.CLASSES) {
                throw new IllegalArgumentException("expected labels 0-9, found " + label + " at position " + row);
            }
            values[row * Mnist.CLASSES + label] = 1f;
        }
        return Nd4j.create(values, new long[] {labels.length, Mnist.CLASSES}, 'c');
    }

    /** Each label 0-9 repeated {@code perLabel} times, in label order. */
    public static int[] eachRepeated(int perLabel) {
        int[] labels = new int[perLabel * Mnist.CLASSES];
        for (int index = 0; index < labels.length; index++) {
            labels[index] = index / perLabel;
        }
        return labels;
    }
}
