package dev.cganstudio.ui;

import dev.cganstudio.model.ModelFiles;
import dev.cganstudio.model.ModelKind;
import dev.cganstudio.report.MetricsCsv;
import dev.cganstudio.training.Checkpoint;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the training panel on a real engine and tiny synthetic MNIST: start, watch the charts
 * and grid fill, pause, stop, check the files, save the checkpoint elsewhere, load that copy and
 * resume it to the end; and a failing start.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingPanelTest {

    /** Epochs asked for: the run is stopped after the first and resumed to the last. */
    private static final int EPOCHS = 3;
    /** A dry run caps the batch at 32; 16 gives 16 steps an epoch on its 256 digits. */
    private static final int BATCH = 16;
    /** Long enough for several steps, even on a busy machine, and for the UI to collect them. */
    private static final long STEADY_MILLIS = 1500;
    /**
     * Longest the FX thread may go without a frame while training. Training on the FX thread
     * would freeze it for whole epochs (ten seconds and more here); a shared, busy machine with
     * software rendering alone has been seen to delay frames by up to 1.5 s.
     */
    private static final double STALL_LIMIT_MILLIS = 5000;

    @TempDir
    static Path temporary;
    private static StudioHarness harness;

    @BeforeAll
    static void writeData() throws IOException {
        harness = new StudioHarness(temporary);
    }

    @Start
    void start(Stage stage) {
        harness.show(stage);
    }

    @Test
    void startWatchPauseStopThenResumeToTheEnd(FxRobot robot) throws Exception {
        TrainingModel training = harness.studio.training();
        robot.interact(() -> {
            training.epochsProperty().set(EPOCHS);
            training.batchSizeProperty().set(BATCH);
        });
        robot.clickOn("#start");

        StudioHarness.waitFor(120, "loss points and a sample grid",
                () -> training.discriminatorLoss().series().getData().size() > 0
                        && robot.lookup("#sample-grid").queryAs(ImageView.class).getImage() != null);
        StudioHarness.waitFor(120, "the first epoch's checkpoint", () -> training.runFolderProperty().get() != null
                && Checkpoint.exists(training.runFolderProperty().get()));
        Path run = training.runFolderProperty().get();
        StudioHarness.waitFor(60, "a point on the epoch chart",
                () -> training.accuracy().series().getData().size() > 0);

        robot.clickOn("#pause");
        StudioHarness.waitFor(10, "the pause", () -> training.phaseProperty().get() == TrainingModel.Phase.PAUSED);
        // The step under way when Pause was clicked still finishes; work asked for between steps
        // runs once it has, and from then on no step is taken.
        WaitForAsyncUtils.asyncFx(() -> harness.studio.shelf().generatorForUse()).get(10, TimeUnit.SECONDS)
                .get(120, TimeUnit.SECONDS);
        Thread.sleep(STEADY_MILLIS);
        long pausedAt = training.discriminatorLoss().size();
        Thread.sleep(STEADY_MILLIS);
        assertEquals(pausedAt, training.discriminatorLoss().size(), "no step is taken while paused");

        robot.clickOn("#stop");
        StudioHarness.waitFor(60, "the stop", () -> training.phaseProperty().get() == TrainingModel.Phase.IDLE);
        assertEquals(pausedAt, training.discriminatorLoss().size(), "a stop while paused takes no further step");
        assertTrue(harness.studio.status().messageProperty().get().startsWith("Stopped"),
                harness.studio.status().messageProperty().get());
        int finished = Checkpoint.readState(run).epoch();
        assertTrue(finished >= 1 && finished < EPOCHS, "stopped after epoch " + finished);
        assertRunFilesComplete(run, finished);
        assertNotNull(harness.studio.shelf().generatorProperty().get(), "the stopped run's generator stays");
        assertTrue(training.longestStallMillisProperty().get() < STALL_LIMIT_MILLIS,
                "longest FX stall " + training.longestStallMillisProperty().get() + " ms");
        System.out.printf("figure: longest FX-thread stall while training (Monocle, dry run): %.0f ms%n",
                training.longestStallMillisProperty().get());

        StudioHarness.waitFor(10, "the run offered for resuming", () -> training.resumePointProperty().get() != null);

        Path copy = temporary.resolve("saved-run");
        harness.dialogs.answer(copy);
        robot.clickOn("Models").clickOn("Save checkpoint…");
        StudioHarness.waitFor(30, "the saved checkpoint", () -> Files.isDirectory(copy));
        assertRunFilesComplete(copy, finished);
        harness.dialogs.answer(copy);
        robot.clickOn("Models").clickOn("Load checkpoint…");
        StudioHarness.waitFor(60, "the loaded checkpoint", () -> training.resumePointProperty().get() != null
                && training.resumePointProperty().get().runFolder().equals(copy));

        robot.clickOn("#start");
        StudioHarness.waitFor(180, "the resumed copy's end", () -> training.phaseProperty().get()
                == TrainingModel.Phase.IDLE && Checkpoint.readState(copy).epoch() == EPOCHS);
        assertRunFilesComplete(copy, EPOCHS);
        assertEquals(finished, Checkpoint.readState(run).epoch(), "the original run is left as it was");
        assertEquals(EPOCHS, training.accuracy().size(), "one epoch-chart point per epoch, none repeated");
    }

    @Test
    void aFailedStartIsShownAsADialogWithTheStackTraceInItsDetails(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(temporary.resolve("empty"));
        robot.interact(() -> robot.lookup("#data-folder").queryAs(TextField.class).setText(empty.toString()));

        robot.clickOn("#start");

        StudioHarness.waitFor(60, "the error dialog", () -> StudioHarness.errorDialog(robot).isPresent());
        DialogPane dialog = StudioHarness.errorDialog(robot).orElseThrow();
        assertEquals("Training stopped with an error", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains(empty.toString()), dialog.getContentText());
        assertNotNull(dialog.getExpandableContent(), "the stack trace is in the expandable details");
        assertTrue(robot.lookup(".details-button").tryQuery().isPresent(), "a Show Details button");
        assertEquals(TrainingModel.Phase.IDLE, harness.studio.training().phaseProperty().get());
        StudioHarness.closeErrorDialogs(robot);
    }

    private static void assertRunFilesComplete(Path run, int epochs) throws IOException {
        ModelFiles.loadGenerator(run.resolve(ModelKind.GENERATOR.fileName()), false);
        ModelFiles.loadDiscriminator(run.resolve(ModelKind.DISCRIMINATOR.fileName()), false);
        ModelFiles.loadJudge(run.resolve(ModelKind.JUDGE.fileName()));
        assertEquals(epochs, Checkpoint.readState(run).epoch());
        assertEquals(epochs, MetricsCsv.inRunFolder(run).read().size(), "one CSV row per finished epoch");
        try (Stream<Path> files = Files.walk(run)) {
            List<Path> leftovers = files.filter(path -> path.getFileName().toString().endsWith(".tmp")
                    || path.getFileName().toString().endsWith(".partial")).toList();
            assertTrue(leftovers.isEmpty(), "no half-written files: " + leftovers);
        }
    }
}
