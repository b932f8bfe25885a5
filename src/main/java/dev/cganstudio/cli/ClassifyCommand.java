package dev.cganstudio.cli;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.data.MnistDataset;
import dev.cganstudio.data.MnistFiles;
import dev.cganstudio.data.MnistSplit;
import dev.cganstudio.evaluation.DigitPreprocessor;
import dev.cganstudio.evaluation.JudgeStore;
import dev.cganstudio.evaluation.JudgeTrainer;
import dev.cganstudio.model.Dl4jRuntime;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code cgan classify}: what the judge sees in a picture of a digit. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Show the judge's ten probabilities for a picture of one digit (PNG, any size; dark ink on "
                + "light paper or light on dark). The picture is prepared as MNIST digits were: ink scaled into "
                + "20x20, centred by its centre of mass in 28x28.")
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE", description = "A PNG (or JPEG, GIF, BMP) of one digit.")
    Path image;

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BufferedImage picture = read(image);
        PrintWriter out = spec.commandLine().getOut();
        Optional<float[]> prepared = DigitPreprocessor.prepare(picture);
        if (prepared.isEmpty()) {
            out.println("no digit: the picture has no ink");
            return ExitCodes.OK;
        }
        EngineOptions.requireThreads(spec.commandLine(), engine.threads);
        Dl4jRuntime.configure(engine.threads);
        JudgeStore store = new JudgeStore(engine.cacheFolder().resolve("judge"));
        JudgeStore.StoredJudge judge = store.load(message -> { });
        if (judge == null) {
            Path data = DataLocators.standard(engine.cacheFolder()).locate(engine.data, out::println);
            MnistDataset train = MnistFiles.load(data, MnistSplit.TRAIN);
            MnistDataset test = MnistFiles.load(data, MnistSplit.TEST);
            judge = store.obtain(train, test, true, new JudgeTrainer(1, JudgeTrainer.MAX_EPOCHS, out::println),
                    out::println);
        }
        INDArray input = Nd4j.create(prepared.get(), new long[] {1, 1, Mnist.ROWS, Mnist.COLUMNS}, 'c');
        float[] probabilities = judge.judge().probabilities(input).data().asFloat();
        int best = 0;
        for (int label = 0; label < Mnist.CLASSES; label++) {
            out.printf(Locale.ROOT, "%d  %6.4f  %s%n", label, probabilities[label],
                    "#".repeat(Math.round(probabilities[label] * 40)));
            if (probabilities[label] > probabilities[best]) {
                best = label;
            }
        }
        out.printf(Locale.ROOT, "the judge reads %d (%.1f%%)%n", best, 100 * probabilities[best]);
        return ExitCodes.OK;
    }

    private BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for parameter 'IMAGE': expected a picture file, found " + (Files.exists(file)
                            ? "a folder" : "nothing") + " at '" + file + "'");
        }
        BufferedImage picture;
        try {
            picture = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for parameter 'IMAGE': expected a whole picture, found one that cannot be read at '"
                            + file + "' (" + e.getMessage() + ")");
        }
        if (picture == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for parameter 'IMAGE': expected a PNG, JPEG, GIF or BMP picture, found a file "
                            + "no image reader understands at '" + file + "'");
        }
        return picture;
    }
}
