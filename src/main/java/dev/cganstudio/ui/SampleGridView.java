package dev.cganstudio.ui;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.training.SampleEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The run's 10x10 sample grid (row = label, column = one of the run's fixed noise vectors),
 * refreshed as the run reports it; a click on a digit shows it enlarged below, and it stays
 * enlarged as the grid refreshes so a person can watch one digit improve.
 */
final class SampleGridView extends VBox {

    /** Screen pixels per MNIST pixel in the grid. */
    static final double GRID_SCALE = 1.5;
    /** Screen pixels per MNIST pixel of the enlarged digit. */
    static final double ZOOM_SCALE = 6;
    private static final double GAP = 8;

    private final TrainingModel model;
    private final ImageView grid = new ImageView();
    private final ImageView zoom = new ImageView();
    private final Label caption = new Label("Start a run to see its digits here.");
    private final Label zoomCaption = new Label("Click a digit to enlarge it.");
    private int zoomRow = -1;
    private int zoomColumn = -1;

    SampleGridView(TrainingModel model) {
        super(GAP);
        this.model = model;
        build();
        wire();
    }

    private void build() {
        grid.setId("sample-grid");
        grid.setSmooth(false);
        grid.setFitWidth(Mnist.COLUMNS * 10 * GRID_SCALE);
        grid.setFitHeight(Mnist.ROWS * 10 * GRID_SCALE);
        zoom.setId("sample-zoom");
        zoom.setSmooth(false);
        zoom.setFitWidth(Mnist.COLUMNS * ZOOM_SCALE);
        zoom.setFitHeight(Mnist.ROWS * ZOOM_SCALE);

        VBox rowLabels = new VBox();
        for (int label = 0; label < Mnist.CLASSES; label++) {
            Label row = new Label(Integer.toString(label));
            row.setMinHeight(Mnist.ROWS * GRID_SCALE);
            row.setMaxHeight(Mnist.ROWS * GRID_SCALE);
            row.getStyleClass().add("row-label");
            rowLabels.getChildren().add(row);
        }
        StackPane gridFrame = new StackPane(grid);
        gridFrame.getStyleClass().add("digit-frame");
        StackPane zoomFrame = new StackPane(zoom);
        zoomFrame.getStyleClass().add("digit-frame");
        zoomFrame.setMaxSize(Mnist.COLUMNS * ZOOM_SCALE, Mnist.ROWS * ZOOM_SCALE);
        caption.getStyleClass().add("hint");
        zoomCaption.getStyleClass().add("hint");
        zoomCaption.setWrapText(true);
        HBox gridWithLabels = new HBox(GAP / 2, rowLabels, gridFrame);
        HBox zoomWithCaption = new HBox(GAP * 2, zoomFrame, zoomCaption);
        zoomWithCaption.setAlignment(Pos.CENTER_LEFT);
        zoomWithCaption.setPadding(new Insets(GAP, 0, 0, 0));
        getChildren().add(Panels.card("Samples: row = label, fixed noise", caption, gridWithLabels, zoomWithCaption));
    }

    private void wire() {
        model.gridProperty().addListener((observable, old, event) -> show(event));
        grid.setOnMouseClicked(this::enlarge);
    }

    private void show(SampleEvent event) {
        if (event == null) {
            grid.setImage(null);
            zoom.setImage(null);
            caption.setText("Start a run to see its digits here.");
            return;
        }
        grid.setImage(DigitImages.grid(event.pixels(), event.rows(), event.columns()));
        caption.setText("Epoch " + event.epoch() + ", step " + event.step()
                + (event.epochEnd() ? " (end of epoch)" : ""));
        showZoom(event);
    }

    private void enlarge(MouseEvent click) {
        SampleEvent event = model.gridProperty().get();
        if (event == null) {
            return;
        }
        zoomColumn = (int) Math.min(event.columns() - 1, click.getX() / grid.getFitWidth() * event.columns());
        zoomRow = (int) Math.min(event.rows() - 1, click.getY() / grid.getFitHeight() * event.rows());
        showZoom(event);
    }

    private void showZoom(SampleEvent event) {
        if (zoomRow < 0) {
            return;
        }
        float[] digit = DigitImages.digit(event.pixels(), zoomRow * event.columns() + zoomColumn);
        zoom.setImage(DigitImages.grid(digit, 1, 1));
        zoomCaption.setText("Label " + zoomRow + ", noise " + (zoomColumn + 1) + " of " + event.columns()
                + ", step " + event.step());
    }
}
