package dev.cganstudio.ui;

import dev.cganstudio.testing.SyntheticMnist;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds a real studio on tiny synthetic MNIST in temporary folders, and helps tests wait on it. */
final class StudioHarness {

    /** Synthetic digits written per split; a dry run trains on the first 256. */
    static final int TRAIN_DIGITS = 300;
    static final int TEST_DIGITS = 200;

    final Path data;
    final Path output;
    final Path cache;
    final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    Studio studio;

    StudioHarness(Path temporary) throws IOException {
        data = SyntheticMnist.writeFolder(Files.createDirectories(temporary.resolve("mnist")), TRAIN_DIGITS,
                TEST_DIGITS);
        output = Files.createDirectories(temporary.resolve("output"));
        cache = Files.createDirectories(temporary.resolve("cache"));
    }

    /** Puts a new studio in the stage and shows it; called on the FX thread by TestFX's {@code @Start}. */
    void show(Stage stage) {
        StudioSettings settings = new StudioSettings(data, output, cache, 300, true);
        studio = new Studio(settings, stage, dialogs);
        stage.setScene(new Scene(studio.root(), StudioApp.WIDTH, StudioApp.HEIGHT));
        stage.show();
    }

    /** Waits until the condition holds, failing the test after {@code seconds}. */
    static void waitFor(int seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for " + what, e);
        }
    }

    /** The error dialog showing, if any. */
    static Optional<DialogPane> errorDialog(FxRobot robot) {
        return robot.lookup("." + ErrorDialogs.STYLE_CLASS).tryQueryAs(DialogPane.class);
    }

    /** Closes every error dialog. */
    static void closeErrorDialogs(FxRobot robot) {
        robot.interact(() -> {
            for (Window window : Window.getWindows().toArray(Window[]::new)) {
                Node root = window.getScene() == null ? null : window.getScene().getRoot();
                if (root != null && root.getStyleClass().contains(ErrorDialogs.STYLE_CLASS)) {
                    window.hide();
                }
            }
        });
    }
}
