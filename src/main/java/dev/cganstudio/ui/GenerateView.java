package dev.cganstudio.ui;

import dev.cganstudio.data.Mnist;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Ten buttons, 0 to 9, each drawing a row of fresh digits of its label; a seed makes a row repeatable. */
final class GenerateView extends VBox {

    /** Screen pixels per MNIST pixel of the generated row. */
    static final double SCALE = 4;
    private static final double GAP = 10;
    private static final double SEED_WIDTH = 140;

    private final GenerateModel model;
    private final TextField seed = new TextField();
    private final HBox buttons = new HBox(GAP / 2);
    private final ImageView row = new ImageView();
    private final Label caption = new Label();

    GenerateView(GenerateModel model) {
        super(GAP);
        this.model = model;
        build();
        wire();
    }

    private void build() {
        for (int label = 0; label < Mnist.CLASSES; label++) {
            Button button = new Button(Integer.toString(label));
            button.setId("digit-" + label);
            button.getStyleClass().add("digit-button");
            int chosen = label;
            button.setOnAction(event -> model.generate(chosen));
            buttons.getChildren().add(button);
        }
        seed.setId("generate-seed");
        seed.setPromptText("blank: new noise");
        seed.setPrefWidth(SEED_WIDTH);
        HBox seedRow = new HBox(GAP, new Label("Seed"), seed,
                Panels.hint("With a seed, the same digit gives the same row from the same generator."));
        seedRow.setAlignment(Pos.CENTER_LEFT);
        row.setId("generated-row");
        row.setSmooth(false);
        row.setFitWidth(Mnist.COLUMNS * GenerateModel.COUNT * SCALE);
        row.setFitHeight(Mnist.ROWS * SCALE);
        StackPane frame = new StackPane(row);
        frame.getStyleClass().add("digit-frame");
        frame.setMinSize(Mnist.COLUMNS * GenerateModel.COUNT * SCALE, Mnist.ROWS * SCALE);
        frame.setMaxSize(Mnist.COLUMNS * GenerateModel.COUNT * SCALE, Mnist.ROWS * SCALE);
        caption.setId("generate-caption");
        caption.getStyleClass().add("hint");
        VBox rowBox = new VBox(GAP, frame, caption);
        getChildren().add(Panels.card("Generate by label",
                Panels.hint("Draws ten digits of the label you click, from the generator being trained, or the one "
                        + "last trained or loaded (Models menu)."), seedRow, buttons, rowBox));
    }

    private void wire() {
        seed.textProperty().bindBidirectional(model.seedTextProperty());
        row.imageProperty().bind(model.digitsProperty());
        caption.textProperty().bind(model.captionProperty());
    }
}
