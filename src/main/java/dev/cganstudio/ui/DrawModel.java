package dev.cganstudio.ui;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.evaluation.Judge;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The draw panel's state: the strokes drawn with the mouse, the 28x28 image the judge sees and
 * its ten probabilities. Each change asks for a new {@link PredictTask}; changes made while one
 * runs are merged into the next, so the judge is never asked more often than it can answer.
 */
final class DrawModel {

    /** How the canvas looks; the judge's input is prepared from the same picture. */
    record Look(int size, double penWidth, java.awt.Color paper, java.awt.Color ink) {
    }

    /** Side of the square canvas in pixels: ten screen pixels per MNIST pixel. */
    static final int CANVAS_SIZE = 280;
    /**
     * Pen width in canvas pixels. A digit drawn most of the canvas high is scaled by about 20/200,
     * so the pen leaves a stroke of about two MNIST pixels, as a pen did on the NIST forms.
     */
    static final double PEN_WIDTH = 22;
    /** Paper and ink: dark ink on light paper, as a person expects; the preparation inverts it. */
    static final Color PAPER = Color.web("#fbfaf7");
    static final Color INK = Color.web("#1d2733");

    private static final double NANOS_PER_MILLI = 1e6;

    private final List<double[]> strokes = new ArrayList<>();
    private double[] current;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<float[]> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> inputImage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> probabilities = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("no digit");
    private final ReadOnlyDoubleWrapper lastMillis = new ReadOnlyDoubleWrapper(Double.NaN);
    private final Look look = new Look(CANVAS_SIZE, PEN_WIDTH, PredictTask.awt(PAPER), PredictTask.awt(INK));

    private final ModelShelf shelf;
    private final ModelWorker worker;
    private PredictTask running;
    private long changedSince;

    DrawModel(ModelShelf shelf, ModelWorker worker) {
        this.shelf = shelf;
        this.worker = worker;
        shelf.judgeProperty().addListener((observable, old, judge) -> requestPrediction());
    }

    /** Counts changes to the strokes, so a view knows when to redraw. */
    ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The strokes drawn, each as x0, y0, x1, y1, ... in canvas pixels; do not change them. */
    List<double[]> strokes() {
        List<double[]> all = new ArrayList<>(strokes);
        if (current != null) {
            all.add(current);
        }
        return all;
    }

    /** The 28x28 image the judge sees (ink bright), null when the canvas holds no digit. */
    ReadOnlyObjectProperty<float[]> inputProperty() {
        return input.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Image> inputImageProperty() {
        return inputImage.getReadOnlyProperty();
    }

    /** The judge's probability of each digit, null when there is no digit or no judge. */
    ReadOnlyObjectProperty<float[]> probabilitiesProperty() {
        return probabilities.getReadOnlyProperty();
    }

    /** The judge's answer in words: "7 (93%)", "no digit", or why there is none. */
    ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Milliseconds from a change of the drawing to its prediction being shown, NaN before the first. */
    ReadOnlyDoubleProperty lastMillisProperty() {
        return lastMillis.getReadOnlyProperty();
    }

    Look look() {
        return look;
    }

    // ----- commands

    void beginStroke(double x, double y) {
        current = new double[] {x, y};
        changed();
    }

    void extendStroke(double x, double y) {
        if (current == null) {
            beginStroke(x, y);
            return;
        }
        current = Arrays.copyOf(current, current.length + 2);
        current[current.length - 2] = x;
        current[current.length - 1] = y;
        changed();
    }

    void endStroke() {
        if (current != null) {
            strokes.add(current);
            current = null;
        }
    }

    void clear() {
        strokes.clear();
        current = null;
        changed();
    }

    // ----- internals

    private void changed() {
        revision.set(revision.get() + 1);
        requestPrediction();
    }

    private void requestPrediction() {
        if (changedSince == 0) {
            changedSince = System.nanoTime();
        }
        predict();
    }

    private void predict() {
        if (running != null) {
            return;
        }
        long since = changedSince;
        changedSince = 0;
        PredictTask task = new PredictTask(strokes(), look, shelf.judgeProperty().get(), since);
        task.setOnSucceeded(event -> show(task));
        task.setOnFailed(event -> {
            verdict.set("the judge failed: " + ErrorDialogs.messageOf(task.getException()));
            next();
        });
        running = task;
        worker.submit(task);
    }

    private void show(PredictTask task) {
        PredictTask.Prediction prediction = task.getValue();
        input.set(prediction.input());
        inputImage.set(prediction.input() == null ? null : DigitImages.grid(prediction.input(), 1, 1));
        probabilities.set(prediction.probabilities());
        verdict.set(verdictOf(prediction));
        lastMillis.set((System.nanoTime() - task.requestedNanos()) / NANOS_PER_MILLI);
        next();
    }

    /** Starts the next prediction if the drawing changed while the last one ran. */
    private void next() {
        running = null;
        if (changedSince != 0) {
            predict();
        }
    }

    private String verdictOf(PredictTask.Prediction prediction) {
        if (prediction.input() == null) {
            return "no digit";
        }
        if (prediction.probabilities() == null) {
            return "no judge yet: train once, or load one from the Models menu";
        }
        int best = 0;
        for (int digit = 1; digit < Mnist.CLASSES; digit++) {
            if (prediction.probabilities()[digit] > prediction.probabilities()[best]) {
                best = digit;
            }
        }
        return String.format(Locale.ROOT, "%d (%.0f%%)", best, 100 * prediction.probabilities()[best]);
    }
}
