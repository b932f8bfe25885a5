package dev.cganstudio.cli;

import dev.cganstudio.data.IdxWriter;
import dev.cganstudio.data.Mnist;
import dev.cganstudio.data.MnistDataset;
import dev.cganstudio.model.DigitGenerator;
import dev.cganstudio.model.Dl4jRuntime;
import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.report.SampleGrid;
import dev.cganstudio.training.OutputFolderException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cgan generate}: draws digits of chosen labels from a saved generator. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Draw digits of chosen labels from a generator: a PNG grid (one row per label) or an IDX pair "
                + "(a generated dataset any MNIST reader can load).")
final class GenerateCommand implements Callable<Integer> {

    /** What {@code generate} writes. */
    enum Format { png, idx }

    /** Most digits per label in a PNG grid, whose row per label never wraps. */
    static final int MAX_GRID_COLUMNS = 100;
    /** Most digits per label in an IDX pair: 100,000 in all, more than MNIST's training set. */
    static final int MAX_DATASET_PER_LABEL = 10_000;

    @Option(names = "--generator", paramLabel = "FILE", required = true,
            description = "A generator.zip, or a run folder (its generator.zip is used).")
    Path generator;

    @Option(names = {"--label", "--labels"}, paramLabel = "DIGIT", split = ",",
            description = "Digit(s) to draw, 0-9, repeatable or comma separated (default: all ten).")
    List<Integer> labels;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "Digits per label (default 10).")
    int count;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the noise (default 1).")
    long seed;

    @Option(names = "--format", paramLabel = "png|idx", defaultValue = "png",
            description = "png: a grid image; idx: <output>-images-idx3-ubyte and <output>-labels-idx1-ubyte.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "generated.png",
            description = "The PNG to write, or the stem of the IDX pair (default generated.png).")
    Path output;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Native threads; 0: one per core.")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] chosen = validatedLabels();
        int most = format == Format.png ? MAX_GRID_COLUMNS : MAX_DATASET_PER_LABEL;
        if (count < 1 || count > most) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--count': "
                    + "expected a whole number from 1 to " + most + " with --format " + format
                    + (format == Format.png ? " (a grid row per label; --format idx takes more)" : "")
                    + ", found '" + count + "'");
        }
        if (Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--output': "
                    + "expected a file name, found the folder '" + output + "'; give a file in it, e.g. "
                    + output.resolve(format == Format.png ? "digits.png" : "digits"));
        }
        EngineOptions.requireThreads(spec.commandLine(), threads);
        Dl4jRuntime.configure(threads);
        Path file = Files.isDirectory(generator) ? generator.resolve("generator.zip") : generator;
        DigitGenerator digits = new DigitGenerator(ModelFiles.loadGenerator(file, false));
        int[] perImage = new int[chosen.length * count];
        for (int index = 0; index < perImage.length; index++) {
            perImage[index] = chosen[index / count];
        }
        float[] pixels = digits.generate(perImage, seed).data().asFloat();
        try {
            write(pixels, chosen, perImage);
        } catch (IOException e) {
            throw OutputFolderException.atWrite(output, e);
        }
        return ExitCodes.OK;
    }

    private void write(float[] pixels, int[] chosen, int[] perImage) throws IOException {
        if (format == Format.png) {
            SampleGrid.write(pixels, chosen.length, count, chosen, output);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d digits (%d per label) to %s%n",
                    perImage.length, count, output);
        } else {
            MnistDataset dataset = toDataset(pixels, perImage);
            Path images = sibling(output, "-images-idx3-ubyte");
            Path labelFile = sibling(output, "-labels-idx1-ubyte");
            IdxWriter.writeImages(images, dataset);
            IdxWriter.writeLabels(labelFile, dataset);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d digits to %s and %s%n", perImage.length,
                    images, labelFile);
        }
    }

    private int[] validatedLabels() {
        if (labels == null || labels.isEmpty()) {
            int[] all = new int[Mnist.CLASSES];
            for (int label = 0; label < all.length; label++) {
                all[label] = label;
            }
            return all;
        }
        for (int label : labels) {
            if (label < 0 || label >= Mnist.CLASSES) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--label': expected a digit 0-9, found '" + label + "'");
            }
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    private static MnistDataset toDataset(float[] pixels, int[] labels) {
        byte[] images = new byte[pixels.length];
        for (int index = 0; index < pixels.length; index++) {
            images[index] = (byte) Math.round(Math.max(0f, Math.min(1f, pixels[index])) * Mnist.MAX_GREY);
        }
        byte[] labelBytes = new byte[labels.length];
        for (int index = 0; index < labels.length; index++) {
            labelBytes[index] = (byte) labels[index];
        }
        return new MnistDataset(images, labelBytes);
    }

    private static Path sibling(Path stem, String suffix) {
        String name = stem.getFileName().toString().replaceFirst("\\.png$", "");
        return stem.resolveSibling(name + suffix);
    }
}
