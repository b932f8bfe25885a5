package dev.cganstudio.model;

import dev.cganstudio.data.Mnist;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wiring of the projection discriminator, checked against its formula. */
class GanNetworksTest {

    private static final int BATCH = 6;

    @Test
    void theProjectionVerdictIsSigmoidOfPsiPlusTheFeaturesProjectedOnTheLabelsEmbedding() {
        GanConfig config = Preset.FAST.config().withoutDropout();
        ComputationGraph discriminator = new GanNetworks(config).discriminator(5);
        // Fresh weights would make the label's part small beside psi's; larger ones make a wrong
        // wiring (say, the label's embedding not used) show in the verdict.
        long width = discriminator.getLayer("d_label_embed").getParam("W").size(1);
        discriminator.getLayer("d_label_embed").setParam("W",
                Nd4j.rand(new long[] {Mnist.CLASSES, width}).subi(0.5).muli(4));
        INDArray images = Nd4j.rand(BATCH, 1, 28, 28);
        INDArray labels = Labels.oneHot(new int[] {0, 3, 3, 7, 9, 1});

        Map<String, INDArray> activations = discriminator.feedForward(new INDArray[] {images, labels}, false);
        INDArray features = activations.get("d_features");
        INDArray psi = features.mmul(discriminator.getLayer("d_psi").getParam("W"))
                .addRowVector(discriminator.getLayer("d_psi").getParam("b"));
        INDArray embedding = labels.mmul(discriminator.getLayer("d_label_embed").getParam("W"));
        INDArray projection = features.mul(embedding).mmul(discriminator.getLayer("d_projection").getParam("W"));
        INDArray expected = Transforms.sigmoid(psi.add(projection));

        INDArray verdict = discriminator.output(false, images, labels)[0];
        assertArrayEquals(new long[] {BATCH, 1}, verdict.shape());
        assertTrue(expected.equalsWithEps(verdict, 1e-5), "expected " + expected + ", found " + verdict);
        assertTrue(projection.sub(projection.meanNumber()).norm2Number().doubleValue() > 0.1,
                "the label's part differs between the rows, so the check above could fail");
    }
}
