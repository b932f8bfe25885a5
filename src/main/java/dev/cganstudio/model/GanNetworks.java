package dev.cganstudio.model;

import dev.cganstudio.data.Mnist;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the three graphs of a conditional GAN from a {@link GanConfig}: the generator, the
 * discriminator, and the combined graph that trains the generator through a frozen copy of the
 * discriminator. Layers carry the same names in every graph, so parameters move between graphs
 * by name.
 *
 * <p>The label is fed as a one-hot vector into a bias-free identity dense layer: that is an
 * embedding lookup (row {@code label} of the weight matrix), with the same gradients, and it
 * avoids DL4J overwriting an {@code EmbeddingLayer}'s input size from the graph's input types.
 */
public final class GanNetworks {

    /** Input of the generator and the combined graph: the noise vector. */
    public static final String NOISE = "noise";
    /** Input of every graph: the one-hot label. */
    public static final String LABEL = "label";
    /** Input of the discriminator: the image. */
    public static final String IMAGE = "image";
    /** The generator's output, a 1x28x28 image in [0, 1]. */
    public static final String GENERATED = "g_image";
    /** The discriminator's output, the probability that the image is real. */
    public static final String VERDICT = "d_verdict";
    /** The discriminator's second output with an auxiliary classifier: the ten digit probabilities. */
    public static final String CLASS = "d_class";

    /** Side of the generator's first feature map: two 2x upsamplings lead to 28. */
    private static final int START_SIDE = Mnist.ROWS / 4;
    private static final int KERNEL = 3;
    private static final int STRIDE = 2;
    private static final int UPSAMPLE = 2;

    private final GanConfig config;

    public GanNetworks(GanConfig config) {
        this.config = config;
    }

    /** A new, initialised generator. */
    public ComputationGraph generator(long seed) {
        GraphBuilder graph = base(seed, config.generatorLearningRate())
                .addInputs(NOISE, LABEL)
                .setInputTypes(InputType.feedForward(config.latentSize()), InputType.feedForward(Mnist.CLASSES));
        addGenerator(graph);
        graph.setOutputs(GENERATED);
        return init(graph.build());
    }

    /** A new, initialised discriminator. */
    public ComputationGraph discriminator(long seed) {
        GraphBuilder graph = base(seed, config.discriminatorLearningRate())
                .addInputs(IMAGE, LABEL)
                .setInputTypes(InputType.convolutional(Mnist.ROWS, Mnist.COLUMNS, 1),
                        InputType.feedForward(Mnist.CLASSES));
        addDiscriminator(graph, IMAGE, false);
        graph.setOutputs(outputs());
        return init(graph.build());
    }

    /**
     * The generator followed by a frozen discriminator (its layers pass gradients back but never change),
     * trained with the generator's learning rate and a target of 1 for every sample.
     */
    public ComputationGraph combined(long seed) {
        GraphBuilder graph = base(seed, config.generatorLearningRate())
                .addInputs(NOISE, LABEL)
                .setInputTypes(InputType.feedForward(config.latentSize()), InputType.feedForward(Mnist.CLASSES));
        addGenerator(graph);
        addDiscriminator(graph, GENERATED, true);
        graph.setOutputs(outputs());
        return init(graph.build());
    }

    /** Names of the layers that hold the generator's parameters. */
    public List<String> generatorLayers(ComputationGraph graph) {
        return layersWithPrefix(graph, "g_");
    }

    /** Names of the layers that hold the discriminator's parameters. */
    public List<String> discriminatorLayers(ComputationGraph graph) {
        return layersWithPrefix(graph, "d_");
    }

    private static List<String> layersWithPrefix(ComputationGraph graph, String prefix) {
        List<String> names = new ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (name.startsWith(prefix) && layer.numParams() > 0) {
                names.add(name);
            }
        }
        return names;
    }

    private GraphBuilder base(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(learningRate, config.beta1(), config.beta2(), Adam.DEFAULT_ADAM_EPSILON))
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder();
    }

    private static ComputationGraph init(ComputationGraphConfiguration configuration) {
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        return graph;
    }

    private void addGenerator(GraphBuilder graph) {
        int latent = config.latentSize();
        int base = config.generatorBaseChannels();
        graph.addLayer("g_embed", identityDense(Mnist.CLASSES, latent), LABEL)
                .addVertex("g_mix", new ElementWiseVertex(ElementWiseVertex.Op.Product), NOISE, "g_embed")
                .addLayer("g_dense", identityDense(latent, START_SIDE * START_SIDE * base), "g_mix")
                .addLayer("g_dense_bn", batchNorm(), "g_dense")
                .addLayer("g_dense_act", leaky(), "g_dense_bn")
                .addVertex("g_start", new PreprocessorVertex(
                        new FeedForwardToCnnPreProcessor(START_SIDE, START_SIDE, base)), "g_dense_act");
        String previous = "g_start";
        for (int block = 0; block < config.generatorChannels().size(); block++) {
            String prefix = "g_block" + (block + 1);
            graph.addLayer(prefix + "_up", new Upsampling2D.Builder(UPSAMPLE).build(), previous)
                    .addLayer(prefix + "_conv", new ConvolutionLayer.Builder(KERNEL, KERNEL)
                            .nOut(config.generatorChannels().get(block)).activation(Activation.IDENTITY).build(),
                            prefix + "_up")
                    .addLayer(prefix + "_bn", batchNorm(), prefix + "_conv")
                    .addLayer(prefix + "_act", leaky(), prefix + "_bn");
            previous = prefix + "_act";
        }
        graph.addLayer(GENERATED, new ConvolutionLayer.Builder(KERNEL, KERNEL)
                .nOut(1).activation(Activation.SIGMOID).build(), previous);
    }

    private void addDiscriminator(GraphBuilder graph, String image, boolean frozen) {
        graph.addLayer("d_embed", freeze(identityDense(Mnist.CLASSES, Mnist.PIXELS), frozen), LABEL)
                .addVertex("d_label_map", new PreprocessorVertex(
                        new FeedForwardToCnnPreProcessor(Mnist.ROWS, Mnist.COLUMNS, 1)), "d_embed")
                .addVertex("d_joined", new MergeVertex(), image, "d_label_map");
        String previous = "d_joined";
        List<Integer> channels = config.discriminatorChannels();
        for (int block = 0; block < channels.size(); block++) {
            ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(KERNEL, KERNEL)
                    .stride(STRIDE, STRIDE).nOut(channels.get(block)).activation(leakyActivation());
            if (block > 0) {
                conv.dropOut(retainProbability());
            }
            String name = "d_conv" + (block + 1);
            graph.addLayer(name, freeze(conv.build(), frozen), previous);
            previous = name;
        }
        if (config.projectionDiscriminator()) {
            addProjectionVerdict(graph, previous, frozen);
        } else {
            OutputLayer.Builder verdict = new OutputLayer.Builder(LossFunction.XENT)
                    .nOut(1).activation(Activation.SIGMOID);
            verdict.dropOut(retainProbability());
            graph.addLayer(VERDICT, freeze(verdict.build(), frozen), previous);
        }
        if (config.auxiliaryClassifier()) {
            OutputLayer.Builder digit = new OutputLayer.Builder(LossFunction.MCXENT)
                    .nOut(Mnist.CLASSES).activation(Activation.SOFTMAX);
            digit.dropOut(retainProbability());
            graph.addLayer(CLASS, freeze(digit.build(), frozen), previous);
        }
    }

    /**
     * The verdict of a projection discriminator: sigmoid(psi(f) + w . (f * e_y)), where f are the
     * last convolution's features, flattened, and e_y a learned embedding of the label y. The
     * weights w make the product a projection on w * e_y, the paper's embedding up to a factor.
     */
    private void addProjectionVerdict(GraphBuilder graph, String features, boolean frozen) {
        int side = Mnist.ROWS;
        for (int block = 0; block < config.discriminatorChannels().size(); block++) {
            side = (side + STRIDE - 1) / STRIDE;
        }
        int channels = config.discriminatorChannels().get(config.discriminatorChannels().size() - 1);
        int width = side * side * channels;
        graph.addVertex("d_features", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(side, side, channels)),
                        features)
                .addLayer("d_psi", freeze(new DenseLayer.Builder().nIn(width).nOut(1).activation(Activation.IDENTITY)
                        .dropOut(retainProbability()).build(), frozen), "d_features")
                .addLayer("d_label_embed", freeze(identityDense(Mnist.CLASSES, width), frozen), LABEL)
                .addVertex("d_label_match", new ElementWiseVertex(ElementWiseVertex.Op.Product), "d_features",
                        "d_label_embed")
                .addLayer("d_projection", freeze(identityDense(width, 1), frozen), "d_label_match")
                .addVertex("d_logit", new ElementWiseVertex(ElementWiseVertex.Op.Add), "d_psi", "d_projection")
                .addLayer(VERDICT, new LossLayer.Builder(LossFunction.XENT).activation(Activation.SIGMOID).build(),
                        "d_logit");
    }

    /** The discriminator's outputs: the verdict, then the digit probabilities when it has a classifier. */
    private String[] outputs() {
        return config.auxiliaryClassifier() ? new String[] {VERDICT, CLASS} : new String[] {VERDICT};
    }

    /**
     * DL4J's {@code dropOut(x)} takes the probability of keeping a unit and applies it to the
     * layer's input, so "dropout after conv1" of the reference is set on the layer after it.
     */
    private double retainProbability() {
        double drop = config.discriminatorDropout();
        return drop == 0 ? 0 : 1 - drop;
    }

    /**
     * Freezes a discriminator layer inside the combined graph with a step size of zero: it still
     * passes gradients back to the generator and still applies dropout in training mode. (DL4J's
     * {@code NoOp} updater would not do: it passes the raw gradient through as the update.)
     * {@code FrozenLayerWithBackprop} would be the natural choice, but in DL4J 1.0.0-M2.1 it runs
     * its layer in test mode on the way forward and then fails on the way back when that layer
     * has dropout ("Dropout mask array is absent").
     */
    private static Layer freeze(Layer layer, boolean frozen) {
        if (frozen && layer instanceof BaseLayer base) {
            base.setIUpdater(new Sgd(0));
        }
        return layer;
    }

    private static DenseLayer identityDense(int in, int out) {
        return new DenseLayer.Builder().nIn(in).nOut(out).hasBias(false).activation(Activation.IDENTITY).build();
    }

    private BatchNormalization batchNorm() {
        return new BatchNormalization.Builder().decay(config.batchNormDecay()).eps(config.batchNormEpsilon()).build();
    }

    private ActivationLayer leaky() {
        return new ActivationLayer.Builder().activation(leakyActivation()).build();
    }

    private ActivationLReLU leakyActivation() {
        return new ActivationLReLU(config.leakySlope());
    }
}
