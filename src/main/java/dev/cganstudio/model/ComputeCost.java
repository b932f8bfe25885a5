package dev.cganstudio.model;

import dev.cganstudio.data.Mnist;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.Map;

/**
 * Counts the multiply-adds of a GAN training step from the layer shapes, the usual way: a
 * convolution costs out-height x out-width x out-channels x kernel area x in-channels, a dense
 * layer in x out; element-wise work (activations, batch normalisation, pooling, upsampling) is not
 * counted. A backward pass costs twice its forward pass (the gradient with respect to the input
 * and the one with respect to the weights, each the size of the forward product).
 */
public final class ComputeCost {

    /** Forward plus backward: one forward and two forward-sized products back. */
    private static final int TRAIN_FACTOR = 3;

    private ComputeCost() {
    }

    /** Multiply-adds of one generator forward pass for one image. */
    public static long generatorMacs(GanConfig config) {
        ComputationGraphConfiguration graph = new GanNetworks(config).generator(0).getConfiguration();
        return forwardMacs(graph, InputType.feedForward(config.latentSize()), InputType.feedForward(Mnist.CLASSES));
    }

    /** Multiply-adds of one discriminator forward pass for one image. */
    public static long discriminatorMacs(GanConfig config) {
        ComputationGraphConfiguration graph = new GanNetworks(config).discriminator(0).getConfiguration();
        return forwardMacs(graph, InputType.convolutional(Mnist.ROWS, Mnist.COLUMNS, 1),
                InputType.feedForward(Mnist.CLASSES));
    }

    /**
     * Multiply-adds of one training step at a batch size: the discriminator trained on a real and
     * a fake batch, the fake batch drawn by the generator, then generator and discriminator
     * trained together on one batch. That is batch x (9 D + 4 G).
     */
    public static long stepMacs(GanConfig config, int batchSize) {
        long discriminator = discriminatorMacs(config);
        long generator = generatorMacs(config);
        long discriminatorStep = 2L * batchSize * discriminator * TRAIN_FACTOR + (long) batchSize * generator;
        long generatorStep = (long) batchSize * (generator + discriminator) * TRAIN_FACTOR;
        return discriminatorStep + generatorStep;
    }

    private static long forwardMacs(ComputationGraphConfiguration graph, InputType... inputs) {
        Map<String, InputType> outputs = graph.getLayerActivationTypes(inputs);
        long total = 0;
        for (Map.Entry<String, GraphVertex> vertex : graph.getVertices().entrySet()) {
            if (!(vertex.getValue() instanceof LayerVertex layerVertex)) {
                continue;
            }
            Layer layer = layerVertex.getLayerConf().getLayer();
            InputType output = outputs.get(vertex.getKey());
            if (layer instanceof ConvolutionLayer conv && output instanceof InputType.InputTypeConvolutional map) {
                total += map.getHeight() * map.getWidth() * conv.getNOut()
                        * conv.getKernelSize()[0] * conv.getKernelSize()[1] * conv.getNIn();
            } else if (layer instanceof DenseLayer || layer instanceof BaseOutputLayer) {
                FeedForwardLayer dense = (FeedForwardLayer) layer;
                total += dense.getNIn() * dense.getNOut();
            }
        }
        return total;
    }
}
