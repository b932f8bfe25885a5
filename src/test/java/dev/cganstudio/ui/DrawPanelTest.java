package dev.cganstudio.ui;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.evaluation.DigitPreprocessor;
import dev.cganstudio.model.JudgeNetwork;
import dev.cganstudio.model.ModelFiles;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Draws on the canvas with the mouse and checks the judge's input and the prediction shown. */
@ExtendWith(ApplicationExtension.class)
class DrawPanelTest {

    /** A pixel brighter than this counts as ink when measuring the judge's input. */
    private static final float VISIBLE = 0.02f;

    @TempDir
    static Path temporary;
    private static StudioHarness harness;
    private static Path judgeFile;

    @BeforeAll
    static void writeJudge() throws IOException {
        harness = new StudioHarness(temporary);
        judgeFile = temporary.resolve("judge.zip");
        ModelFiles.save(JudgeNetwork.create(3, 1), judgeFile, false);
    }

    @Start
    void start(Stage stage) {
        harness.show(stage);
    }

    @Test
    void strokesBecomeACentredMnistDigitAndAPrediction(FxRobot robot) {
        harness.dialogs.answer(judgeFile);
        robot.clickOn("Models").clickOn("Load judge…");
        StudioHarness.waitFor(60, "the judge", () -> harness.studio.shelf().judgeProperty().get() != null);
        robot.clickOn("Draw");
        DrawModel draw = harness.studio.draw();
        assertEquals("no digit", draw.verdictProperty().get(), "an empty canvas is no digit");

        // A 7 drawn small and off-centre in the canvas's upper left: top bar, then the long diagonal.
        stroke(robot, 40, 40, 130, 40, 70, 170);
        StudioHarness.waitFor(30, "the judge's answer", () -> draw.probabilitiesProperty().get() != null
                && draw.revisionProperty().get() > 0 && !draw.verdictProperty().get().equals("no digit"));
        stroke(robot, 60, 105, 115, 105);
        StudioHarness.waitFor(30, "the answer to the second stroke", () -> draw.strokes().size() == 2
                && draw.lastMillisProperty().get() > 0 && draw.inputProperty().get() != null);
        robot.sleep(500);

        float[] input = draw.inputProperty().get();
        double[] centre = centreOfMass(input);
        assertEquals(DigitPreprocessor.CENTRE, centre[0], 0.5, "column of the centre of mass");
        assertEquals(DigitPreprocessor.CENTRE, centre[1], 0.5, "row of the centre of mass");
        int[] box = inkBox(input);
        assertTrue(box[0] <= DigitPreprocessor.BOX && box[1] <= DigitPreprocessor.BOX,
                "ink within 20x20, found " + box[0] + "x" + box[1]);
        assertEquals(DigitPreprocessor.BOX, box[1], "the 7 is taller than wide: its height fills the box");
        assertNotNull(robot.lookup("#judge-input").queryAs(ImageView.class).getImage());

        float[] probabilities = draw.probabilitiesProperty().get();
        float sum = 0;
        int best = 0;
        for (int digit = 0; digit < Mnist.CLASSES; digit++) {
            sum += probabilities[digit];
            best = probabilities[digit] > probabilities[best] ? digit : best;
        }
        assertEquals(1f, sum, 1e-3f, "ten probabilities");
        String verdict = robot.lookup("#verdict").queryLabeled().getText();
        assertTrue(verdict.matches(best + " \\(\\d+%\\)"), "verdict '" + verdict + "' names digit " + best);
        assertEquals(probabilities[best], robot.lookup("#probability-" + best).queryAs(ProgressBar.class)
                .getProgress(), 1e-6, "the bar of the most probable digit");
        System.out.printf("figure: stroke to updated prediction: %.0f ms%n", draw.lastMillisProperty().get());

        robot.clickOn("#clear");
        StudioHarness.waitFor(30, "the cleared answer", () -> draw.inputProperty().get() == null);
        assertEquals("no digit", robot.lookup("#verdict").queryLabeled().getText());
        assertNull(draw.probabilitiesProperty().get());
    }

    /** Presses at the first point, drags through the others, releases at the last. */
    private static void stroke(FxRobot robot, double... points) {
        Canvas canvas = robot.lookup("#draw-canvas").queryAs(Canvas.class);
        Bounds screen = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.moveTo(new Point2D(screen.getMinX() + points[0], screen.getMinY() + points[1]));
        robot.press(MouseButton.PRIMARY);
        for (int point = 2; point < points.length; point += 2) {
            robot.moveTo(new Point2D(screen.getMinX() + points[point], screen.getMinY() + points[point + 1]));
        }
        robot.release(MouseButton.PRIMARY);
    }

    private static double[] centreOfMass(float[] field) {
        double mass = 0;
        double column = 0;
        double row = 0;
        for (int index = 0; index < field.length; index++) {
            mass += field[index];
            column += field[index] * (index % Mnist.COLUMNS);
            row += field[index] * (index / Mnist.COLUMNS);
        }
        return new double[] {column / mass, row / mass};
    }

    /** Width and height of the pixels brighter than {@link #VISIBLE}. */
    private static int[] inkBox(float[] field) {
        int left = Mnist.COLUMNS;
        int right = -1;
        int top = Mnist.ROWS;
        int bottom = -1;
        for (int index = 0; index < field.length; index++) {
            if (field[index] > VISIBLE) {
                left = Math.min(left, index % Mnist.COLUMNS);
                right = Math.max(right, index % Mnist.COLUMNS);
                top = Math.min(top, index / Mnist.COLUMNS);
                bottom = Math.max(bottom, index / Mnist.COLUMNS);
            }
        }
        return new int[] {right - left + 1, bottom - top + 1};
    }
}
