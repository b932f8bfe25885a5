package dev.cganstudio.evaluation;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.model.JudgeNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * The trained classifier that judges digits: its class probabilities, its verdicts, and the
 * activations of its penultimate layer as features for the Fréchet distance.
 */
public final class Judge {

    /** A verdict for an image whose probabilities are not finite: it matches no label. */
    public static final int NO_VERDICT = -1;
    /** Images per forward pass, bounding memory for large evaluations. */
    private static final int CHUNK = 1000;

    private final MultiLayerNetwork network;

    public Judge(MultiLayerNetwork network) {
        this.network = network;
    }

    /** The network itself. */
    public MultiLayerNetwork network() {
        return network;
    }

    /** Class probabilities [n, 10] of images [n, 1, 28, 28]. */
    public INDArray probabilities(INDArray images) {
        INDArray result = Nd4j.create(images.dataType(), images.size(0), Mnist.CLASSES);
        for (long from = 0; from < images.size(0); from += CHUNK) {
            long to = Math.min(images.size(0), from + CHUNK);
            result.get(NDArrayIndex.interval(from, to)).assign(
                    network.output(images.get(NDArrayIndex.interval(from, to)), false));
        }
        return result;
    }

    /** The most probable digit of each image, or {@link #NO_VERDICT} where the output is not finite. */
    public int[] verdicts(INDArray images) {
        return verdictsOf(probabilities(images));
    }

    /** The most probable class of each row, or {@link #NO_VERDICT} for a row with a NaN or infinity. */
    public static int[] verdictsOf(INDArray probabilities) {
        float[][] rows = probabilities.toFloatMatrix();
        int[] verdicts = new int[rows.length];
        for (int row = 0; row < rows.length; row++) {
            verdicts[row] = argmaxIfFinite(rows[row]);
        }
        return verdicts;
    }

    /** Activations [n, 128] of the judge's penultimate layer. */
    public INDArray features(INDArray images) {
        INDArray result = Nd4j.create(images.dataType(), images.size(0), JudgeNetwork.FEATURES);
        for (long from = 0; from < images.size(0); from += CHUNK) {
            long to = Math.min(images.size(0), from + CHUNK);
            List<INDArray> activations = network.feedForwardToLayer(JudgeNetwork.FEATURE_LAYER,
                    images.get(NDArrayIndex.interval(from, to)), false);
            result.get(NDArrayIndex.interval(from, to)).assign(activations.get(JudgeNetwork.FEATURE_LAYER + 1));
        }
        return result;
    }

    private static int argmaxIfFinite(float[] row) {
        int best = NO_VERDICT;
        for (int label = 0; label < row.length; label++) {
            if (!Float.isFinite(row[label])) {
                return NO_VERDICT;
            }
            if (best == NO_VERDICT || row[label] > row[best]) {
                best = label;
            }
        }
        return best;
    }
}
