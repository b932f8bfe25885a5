package dev.cganstudio.cli;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.data.MnistDataset;
import dev.cganstudio.data.MnistFiles;
import dev.cganstudio.data.MnistSplit;
import dev.cganstudio.evaluation.ClassificationMetrics;
import dev.cganstudio.evaluation.FeatureStatistics;
import dev.cganstudio.evaluation.GeneratorEvaluator;
import dev.cganstudio.evaluation.JudgeStore;
import dev.cganstudio.evaluation.JudgeTrainer;
import dev.cganstudio.model.DigitGenerator;
import dev.cganstudio.model.Dl4jRuntime;
import dev.cganstudio.model.MnistTensors;
import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.model.Seeds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cgan evaluate}: the judge's verdict on a saved generator. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Judge a generator: accuracy and F1 of the judge's verdicts against the labels asked for, "
                + "and the Fréchet distance of judge features to the real test digits.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--generator", paramLabel = "FILE", required = true,
            description = "A generator.zip, or a run folder (its generator.zip is used).")
    Path generator;

    @Option(names = "--per-label", paramLabel = "N", defaultValue = "1000",
            description = "Generated digits per label (default 1000: 10,000 in all).")
    int perLabel;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the run whose evaluation noise to reuse (default 42, train's default).")
    long seed;

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (perLabel < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--per-label': expected a whole number >= 1, found '" + perLabel + "'");
        }
        EngineOptions.requireThreads(spec.commandLine(), engine.threads);
        Dl4jRuntime.configure(engine.threads);
        Path file = Files.isDirectory(generator) ? generator.resolve("generator.zip") : generator;
        DigitGenerator digits = new DigitGenerator(ModelFiles.loadGenerator(file, false));
        PrintWriter out = spec.commandLine().getOut();

        Path data = DataLocators.standard(engine.cacheFolder()).locate(engine.data, out::println);
        MnistDataset test = MnistFiles.load(data, MnistSplit.TEST);
        JudgeStore store = new JudgeStore(engine.cacheFolder().resolve("judge"));
        JudgeStore.StoredJudge judge = store.load(out::println);
        if (judge == null) {
            MnistDataset train = MnistFiles.load(data, MnistSplit.TRAIN);
            judge = store.obtain(train, test, true, new JudgeTrainer(seed, JudgeTrainer.MAX_EPOCHS, out::println),
                    out::println);
        }
        FeatureStatistics real = FeatureStatistics.of(
                judge.judge().features(MnistTensors.images(test, 0, test.size())).toFloatMatrix());
        GeneratorEvaluator.GeneratorScore score = new GeneratorEvaluator(judge.judge(), perLabel,
                Seeds.derive(seed, Seeds.EVALUATION, 0), real).evaluate(digits);

        ClassificationMetrics metrics = score.metrics();
        out.printf(Locale.ROOT, "generator %s, %d digits per label%n", file, perLabel);
        out.printf(Locale.ROOT, "accuracy %.4f  macro F1 %.4f  weighted F1 %.4f  Frechet distance %.3f%n",
                metrics.accuracy(), metrics.macroF1(), metrics.weightedF1(), score.frechetDistance());
        StringBuilder perLabelLine = new StringBuilder("F1 per label:");
        for (int label = 0; label < Mnist.CLASSES; label++) {
            perLabelLine.append(String.format(Locale.ROOT, " %d=%.3f", label, metrics.f1()[label]));
        }
        out.println(perLabelLine);
        return ExitCodes.OK;
    }
}
