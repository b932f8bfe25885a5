package dev.cganstudio.cli;

import dev.cganstudio.data.IdxReader;
import dev.cganstudio.data.MnistSplit;
import dev.cganstudio.evaluation.Judge;
import dev.cganstudio.evaluation.JudgeStore;
import dev.cganstudio.model.JudgeNetwork;
import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.report.MetricsCsv;
import dev.cganstudio.report.SampleGrid;
import dev.cganstudio.testing.SyntheticMnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real command line, end to end, on synthetic MNIST-format data. */
class CommandLineTest {

    @TempDir
    static Path work;
    static Path data;
    static Path run;

    @BeforeAll
    static void dryRun() throws IOException {
        data = SyntheticMnist.writeFolder(Files.createDirectories(work.resolve("mnist")), 512, 200);
        Result result = cgan("train", "--dry-run", "--data", data.toString(), "--output", work.resolve("output")
                .toString(), "--cache", work.resolve("cache").toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, result.code, result.err);
        try (Stream<Path> runs = Files.list(work.resolve("output"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void dryRunWritesEveryArtefactOfARealRun() throws IOException {
        for (String file : List.of("samples/epoch_001.png", "metrics.csv", "metrics.png", "losses.png",
                "generator.zip", "discriminator.zip", "judge.zip", "checkpoint/state.json")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file + " written");
        }
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(2, csv.size(), "header and one epoch row");
        assertTrue(csv.get(1).startsWith("1,8,"), "epoch 1 after 8 steps (256 digits, batch 32): " + csv.get(1));
        BufferedImage grid = ImageIO.read(run.resolve("samples/epoch_001.png").toFile());
        assertEquals(SampleGrid.width(10), grid.getWidth());
        assertEquals(SampleGrid.height(10), grid.getHeight());
    }

    @Test
    void generateWritesAGridOfTheChosenLabelAndAnIdxPairThatReadsBack() throws IOException {
        Path png = work.resolve("sevens.png");
        Result result = cgan("generate", "--generator", run.toString(), "--label", "7", "--count", "5",
                "--output", png.toString());
        assertEquals(ExitCodes.OK, result.code, result.err);
        BufferedImage grid = ImageIO.read(png.toFile());
        assertEquals(SampleGrid.width(5), grid.getWidth());
        assertEquals(SampleGrid.height(1), grid.getHeight());

        Path stem = work.resolve("set");
        result = cgan("generate", "--generator", run.resolve("generator.zip").toString(), "--labels", "3,4",
                "--count", "6", "--format", "idx", "--output", stem.toString());
        assertEquals(ExitCodes.OK, result.code, result.err);
        byte[] labels = IdxReader.readLabels(work.resolve("set-labels-idx1-ubyte"));
        assertArrayEquals(new byte[] {3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4}, labels);
        assertEquals(12 * 784, IdxReader.readImages(work.resolve("set-images-idx3-ubyte")).length);
    }

    @Test
    void badOptionsNameTheOptionAndTheValue() {
        Result epochs = cgan("train", "--epochs", "0");
        assertEquals(ExitCodes.USAGE, epochs.code);
        assertTrue(epochs.err.contains("--epochs") && epochs.err.contains("'0'"), epochs.err);

        Result preset = cgan("train", "--preset", "huge");
        assertEquals(ExitCodes.USAGE, preset.code);
        assertTrue(preset.err.contains("--preset") && preset.err.contains("huge") && preset.err.contains("seed"),
                preset.err);

        Result label = cgan("generate", "--generator", run.toString(), "--label", "12");
        assertEquals(ExitCodes.USAGE, label.code);
        assertTrue(label.err.contains("--label") && label.err.contains("'12'"), label.err);

        Result number = cgan("train", "--batch", "lots");
        assertEquals(ExitCodes.USAGE, number.code);
        assertTrue(number.err.contains("--batch") && number.err.contains("lots"), number.err);
    }

    @Test
    void valuesThatCannotWorkAreRefusedBeforeAnyWorkIsDone() throws IOException {
        assertRefused(ExitCodes.USAGE, List.of("--threads", "'1000'", "cores"), "train", "--threads", "1000");
        assertRefused(ExitCodes.USAGE, List.of("--set", "name"), "train", "--set", "name=x/../../y");
        assertRefused(ExitCodes.USAGE, List.of("--set", "realTarget", "-1"), "train", "--set", "realTarget=-1");
        assertRefused(ExitCodes.USAGE, List.of("--set", "latentSize", "0"), "train", "--set", "latentSize=0");
        assertRefused(ExitCodes.USAGE, List.of("--target", "'2.0'"), "bench", "--time-to-quality", "--target", "2");
        assertRefused(ExitCodes.USAGE, List.of("--evaluate-every", "'0'"), "bench", "--time-to-quality",
                "--evaluate-every", "0");
        assertRefused(ExitCodes.USAGE, List.of("--budget-minutes"), "bench", "--time-to-quality",
                "--budget-minutes", "-3");
        assertRefused(ExitCodes.USAGE, List.of("--preset", "''"), "bench", "--preset", "fast,,seed");
        assertRefused(ExitCodes.USAGE, List.of("--keep-going", "--time-to-quality"), "bench", "--keep-going");
        assertRefused(ExitCodes.USAGE, List.of("--count", "'101'", "idx"), "generate", "--generator",
                run.toString(), "--count", "101");
        assertRefused(ExitCodes.USAGE, List.of("--resume", "checkpoint"), "train", "--resume",
                work.resolve("mnist").toString());
        assertRefused(ExitCodes.USAGE, List.of("--preset", "--resume"), "train", "--resume", run.toString(),
                "--preset", "seed");
        assertRefused(ExitCodes.USAGE, List.of("--epochs", "'0'"), "train", "--resume", run.toString(),
                "--epochs", "0");
        Path damaged = work.resolve("damaged.png");
        byte[] png = Files.readAllBytes(run.resolve("samples/epoch_001.png"));
        Files.write(damaged, java.util.Arrays.copyOf(png, png.length / 2));
        assertRefused(ExitCodes.USAGE, List.of("IMAGE", damaged.toString()), "classify", damaged.toString());
    }

    @Test
    void aResumedRunKeepsTheJudgeItBeganWithThoughAnotherIsStored() throws IOException {
        Path output = work.resolve("own-judge");
        Result first = cgan("train", "--dry-run", "--data", data.toString(), "--output", output.toString(),
                "--cache", work.resolve("cache-own-first").toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, first.code, first.err);
        Path resumed;
        try (Stream<Path> runs = Files.list(output)) {
            resumed = runs.findFirst().orElseThrow();
        }
        INDArray ownParameters = ModelFiles.loadJudge(resumed.resolve("judge.zip")).params().dup();
        Path otherCache = work.resolve("cache-own-other");
        new JudgeStore(otherCache.resolve("judge")).save(new JudgeStore.StoredJudge(
                new Judge(JudgeNetwork.create(99, 8)), 0.995, 1));

        Result second = cgan("train", "--resume", resumed.toString(), "--dry-run", "--epochs", "2", "--data",
                data.toString(), "--cache", otherCache.toString(), "--threads", "2");

        assertEquals(ExitCodes.OK, second.code, second.err);
        assertEquals(ownParameters, ModelFiles.loadJudge(resumed.resolve("judge.zip")).params(),
                "the run folder still holds the judge it began with");
        assertEquals(2, MetricsCsv.inRunFolder(resumed).read().size());
    }

    @Test
    void anEmptyTrainingSetIsADataErrorFoundBeforeTheJudgeTrains() throws IOException {
        Path empty = SyntheticMnist.writeFolder(Files.createDirectories(work.resolve("empty")), 0, 20);

        Result result = cgan("train", "--dry-run", "--data", empty.toString(), "--output",
                work.resolve("never").toString(), "--cache", work.resolve("cache-empty").toString());

        assertEquals(ExitCodes.DATA, result.code, result.err);
        assertTrue(result.err.contains("found 0 training and 20 test digits"), result.err);
        assertTrue(Files.notExists(work.resolve("cache-empty").resolve("judge")), "no judge was trained");
    }

    @Test
    void aGeneratedPictureThatCannotBeWrittenEndsWithTheOutputExitCode() throws IOException {
        Path unwritable = Files.writeString(work.resolve("a-file"), "not a folder").resolve("digits.png");
        Result result = cgan("generate", "--generator", run.toString(), "--output", unwritable.toString());
        assertEquals(ExitCodes.OUTPUT, result.code, result.err);
        assertTrue(result.err.contains(unwritable.toString()) && result.err.contains("--output"), result.err);

        Result folder = cgan("generate", "--generator", run.toString(), "--output", work.toString());
        assertEquals(ExitCodes.USAGE, folder.code, folder.err);
        assertTrue(folder.err.contains("expected a file name, found the folder"), folder.err);
    }

    @Test
    void aDryRunResumedWithoutDryRunIsToldToAddIt() throws IOException {
        Path full = SyntheticMnist.writeFolder(Files.createDirectories(work.resolve("bigger")), 600, 200);
        Result result = cgan("train", "--resume", run.toString(), "--epochs", "2", "--data", full.toString(),
                "--cache", work.resolve("cache-bigger").toString(), "--threads", "2");
        assertEquals(ExitCodes.USAGE, result.code, result.err);
        assertTrue(result.err.contains("resume it with --dry-run"), result.err);
    }

    private static void assertRefused(int code, List<String> mentions, String... args) {
        Result result = cgan(args);
        assertEquals(code, result.code, String.join(" ", args) + ": " + result.err);
        for (String mention : mentions) {
            assertTrue(result.err.contains(mention), String.join(" ", args) + " should mention " + mention + ": "
                    + result.err);
        }
    }

    @Test
    void aTruncatedMnistFileEndsWithAMessageNamingItAndTheDataExitCode() throws IOException {
        Path broken = SyntheticMnist.writeFolder(Files.createDirectories(work.resolve("broken")), 64, 20);
        Path images = broken.resolve(MnistSplit.TRAIN.imagesFile());
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        Result result = cgan("train", "--dry-run", "--data", broken.toString(), "--output",
                work.resolve("never").toString(), "--cache", work.resolve("cache").toString());
        assertEquals(ExitCodes.DATA, result.code, result.err);
        assertTrue(result.err.contains(images.toString()) && result.err.contains("expected"), result.err);
    }

    @Test
    void aJudgeOfferedAsGeneratorIsRefusedWithTheModelFileExitCode() {
        Result result = cgan("generate", "--generator", run.resolve("judge.zip").toString());
        assertEquals(ExitCodes.MODEL_FILE, result.code, result.err);
        assertTrue(result.err.contains("judge.zip") && result.err.contains("expected"), result.err);
    }

    @Test
    void benchTimesStepsAndCountsTheirWork() {
        Result result = cgan("bench", "--preset", "fast", "--batch", "8", "--warmup", "1", "--steps", "2",
                "--threads", "2");
        assertEquals(ExitCodes.OK, result.code, result.err);
        assertTrue(result.out.contains("fp32 peak") && result.out.contains("sgemm"), result.out);
        String row = result.out.lines().filter(line -> line.startsWith("fast ")).findFirst().orElseThrow();
        String[] fields = row.trim().split("\\s+");
        assertEquals("8", fields[1]);
        double stepGflop = Double.parseDouble(fields[5]);
        assertEquals(2.0 * dev.cganstudio.model.ComputeCost.stepMacs(
                dev.cganstudio.model.Preset.FAST.config(), 8) / 1e9, stepGflop, 0.005);
    }

    @Test
    void timeToQualityLogsEachJudgementAndKeepsTheGridOfTheMomentTheTargetIsMet() throws IOException {
        Path output = work.resolve("quality");
        Result result = cgan("bench", "--time-to-quality", "--data", data.toString(), "--output", output.toString(),
                "--cache", work.resolve("cache").toString(), "--evaluate-every", "4", "--target", "0.0",
                "--budget-minutes", "2", "--threads", "2");
        assertEquals(ExitCodes.OK, result.code, result.err);
        assertTrue(result.out.contains("target met at step 4"), result.out);
        Path run;
        try (Stream<Path> runs = Files.list(output)) {
            run = runs.findFirst().orElseThrow();
        }
        List<String> rows = Files.readAllLines(run.resolve(TimeToQuality.CSV_FILE));
        assertEquals("step,training_seconds,wall_seconds,accuracy,macro_f1,frechet,variety_mean,variety_min",
                rows.get(0));
        assertTrue(rows.get(1).startsWith("4,"), rows.get(1));
        assertTrue(Files.isRegularFile(run.resolve("samples").resolve(TimeToQuality.GRID_FILE)));
    }

    @Test
    void classifyShowsTenProbabilitiesForADigitAndSaysNoDigitForABlankPicture() throws IOException {
        BufferedImage one = new BufferedImage(60, 90, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D pen = one.createGraphics();
        pen.setColor(java.awt.Color.WHITE);
        pen.fillRect(0, 0, 60, 90);
        pen.setColor(java.awt.Color.BLACK);
        pen.fillRect(27, 10, 7, 70);
        pen.dispose();
        Path picture = work.resolve("one.png");
        ImageIO.write(one, "png", picture.toFile());
        Result result = cgan("classify", picture.toString(), "--data", data.toString(), "--cache",
                work.resolve("cache").toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, result.code, result.err);
        long rows = result.out.lines().filter(line -> line.matches("\\d  [01]\\.\\d{4}.*")).count();
        assertEquals(10, rows, result.out);
        assertTrue(result.out.contains("the judge reads"), result.out);

        BufferedImage blank = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Path empty = work.resolve("blank.png");
        ImageIO.write(blank, "png", empty.toFile());
        Result nothing = cgan("classify", empty.toString(), "--cache", work.resolve("cache").toString());
        assertEquals(ExitCodes.OK, nothing.code, nothing.err);
        assertTrue(nothing.out.contains("no digit"), nothing.out);

        Result text = cgan("classify", work.resolve("mnist").resolve("train-labels-idx1-ubyte").toString());
        assertEquals(ExitCodes.USAGE, text.code);
        assertTrue(text.err.contains("IMAGE") && text.err.contains("no image reader"), text.err);
    }

    private static Result cgan(String... args) {
        CommandLine commandLine = CganCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
