package dev.cganstudio.training;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.model.DigitGenerator;
import dev.cganstudio.model.GanConfig;
import dev.cganstudio.model.Labels;
import dev.cganstudio.model.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.SplittableRandom;

/**
 * One training step of the conditional GAN, as the reference does it: the discriminator on a
 * batch of real digits and a batch of generated digits with random labels, then the generator,
 * on fresh noise and labels, through the discriminator without changing it.
 */
final class GanStep {

    private final GanModels models;
    private final GanConfig config;
    private final long seed;
    private final INDArray discriminatorTargets;
    private final INDArray generatorTargets;

    GanStep(GanModels models, long seed, int batchSize) {
        this.models = models;
        this.config = models.config();
        this.seed = seed;
        this.discriminatorTargets = Nd4j.concat(0,
                Nd4j.valueArrayOf(new long[] {batchSize, 1}, config.realTarget()),
                Nd4j.valueArrayOf(new long[] {batchSize, 1}, config.fakeTarget()));
        this.generatorTargets = Nd4j.ones(batchSize, 1);
    }

    /**
     * Runs step {@code step} (1-based, global) on a batch of real images [b, 1, 28, 28] and their
     * one-hot labels. Noise, fake labels and dropout masks depend only on the seed and the step.
     *
     * @param measureScores whether to measure mean D(x) and D(G(z)), which costs a forward pass
     */
    StepResult run(long step, INDArray realImages, INDArray realLabels, boolean measureScores) {
        int batch = (int) realImages.size(0);
        long stepSeed = Seeds.derive(seed, Seeds.STEP, step);
        SplittableRandom random = new SplittableRandom(stepSeed);
        Nd4j.getRandom().setSeed(stepSeed);

        INDArray fakeLabels = Labels.oneHot(randomLabels(random, batch));
        // In training mode batch normalisation uses the batch's statistics, as in the generator's
        // own step below; the running averages it would use otherwise lag behind the weights, so
        // the discriminator would learn to spot fakes the generator is never trained to improve.
        INDArray fakeImages = models.generator().outputSingle(config.fakesInTrainingMode(),
                DigitGenerator.gaussian(batch, config.latentSize(), random), fakeLabels);
        INDArray images = Nd4j.concat(0, realImages, fakeImages);
        INDArray labels = Nd4j.concat(0, realLabels, fakeLabels);

        double realScore = Double.NaN;
        double fakeScore = Double.NaN;
        if (measureScores) {
            INDArray verdicts = models.discriminator().output(false, images, labels)[0];
            realScore = verdicts.get(interval(0, batch)).meanNumber().doubleValue();
            fakeScore = verdicts.get(interval(batch, 2 * batch)).meanNumber().doubleValue();
        }

        models.discriminator().fit(discriminatorBatch(images, labels, batch));
        double discriminatorLoss = models.discriminator().score();
        models.copyDiscriminatorIntoCombined();

        INDArray noise = DigitGenerator.gaussian(batch, config.latentSize(), random);
        INDArray generatorLabels = Labels.oneHot(randomLabels(random, batch));
        INDArray[] generatorWants = config.auxiliaryClassifier()
                ? new INDArray[] {generatorTargets(batch), generatorLabels}
                : new INDArray[] {generatorTargets(batch)};
        models.combined().fit(new MultiDataSet(new INDArray[] {noise, generatorLabels}, generatorWants));
        double generatorLoss = models.combined().score();
        models.copyGeneratorFromCombined();
        models.updateAverage(step);

        return new StepResult(discriminatorLoss, generatorLoss, realScore, fakeScore);
    }

    /**
     * The discriminator's batch: real then fake images with their labels, verdict targets, and
     * with an auxiliary classifier the digit targets, masked so that only real digits teach it to
     * name digits (a fake the classifier learns to name would reward the generator for less).
     */
    private MultiDataSet discriminatorBatch(INDArray images, INDArray labels, int batch) {
        INDArray[] features = {images, labels};
        if (!config.auxiliaryClassifier()) {
            return new MultiDataSet(features, new INDArray[] {targets(batch)});
        }
        INDArray realOnly = Nd4j.concat(0, Nd4j.ones(batch, 1), Nd4j.zeros(batch, 1));
        return new MultiDataSet(features, new INDArray[] {targets(batch), labels}, null,
                new INDArray[] {null, realOnly});
    }

    private INDArray targets(int batch) {
        if (discriminatorTargets.size(0) == 2L * batch) {
            return discriminatorTargets;
        }
        return Nd4j.concat(0, Nd4j.valueArrayOf(new long[] {batch, 1}, config.realTarget()),
                Nd4j.valueArrayOf(new long[] {batch, 1}, config.fakeTarget()));
    }

    private INDArray generatorTargets(int batch) {
        return generatorTargets.size(0) == batch ? generatorTargets : Nd4j.ones(batch, 1);
    }

    private static int[] randomLabels(SplittableRandom random, int count) {
        int[] labels = new int[count];
        for (int index = 0; index < count; index++) {
            labels[index] = random.nextInt(Mnist.CLASSES);
        }
        return labels;
    }

    private static INDArrayIndex interval(int from, int to) {
        return NDArrayIndex.interval(from, to);
    }
}
