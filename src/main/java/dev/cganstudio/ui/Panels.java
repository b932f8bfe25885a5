package dev.cganstudio.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The studio's one look for a titled panel, so the tabs read alike. */
final class Panels {

    private static final double SPACING = 10;

    private Panels() {
    }

    /** A white card with a heading over its content; the last node takes the spare height. */
    static VBox card(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        VBox card = new VBox(SPACING, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        if (content.length > 0) {
            VBox.setVgrow(content[content.length - 1], Priority.ALWAYS);
        }
        return card;
    }

    /** A small grey explanation under a heading. */
    static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return hint;
    }
}
