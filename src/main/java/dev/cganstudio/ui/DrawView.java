package dev.cganstudio.ui;

import dev.cganstudio.data.Mnist;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import java.util.Locale;

/**
 * A canvas to draw a digit on with the mouse, and beside it the 28x28 image the judge sees and
 * the judge's ten probabilities, updated while drawing.
 */
final class DrawView extends HBox {

    /** Screen pixels per MNIST pixel of the judge's input. */
    static final double INPUT_SCALE = 6;
    private static final double GAP = 16;

    private final DrawModel model;
    private final Canvas canvas = new Canvas(DrawModel.CANVAS_SIZE, DrawModel.CANVAS_SIZE);
    private final Button clear = new Button("Clear");
    private final ImageView input = new ImageView();
    private final Label verdict = new Label();
    private final Label timing = new Label();
    private final ProbabilityBars bars;

    DrawView(DrawModel model) {
        super(GAP);
        this.model = model;
        this.bars = new ProbabilityBars(model.probabilitiesProperty());
        build();
        wire();
        redraw();
    }

    private void build() {
        canvas.setId("draw-canvas");
        clear.setId("clear");
        StackPane canvasFrame = new StackPane(canvas);
        canvasFrame.getStyleClass().add("canvas-frame");
        canvasFrame.setMaxSize(DrawModel.CANVAS_SIZE, DrawModel.CANVAS_SIZE);
        VBox drawing = Panels.card("Draw a digit", Panels.hint("Draw with the mouse; the judge answers as you draw."),
                canvasFrame, clear);

        input.setId("judge-input");
        input.setSmooth(false);
        input.setFitWidth(Mnist.COLUMNS * INPUT_SCALE);
        input.setFitHeight(Mnist.ROWS * INPUT_SCALE);
        StackPane inputFrame = new StackPane(input);
        inputFrame.getStyleClass().add("digit-frame");
        inputFrame.setMinSize(Mnist.COLUMNS * INPUT_SCALE, Mnist.ROWS * INPUT_SCALE);
        inputFrame.setMaxSize(Mnist.COLUMNS * INPUT_SCALE, Mnist.ROWS * INPUT_SCALE);
        VBox seen = Panels.card("What the judge sees (28x28)",
                Panels.hint("Ink box scaled to 20x20, centre of mass at the centre, as MNIST was made."), inputFrame);

        verdict.setId("verdict");
        verdict.getStyleClass().add("verdict");
        timing.getStyleClass().add("hint");
        VBox judged = Panels.card("The judge's answer", verdict, bars, timing);
        judged.setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(drawing, seen, judged);
        setFillHeight(false);
    }

    private void wire() {
        canvas.setOnMousePressed(event -> model.beginStroke(event.getX(), event.getY()));
        canvas.setOnMouseDragged(event -> model.extendStroke(event.getX(), event.getY()));
        canvas.setOnMouseReleased(event -> model.endStroke());
        clear.setOnAction(event -> model.clear());
        model.revisionProperty().addListener((observable, old, revision) -> redraw());
        input.imageProperty().bind(model.inputImageProperty());
        verdict.textProperty().bind(model.verdictProperty());
        model.lastMillisProperty().addListener((observable, old, millis) -> timing.setText(
                String.format(Locale.ROOT, "answered %.0f ms after the stroke", millis.doubleValue())));
    }

    /** Paints the strokes as the model holds them, in the same pen the judge's picture is drawn with. */
    private void redraw() {
        GraphicsContext graphics = canvas.getGraphicsContext2D();
        // Clearing the whole canvas first also drops its queue of earlier drawing commands.
        graphics.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        graphics.setFill(DrawModel.PAPER);
        graphics.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        graphics.setStroke(DrawModel.INK);
        graphics.setFill(DrawModel.INK);
        graphics.setLineWidth(DrawModel.PEN_WIDTH);
        graphics.setLineCap(StrokeLineCap.ROUND);
        graphics.setLineJoin(StrokeLineJoin.ROUND);
        for (double[] stroke : model.strokes()) {
            if (stroke.length == 2) {
                double radius = DrawModel.PEN_WIDTH / 2;
                graphics.fillOval(stroke[0] - radius, stroke[1] - radius, 2 * radius, 2 * radius);
                continue;
            }
            graphics.beginPath();
            graphics.moveTo(stroke[0], stroke[1]);
            for (int point = 2; point < stroke.length; point += 2) {
                graphics.lineTo(stroke[point], stroke[point + 1]);
            }
            graphics.stroke();
        }
    }
}
