package dev.cganstudio.training;

import dev.cganstudio.data.BatchOrder;
import dev.cganstudio.data.Mnist;
import dev.cganstudio.data.MnistDataset;
import dev.cganstudio.data.MnistFiles;
import dev.cganstudio.data.MnistSplit;
import dev.cganstudio.data.MnistUnavailableException;
import dev.cganstudio.evaluation.ClassificationMetrics;
import dev.cganstudio.evaluation.GeneratorEvaluator;
import dev.cganstudio.evaluation.GeneratorEvaluator.GeneratorScore;
import dev.cganstudio.evaluation.Judge;
import dev.cganstudio.evaluation.JudgeStore;
import dev.cganstudio.evaluation.JudgeStore.StoredJudge;
import dev.cganstudio.evaluation.JudgeTrainer;
import dev.cganstudio.evaluation.RealBaseline;
import dev.cganstudio.io.AtomicFiles;
import dev.cganstudio.model.DigitGenerator;
import dev.cganstudio.model.Dl4jRuntime;
import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.Labels;
import dev.cganstudio.model.MnistTensors;
import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.model.ModelKind;
import dev.cganstudio.model.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A whole training run: finds the data, obtains the judge, builds or restores the GAN, then
 * trains epoch after epoch; after each one it judges the generator, tells the listener (whose
 * writers produce the grid, CSV and plots), and saves the models and a checkpoint.
 */
public final class TrainingRun {

    /** Steps between measurements of mean D(x) and D(G(z)), which cost a discriminator forward pass. */
    static final int SCORE_EVERY_STEPS = 10;
    /** Digits per label in the sample grid: a 10x10 grid. */
    public static final int GRID_COLUMNS = 10;
    /** File of the generator of the best epoch so far. */
    public static final String BEST_GENERATOR_FILE = "generator-best.zip";

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    private static final Logger PROGRESS = LoggerFactory.getLogger("dev.cganstudio.progress");
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TrainingOptions options;
    private final DataLocator dataLocator;
    private final TrainingListener listener;
    private final RunControl control;

    public TrainingRun(TrainingOptions options, DataLocator dataLocator, TrainingListener listener,
                       RunControl control) {
        this.options = options;
        this.dataLocator = dataLocator;
        this.listener = listener;
        this.control = control;
    }

    /** Runs to the last epoch or until stopped; blocks the calling thread. */
    public RunSummary run() throws IOException, InterruptedException {
        try {
            return train();
        } finally {
            control.end();
        }
    }

    private RunSummary train() throws IOException, InterruptedException {
        OutputFolderProbe.requireWritable(options);
        Dl4jRuntime.configure(options.threads());
        LOG.info("native runtime: {}", Dl4jRuntime.describe());

        Path dataFolder = dataLocator.locate(options.dataFolder(), this::status);
        MnistDataset train = MnistFiles.load(dataFolder, MnistSplit.TRAIN);
        MnistDataset test = MnistFiles.load(dataFolder, MnistSplit.TEST);
        if (train.size() == 0 || test.size() == 0) {
            throw new MnistUnavailableException(dataFolder + ": expected training and test digits, found "
                    + train.size() + " training and " + test.size() + " test digits");
        }
        if (options.dryRun()) {
            train = train.head(TrainingOptions.DRY_RUN_IMAGES);
            test = test.head(TrainingOptions.DRY_RUN_TEST_IMAGES);
        }
        status(String.format("MNIST: %d training and %d test digits from %s", train.size(), test.size(), dataFolder));

        StoredJudge judge = obtainJudge(train, test);
        status(String.format("judge test accuracy %.4f", judge.testAccuracy()));

        Session session = options.resume() ? resumeSession(train) : newSession(train);
        Files.createDirectories(session.runFolder);
        listener.onRunStart(new RunStartEvent(session.runFolder, session.state.epoch(), options.epochs(),
                session.state.step(), session.config.name()));
        ModelFiles.save(judge.judge().network(), session.runFolder.resolve(ModelKind.JUDGE.fileName()), false);

        RealBaseline baseline = RealBaseline.of(judge.judge(), test);
        status(baseline.describe());
        int samplesPerLabel = options.dryRun() ? TrainingOptions.DRY_RUN_SAMPLES_PER_LABEL
                : options.samplesPerLabel();
        GeneratorEvaluator evaluator = new GeneratorEvaluator(judge.judge(), samplesPerLabel,
                Seeds.derive(options.seed(), Seeds.EVALUATION, 0), baseline.statistics());
        return new EpochLoop(session, train, evaluator, baseline, judge.testAccuracy()).run();
    }

    private StoredJudge obtainJudge(MnistDataset train, MnistDataset test) throws IOException {
        Path own = options.resume() ? options.runFolder().resolve(ModelKind.JUDGE.fileName()) : null;
        if (own != null && Files.isRegularFile(own)) {
            // A run is judged by one judge from its first epoch to its last, so that its epochs
            // compare, even when the stored one has been trained again since.
            try {
                Judge judge = new Judge(ModelFiles.loadJudge(own));
                double accuracy = JudgeTrainer.accuracy(judge, test);
                status(String.format(Locale.ROOT, "using the run's own judge (test accuracy %.4f) from %s",
                        accuracy, own));
                return new StoredJudge(judge, accuracy, 0);
            } catch (IOException e) {
                LOG.warn("the run's own judge is not usable, so its next epochs are judged by another: {}",
                        e.getMessage());
            }
        }
        JudgeStore store = new JudgeStore(options.cacheFolder().resolve("judge"));
        if (options.dryRun()) {
            StoredJudge stored = options.retrainJudge() ? null : store.load(this::status);
            if (stored != null) {
                return stored;
            }
            status("dry run: training a one-epoch judge on the slice (not stored)");
            JudgeTrainer.TrainedJudge quick = new JudgeTrainer(options.seed(), 1, this::status).train(train, test);
            return new StoredJudge(quick.judge(), quick.testAccuracy(), quick.epochs());
        }
        JudgeTrainer trainer = new JudgeTrainer(options.seed(), JudgeTrainer.MAX_EPOCHS, this::status);
        return store.obtain(train, test, options.retrainJudge(), trainer, this::status);
    }

    private Session newSession(MnistDataset train) {
        GanConfig config = options.preset().config().override(options.overrides());
        int batch = options.batchSize() > 0 ? options.batchSize() : config.batchSize();
        if (options.dryRun()) {
            batch = Math.min(batch, TrainingOptions.DRY_RUN_BATCH);
        }
        config = config.withBatchSize(Math.min(batch, train.size()));
        if (!options.dropout()) {
            config = config.withoutDropout();
        }
        config = LearningRates.scaled(config, options.learningRateScale());
        Path runFolder = options.runFolder() != null ? options.runFolder() : newRunFolder(config.name());
        CheckpointState state = new CheckpointState(CheckpointState.FORMAT_VERSION, config, options.seed(), 0, 0,
                options.epochs(), options.samplesPerLabel(), 0, -1, train.size());
        status("new run in " + runFolder + " with preset " + config.name() + ", batch " + config.batchSize()
                + (options.overrides().isEmpty() ? "" : ", changed " + options.overrides()));
        return new Session(runFolder, config, state, GanModels.create(config, options.seed()));
    }

    private Session resumeSession(MnistDataset train) throws IOException {
        Path runFolder = options.runFolder();
        CheckpointState state = Checkpoint.readState(runFolder);
        if (state.trainImages() != train.size()) {
            String hint = state.trainImages() == TrainingOptions.DRY_RUN_IMAGES && !options.dryRun()
                    ? "; it was a dry run: resume it with --dry-run"
                    : options.dryRun() ? "; it was not a dry run: resume it without --dry-run" : "";
            throw new IllegalArgumentException("expected " + state.trainImages() + " training digits as when "
                    + runFolder + " was started, found " + train.size() + hint);
        }
        GanModels models = Checkpoint.loadModels(runFolder, state);
        status(String.format("resuming %s after epoch %d (step %d)", runFolder, state.epoch(), state.step()));
        AtomicFiles.deleteLeftovers(runFolder);
        String optimizerWarning = Checkpoint.optimizerStateWarning(runFolder);
        if (optimizerWarning != null) {
            LOG.warn(optimizerWarning);
            listener.onStatus(optimizerWarning);
        }
        GanConfig config = state.config();
        if (options.learningRateScale() != 1) {
            config = LearningRates.scaled(config, options.learningRateScale());
            LearningRates.apply(models, config);
            status(String.format(Locale.ROOT, "learning rates scaled by %s: generator %s, discriminator %s",
                    options.learningRateScale(), config.generatorLearningRate(), config.discriminatorLearningRate()));
        }
        return new Session(runFolder, config, state, models);
    }

    private Path newRunFolder(String presetName) {
        String stem = presetName + "-" + LocalDateTime.now().format(FOLDER_TIME);
        Path folder = options.outputFolder().resolve(stem);
        for (int suffix = 2; Files.exists(folder); suffix++) {
            folder = options.outputFolder().resolve(stem + "-" + suffix);
        }
        return folder;
    }

    private void status(String message) {
        LOG.info(message);
        listener.onStatus(message);
    }

    /** The models and state a run trains, new or restored. */
    private record Session(Path runFolder, GanConfig config, CheckpointState state, GanModels models) {
    }

    /** The loop over epochs and steps of one session. */
    private final class EpochLoop {
        private final Session session;
        private final MnistDataset train;
        private final GeneratorEvaluator evaluator;
        private final RealBaseline baseline;
        private final double judgeAccuracy;
        private final GanStep step;
        private final DigitGenerator generator;
        private final INDArray gridNoise;
        private final int[] gridLabels = Labels.eachRepeated(GRID_COLUMNS);
        private final int stepsPerEpoch;
        private CheckpointState state;
        private EpochMetrics last;
        private EpochTotals interval = new EpochTotals();
        private long lastLiveSamples = System.nanoTime();
        private long sessionStarted;
        private long judgingNanos;

        EpochLoop(Session session, MnistDataset train, GeneratorEvaluator evaluator, RealBaseline baseline,
                  double judgeAccuracy) {
            this.session = session;
            this.train = train;
            this.evaluator = evaluator;
            this.baseline = baseline;
            this.judgeAccuracy = judgeAccuracy;
            this.state = session.state;
            this.step = new GanStep(session.models, state.seed(), session.config.batchSize());
            this.generator = new DigitGenerator(session.models.sampler());
            this.gridNoise = generator.noise(gridLabels.length, Seeds.derive(state.seed(), Seeds.GRID, 0));
            this.stepsPerEpoch = train.size() / session.config.batchSize();
        }

        RunSummary run() throws IOException, InterruptedException {
            sessionStarted = System.nanoTime();
            int lastEpoch = Math.max(options.epochs(), 0);
            if (state.epoch() >= lastEpoch) {
                status("nothing to train: " + session.runFolder + " has trained " + state.epoch() + " epoch(s), the"
                        + " last asked for (epochs count from the run's start)");
            }
            for (int epoch = state.epoch() + 1; epoch <= lastEpoch; epoch++) {
                EpochTotals totals = trainEpoch(epoch, lastEpoch);
                if (totals == null) {
                    status("stopped during epoch " + epoch + "; files are complete up to epoch " + state.epoch());
                    return summary(RunSummary.Outcome.STOPPED);
                }
                finishEpoch(epoch, totals);
                if (control.isStopRequested()) {
                    return summary(RunSummary.Outcome.STOPPED);
                }
            }
            return summary(RunSummary.Outcome.COMPLETED);
        }

        /** Trains one epoch; null when a stop was asked for before it ended. */
        private EpochTotals trainEpoch(int epoch, int lastEpoch) throws InterruptedException {
            int batch = session.config.batchSize();
            int[] order = BatchOrder.permutation(train.size(),
                    new SplittableRandom(Seeds.derive(state.seed(), Seeds.SHUFFLE, epoch)));
            EpochTotals totals = new EpochTotals();
            interval = new EpochTotals();
            long globalStep = state.step();
            for (int stepInEpoch = 1; stepInEpoch <= stepsPerEpoch; stepInEpoch++) {
                if (control.awaitGo(session.models)) {
                    return null;
                }
                long started = System.nanoTime();
                int[] indices = Arrays.copyOfRange(order, (stepInEpoch - 1) * batch, stepInEpoch * batch);
                globalStep++;
                boolean measure = stepInEpoch % SCORE_EVERY_STEPS == 1 || stepsPerEpoch < SCORE_EVERY_STEPS;
                StepResult result = step.run(globalStep, MnistTensors.images(train, indices),
                        Labels.oneHot(MnistTensors.labels(train, indices)), measure);
                double millis = (System.nanoTime() - started) / 1e6;
                String divergence = Divergence.find(result, session.models);
                if (divergence != null) {
                    throw new TrainingDivergedException(epoch, globalStep, divergence + "; "
                            + Divergence.advice(state.epoch(), session.runFolder, options));
                }
                totals.add(result, millis);
                interval.add(result, millis);
                StepEvent event = new StepEvent(epoch, lastEpoch, globalStep, stepInEpoch, stepsPerEpoch,
                        result.discriminatorLoss(), result.generatorLoss(), result.realScore(), result.fakeScore(),
                        millis);
                listener.onStep(event);
                logProgress(event);
                liveSamples(epoch, globalStep);
                evaluateMidEpoch(epoch, globalStep);
            }
            totals.steps = globalStep;
            return totals;
        }

        private void finishEpoch(int epoch, EpochTotals totals) throws IOException {
            listener.onSamples(grid(epoch, totals.steps, true));
            GeneratorScore score = judge();
            ClassificationMetrics judged = score.metrics();
            double seconds = totals.millis / 1e3;
            EpochMetrics metrics = new EpochMetrics(epoch, totals.steps, totals.meanDiscriminatorLoss(),
                    totals.meanGeneratorLoss(), totals.meanRealScore(), totals.meanFakeScore(), judged.accuracy(),
                    judged.macroF1(), judged.weightedF1(), judged.f1(), score.frechetDistance(), score.variety(),
                    seconds, stepsPerEpoch * (double) session.config.batchSize() / seconds);
            boolean isBest = state.bestEpoch() == 0 || metrics.macroF1() > state.bestMacroF1();
            last = metrics;
            EpochEvent event = new EpochEvent(metrics, isBest, session.runFolder);
            CheckpointState finished = new CheckpointState(CheckpointState.FORMAT_VERSION, session.config,
                    state.seed(), epoch, totals.steps, options.epochs(), state.samplesPerLabel(),
                    isBest ? epoch : state.bestEpoch(), isBest ? metrics.macroF1() : state.bestMacroF1(),
                    state.trainImages());
            try {
                listener.onEpochEvaluated(event);
                saveModels(isBest);
                Checkpoint.save(session.runFolder, session.models, finished);
            } catch (IOException | UncheckedIOException e) {
                throw OutputFolderException.atSave(epoch, state.epoch(), session.runFolder, options, e);
            }
            state = finished;
            LOG.info(String.format(Locale.ROOT,
                    "epoch %d done: accuracy %.4f, macro F1 %.4f, weighted F1 %.4f, Frechet %.2f, %.1f s, "
                            + "%.0f images/s%s", epoch, metrics.accuracy(), metrics.macroF1(), metrics.weightedF1(),
                    metrics.frechetDistance(), seconds, metrics.imagesPerSecond(), isBest ? " (best so far)" : ""));
            double floor = QualityWarnings.discriminatorLossFloor(session.config.realTarget(),
                    session.config.fakeTarget());
            for (String warning : QualityWarnings.warnings(metrics, baseline, floor)) {
                LOG.warn("epoch {}: {}", epoch, warning);
                listener.onStatus("warning: " + warning);
            }
            listener.onEpochEnd(event);
        }

        private void saveModels(boolean isBest) throws IOException {
            ModelFiles.save(session.models.sampler(), session.runFolder.resolve(ModelKind.GENERATOR.fileName()),
                    false);
            ModelFiles.save(session.models.discriminator(),
                    session.runFolder.resolve(ModelKind.DISCRIMINATOR.fileName()), false);
            if (isBest) {
                ModelFiles.save(session.models.sampler(), session.runFolder.resolve(BEST_GENERATOR_FILE), false);
            }
        }

        private SampleEvent grid(int epoch, long globalStep, boolean epochEnd) {
            INDArray images = generator.generate(gridLabels, gridNoise);
            return new SampleEvent(epoch, globalStep, images.data().asFloat(), Mnist.CLASSES, GRID_COLUMNS, epochEnd);
        }

        private void evaluateMidEpoch(int epoch, long globalStep) {
            int every = options.evaluateEverySteps();
            if (every <= 0 || globalStep % every != 0) {
                return;
            }
            GeneratorScore score = judge();
            listener.onSamples(grid(epoch, globalStep, false));
            long now = System.nanoTime();
            listener.onEvaluation(new EvaluationEvent(epoch, globalStep, (now - sessionStarted - judgingNanos) / 1e9,
                    (now - sessionStarted) / 1e9, score.metrics().accuracy(), score.metrics().macroF1(),
                    score.frechetDistance(), score.variety()));
        }

        /**
         * The judge's verdict on the generator. Its time is kept apart: a measurement, not training,
         * so the training time of a judgement is everything else since the session began (steps,
         * checks, grids, saves and checkpoints).
         */
        private GeneratorScore judge() {
            long started = System.nanoTime();
            GeneratorScore score = evaluator.evaluate(generator);
            judgingNanos += System.nanoTime() - started;
            return score;
        }

        private void liveSamples(int epoch, long globalStep) {
            if (options.liveSamplesMillis() <= 0) {
                return;
            }
            long now = System.nanoTime();
            if ((now - lastLiveSamples) / 1_000_000 >= options.liveSamplesMillis()) {
                listener.onSamples(grid(epoch, globalStep, false));
                lastLiveSamples = System.nanoTime();
            }
        }

        /** One line per interval, every figure a mean over the steps since the last line. */
        private void logProgress(StepEvent event) {
            int every = options.logEverySteps();
            if (every <= 0 || (event.stepInEpoch() % every != 0 && event.stepInEpoch() != event.stepsPerEpoch())) {
                return;
            }
            PROGRESS.info(String.format(Locale.ROOT,
                    "epoch %d/%d step %d/%d | D %.4f G %.4f | D(x) %.3f D(G(z)) %.3f | %.0f ms/step",
                    event.epoch(), event.epochs(), event.stepInEpoch(), event.stepsPerEpoch(),
                    interval.meanDiscriminatorLoss(), interval.meanGeneratorLoss(), interval.meanRealScore(),
                    interval.meanFakeScore(), interval.millis / interval.count));
            interval = new EpochTotals();
        }

        private RunSummary summary(RunSummary.Outcome outcome) {
            return new RunSummary(session.runFolder, outcome, state.epoch(), state.step(), last, state.bestEpoch(),
                    state.bestMacroF1(), judgeAccuracy);
        }
    }

    /** Running sums of one epoch's step figures. */
    private static final class EpochTotals {
        private double discriminatorLoss;
        private double generatorLoss;
        private double realScore;
        private double fakeScore;
        private int count;
        private int scored;
        private double millis;
        private long steps;

        void add(StepResult result, double stepMillis) {
            discriminatorLoss += result.discriminatorLoss();
            generatorLoss += result.generatorLoss();
            count++;
            if (!Double.isNaN(result.realScore())) {
                realScore += result.realScore();
                fakeScore += result.fakeScore();
                scored++;
            }
            millis += stepMillis;
        }

        double meanDiscriminatorLoss() {
            return count == 0 ? Double.NaN : discriminatorLoss / count;
        }

        double meanGeneratorLoss() {
            return count == 0 ? Double.NaN : generatorLoss / count;
        }

        double meanRealScore() {
            return scored == 0 ? Double.NaN : realScore / scored;
        }

        double meanFakeScore() {
            return scored == 0 ? Double.NaN : fakeScore / scored;
        }
    }
}
