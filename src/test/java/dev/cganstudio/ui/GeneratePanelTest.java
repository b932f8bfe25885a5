package dev.cganstudio.ui;

import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.model.Preset;
import dev.cganstudio.training.GanModels;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads a generator through the Models menu, draws digits with the label buttons, and checks
 * that damaged or wrong files are refused with a dialog while the loaded generator stays.
 */
@ExtendWith(ApplicationExtension.class)
class GeneratePanelTest {

    private static final int DIGIT_PIXELS = 784;

    @TempDir
    static Path temporary;
    private static StudioHarness harness;
    private static Path generatorFile;
    private static Path discriminatorFile;
    private static Path damagedFile;

    @BeforeAll
    static void writeModels() throws IOException {
        harness = new StudioHarness(temporary);
        GanModels models = GanModels.create(Preset.FAST.config(), 7);
        generatorFile = temporary.resolve("generator.zip");
        discriminatorFile = temporary.resolve("discriminator.zip");
        ModelFiles.save(models.generator(), generatorFile, false);
        ModelFiles.save(models.discriminator(), discriminatorFile, false);
        byte[] garbage = new byte[4096];
        new SplittableRandom(1).nextBytes(garbage);
        damagedFile = Files.write(temporary.resolve("damaged.zip"), garbage);
    }

    @Start
    void start(Stage stage) {
        harness.show(stage);
    }

    @Test
    void digitButtonsDrawFreshDigitsAndASeedRepeatsThem(FxRobot robot) {
        loadGenerator(robot, generatorFile);
        robot.clickOn("Generate");

        float[] first = click(robot, 3);
        float[] second = click(robot, 3);

        assertEquals(GenerateModel.COUNT * DIGIT_PIXELS, first.length);
        assertFalse(Arrays.equals(first, second), "each click draws new noise");
        assertNotNull(robot.lookup("#generated-row").queryAs(ImageView.class).getImage());
        String caption = robot.lookup("#generate-caption").queryLabeled().getText();
        assertTrue(caption.startsWith("Ten 3s from the generator loaded from generator.zip"), caption);
        System.out.printf("figure: click on a digit button to its images shown: %.0f ms%n",
                harness.studio.generate().lastMillisProperty().get());

        robot.clickOn("#generate-seed").write("123");
        float[] seeded = click(robot, 5);
        float[] again = click(robot, 5);
        assertArrayEquals(seeded, again, "the same seed and label give the same digits");
        assertFalse(Arrays.equals(seeded, click(robot, 6)), "another label, other digits");
    }

    @Test
    void damagedOrWrongFilesAreRefusedAndTheGeneratorStays(FxRobot robot) {
        loadGenerator(robot, generatorFile);
        ComputationGraph loaded = harness.studio.shelf().generatorProperty().get();

        harness.dialogs.answer(damagedFile);
        robot.clickOn("Models").clickOn("Load generator…");
        DialogPane refusal = awaitRefusal(robot);
        assertEquals("Not loaded: the generator stays as it was", refusal.getHeaderText());
        assertTrue(refusal.getContentText().contains("damaged.zip") && refusal.getContentText().contains("zip"),
                refusal.getContentText());
        assertNotNull(refusal.getExpandableContent(), "the stack trace is in the expandable details");
        StudioHarness.closeErrorDialogs(robot);

        harness.dialogs.answer(discriminatorFile);
        robot.clickOn("Models").clickOn("Load generator…");
        refusal = awaitRefusal(robot);
        assertTrue(refusal.getContentText().contains("expected a ComputationGraph with inputs [noise, label]"),
                refusal.getContentText());
        StudioHarness.closeErrorDialogs(robot);

        assertSame(loaded, harness.studio.shelf().generatorProperty().get(), "the loaded generator stays");
        robot.clickOn("Generate");
        assertEquals(GenerateModel.COUNT * DIGIT_PIXELS, click(robot, 1).length, "and still draws");
    }

    @Test
    void theCurrentGeneratorSavesToAFileThatLoads(FxRobot robot) throws IOException {
        loadGenerator(robot, generatorFile);
        Path saved = temporary.resolve("saved").resolve("copy.zip");
        harness.dialogs.answer(saved);

        robot.clickOn("Models").clickOn("Save generator…");

        StudioHarness.waitFor(30, "the saved file", () -> Files.isRegularFile(saved));
        StudioHarness.waitFor(30, "the status line", () -> harness.studio.status().messageProperty().get()
                .startsWith("Saved the generator"));
        ModelFiles.loadGenerator(saved, false);
        try (var leftovers = Files.list(saved.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file is left beside it");
        }
    }

    private static void loadGenerator(FxRobot robot, Path file) {
        harness.dialogs.answer(file);
        robot.clickOn("Models").clickOn("Load generator…");
        StudioHarness.waitFor(60, "the generator to load",
                () -> harness.studio.shelf().generatorProperty().get() != null);
    }

    private static DialogPane awaitRefusal(FxRobot robot) {
        StudioHarness.waitFor(60, "the refusal dialog", () -> StudioHarness.errorDialog(robot).isPresent());
        return StudioHarness.errorDialog(robot).orElseThrow();
    }

    /** Clicks a digit button and returns the pixels of the row it brought. */
    private static float[] click(FxRobot robot, int label) {
        float[] before = harness.studio.generate().pixelsProperty().get();
        robot.clickOn("#digit-" + label);
        StudioHarness.waitFor(60, "digits of " + label, () -> !harness.studio.generate().busyProperty().get()
                && harness.studio.generate().pixelsProperty().get() != before);
        return harness.studio.generate().pixelsProperty().get();
    }
}
