package dev.cganstudio.ui;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.evaluation.DigitPreprocessor;
import dev.cganstudio.evaluation.Judge;
import javafx.concurrent.Task;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * Renders the strokes drawn so far as the canvas shows them, prepares the picture as MNIST's
 * digits were ({@link DigitPreprocessor}) and, when there is a digit and a judge, asks the judge
 * for its ten probabilities.
 */
final class PredictTask extends Task<PredictTask.Prediction> {

    /**
     * @param input the 28x28 image the judge sees, null when the canvas holds no digit
     * @param probabilities the judge's probability of each digit, null without a digit or a judge
     */
    record Prediction(float[] input, float[] probabilities) {
    }

    private final List<double[]> strokes;
    private final DrawModel.Look look;
    private final Judge judge;
    private final long requestedNanos;

    /**
     * @param strokes each stroke's points as x0, y0, x1, y1, ... in canvas pixels
     * @param requestedNanos when the oldest change this prediction answers was made
     */
    PredictTask(List<double[]> strokes, DrawModel.Look look, Judge judge, long requestedNanos) {
        this.strokes = strokes;
        this.look = look;
        this.judge = judge;
        this.requestedNanos = requestedNanos;
    }

    long requestedNanos() {
        return requestedNanos;
    }

    @Override
    protected Prediction call() {
        Optional<float[]> input = DigitPreprocessor.prepare(render());
        if (input.isEmpty()) {
            return new Prediction(null, null);
        }
        if (judge == null) {
            return new Prediction(input.get(), null);
        }
        float[] probabilities = judge.probabilities(Nd4j.create(input.get(),
                new long[] {1, 1, Mnist.ROWS, Mnist.COLUMNS}, 'c')).toFloatVector();
        return new Prediction(input.get(), probabilities);
    }

    private BufferedImage render() {
        BufferedImage image = new BufferedImage(look.size(), look.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(look.paper());
        graphics.fillRect(0, 0, look.size(), look.size());
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        graphics.setColor(look.ink());
        graphics.setStroke(new BasicStroke((float) look.penWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (double[] stroke : strokes) {
            if (stroke.length == 2) {
                double radius = look.penWidth() / 2;
                graphics.fill(new Ellipse2D.Double(stroke[0] - radius, stroke[1] - radius, 2 * radius, 2 * radius));
                continue;
            }
            Path2D.Double path = new Path2D.Double();
            path.moveTo(stroke[0], stroke[1]);
            for (int point = 2; point < stroke.length; point += 2) {
                path.lineTo(stroke[point], stroke[point + 1]);
            }
            graphics.draw(path);
        }
        graphics.dispose();
        return image;
    }

    /** Colours in AWT terms for the renderer. */
    static Color awt(javafx.scene.paint.Color color) {
        return new Color((float) color.getRed(), (float) color.getGreen(), (float) color.getBlue());
    }
}
