package dev.cganstudio.model;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.io.AtomicFiles;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Saves and loads networks in DL4J's zip format. Saving is atomic; loading first inspects the
 * zip (entries present, declared sizes bounded and true, checksums matching) so that a hostile
 * file is refused before memory is spent, then checks that the network is of the expected kind
 * by its inputs and a probe.
 */
public final class ModelFiles {

    /** Entry of a DL4J model zip holding the network's configuration. */
    static final String CONFIGURATION_ENTRY = "configuration.json";
    /** Entry of a DL4J model zip holding the parameters. */
    static final String COEFFICIENTS_ENTRY = "coefficients.bin";
    /** Largest uncompressed entry accepted: far above the seed preset's 10 MB of parameters and optimizer state. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    private static final int INFLATE_BUFFER_BYTES = 64 * 1024;

    private ModelFiles() {
    }

    /** Saves a network atomically, with its optimizer state when {@code withUpdater}. */
    public static void save(org.deeplearning4j.nn.api.Model network, Path file, boolean withUpdater)
            throws IOException {
        AtomicFiles.writePath(file, temporary -> ModelSerializer.writeModel(network, temporary.toFile(), withUpdater));
    }

    /** Loads and checks a generator. */
    public static ComputationGraph loadGenerator(Path file, boolean withUpdater) throws IOException {
        ComputationGraph graph = loadGraph(file, ModelKind.GENERATOR, withUpdater);
        requireInputs(file, graph, ModelKind.GENERATOR, GanNetworks.NOISE, GanNetworks.LABEL);
        int latent = latentSize(graph);
        INDArray image = probe(file, ModelKind.GENERATOR,
                () -> graph.outputSingle(false, Nd4j.zeros(1, latent), oneHotZero()));
        requireShape(file, ModelKind.GENERATOR, image, 1, 1, Mnist.ROWS, Mnist.COLUMNS);
        return graph;
    }

    /** Loads and checks a discriminator. */
    public static ComputationGraph loadDiscriminator(Path file, boolean withUpdater) throws IOException {
        ComputationGraph graph = loadGraph(file, ModelKind.DISCRIMINATOR, withUpdater);
        requireInputs(file, graph, ModelKind.DISCRIMINATOR, GanNetworks.IMAGE, GanNetworks.LABEL);
        INDArray verdict = probe(file, ModelKind.DISCRIMINATOR,
                () -> graph.output(false, Nd4j.zeros(1, 1, Mnist.ROWS, Mnist.COLUMNS), oneHotZero())[0]);
        requireShape(file, ModelKind.DISCRIMINATOR, verdict, 1, 1);
        return graph;
    }

    /** Loads the combined generator-and-frozen-discriminator graph of a checkpoint. */
    public static ComputationGraph loadCombined(Path file) throws IOException {
        ComputationGraph graph = loadGraph(file, ModelKind.GENERATOR, true);
        requireInputs(file, graph, ModelKind.GENERATOR, GanNetworks.NOISE, GanNetworks.LABEL);
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        if (outputs.isEmpty() || !outputs.get(0).equals(GanNetworks.VERDICT)) {
            throw new ModelFileException(file, "expected a combined generator and discriminator, found outputs "
                    + graph.getConfiguration().getNetworkOutputs());
        }
        return graph;
    }

    /** Loads and checks a judge. */
    public static MultiLayerNetwork loadJudge(Path file) throws IOException {
        inspect(file, ModelKind.JUDGE);
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (Exception | StackOverflowError e) {
            throw new ModelFileException(file, "expected " + ModelKind.JUDGE.expectation()
                    + ", found a file DL4J cannot read as one (" + e.getMessage() + ")", e);
        }
        INDArray probabilities = probe(file, ModelKind.JUDGE,
                () -> network.output(Nd4j.zeros(1, 1, Mnist.ROWS, Mnist.COLUMNS), false));
        requireShape(file, ModelKind.JUDGE, probabilities, 1, Mnist.CLASSES);
        return network;
    }

    /** The noise length a generator graph expects, read from its label embedding. */
    public static int latentSize(ComputationGraph generator) {
        return (int) generator.getLayer("g_embed").getParam("W").size(1);
    }

    /**
     * Refuses a file that is missing, not a zip, lacks DL4J's entries, declares entries larger
     * than any of our models could need, or holds an entry that inflates beyond its declared size
     * or fails its checksum; nothing inflated is kept.
     */
    static void inspect(Path file, ModelKind kind) throws ModelFileException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "expected a " + kind.displayName() + " model file, found "
                    + (Files.exists(file) ? "a folder" : "nothing"));
        }
        boolean hasConfiguration = false;
        boolean hasCoefficients = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getSize() > MAX_ENTRY_BYTES || entry.getSize() < -1) {
                    throw new ModelFileException(file, "expected zip entries of at most " + MAX_ENTRY_BYTES
                            + " bytes, found '" + entry.getName() + "' declaring " + entry.getSize() + " bytes");
                }
                hasConfiguration |= entry.getName().equals(CONFIGURATION_ENTRY);
                hasCoefficients |= entry.getName().equals(COEFFICIENTS_ENTRY);
            }
            if (hasConfiguration && hasCoefficients) {
                requireHonestEntries(file, zip);
            }
        } catch (ZipException e) {
            throw new ModelFileException(file, "expected a DL4J model zip, found a file that is not a readable zip ("
                    + e.getMessage() + ")", e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
        if (!hasConfiguration || !hasCoefficients) {
            throw new ModelFileException(file, "expected a DL4J model zip with " + CONFIGURATION_ENTRY + " and "
                    + COEFFICIENTS_ENTRY + ", found a zip without " + (hasConfiguration ? COEFFICIENTS_ENTRY
                    : CONFIGURATION_ENTRY));
        }
    }

    /**
     * Inflates every entry once, without keeping it, to check that none inflates beyond the size
     * the directory declares (a zip bomb lying about its sizes) and that each matches its CRC:
     * java.util.zip.ZipFile checks neither, and DL4J would read such an entry whole.
     */
    private static void requireHonestEntries(Path file, ZipFile zip) throws IOException {
        byte[] buffer = new byte[INFLATE_BUFFER_BYTES];
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            long declared = entry.getSize() >= 0 ? entry.getSize() : MAX_ENTRY_BYTES;
            CRC32 crc = new CRC32();
            long inflated = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    inflated += read;
                    if (inflated > declared) {
                        throw new ModelFileException(file, "expected zip entries that inflate to their declared "
                                + "sizes, found '" + entry.getName() + "' inflates to more than the " + declared
                                + " bytes it declares");
                    }
                    crc.update(buffer, 0, read);
                }
            }
            if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
                throw new ModelFileException(file, "expected a DL4J model zip, found '" + entry.getName()
                        + "' damaged (its checksum does not match)");
            }
        }
    }

    private static ComputationGraph loadGraph(Path file, ModelKind kind, boolean withUpdater) throws IOException {
        inspect(file, kind);
        try {
            return ModelSerializer.restoreComputationGraph(file.toFile(), withUpdater);
        } catch (Exception | StackOverflowError e) {
            throw new ModelFileException(file, "expected " + kind.expectation()
                    + ", found a file DL4J cannot read as one (" + e.getMessage() + ")", e);
        }
    }

    private static void requireInputs(Path file, ComputationGraph graph, ModelKind kind, String... inputs)
            throws ModelFileException {
        List<String> found = graph.getConfiguration().getNetworkInputs();
        if (!found.equals(Arrays.asList(inputs))) {
            throw new ModelFileException(file, "expected " + kind.expectation() + ", found a network with inputs "
                    + found);
        }
    }

    private interface Probe {
        INDArray run();
    }

    private static INDArray probe(Path file, ModelKind kind, Probe probe) throws ModelFileException {
        try {
            return probe.run();
        } catch (RuntimeException e) {
            throw new ModelFileException(file, "expected " + kind.expectation()
                    + ", found a network that fails on such input (" + e.getMessage() + ")", e);
        }
    }

    private static void requireShape(Path file, ModelKind kind, INDArray output, long... shape)
            throws ModelFileException {
        if (!Arrays.equals(output.shape(), shape)) {
            throw new ModelFileException(file, "expected " + kind.expectation() + ", found output shape "
                    + Arrays.toString(output.shape()));
        }
    }

    private static INDArray oneHotZero() {
        INDArray label = Nd4j.zeros(1, Mnist.CLASSES);
        label.putScalar(0, 0, 1);
        return label;
    }
}
