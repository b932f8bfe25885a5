package dev.cganstudio.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/** The bottom line: the latest message and progress, then epoch and step, time left, speed and losses. */
final class StudioStatusBar extends StatusBar {

    StudioStatusBar(StatusLine status, TrainingModel training) {
        setId("status-bar");
        textProperty().bind(status.messageProperty());
        progressProperty().bind(training.progressProperty());
        getRightItems().addAll(
                figure("status-position", training.positionProperty()), new Separator(Orientation.VERTICAL),
                figure("status-eta", training.timeLeftProperty()), new Separator(Orientation.VERTICAL),
                figure("status-speed", training.speedProperty()), new Separator(Orientation.VERTICAL),
                figure("status-losses", training.lossesProperty()));
    }

    private static Label figure(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.getStyleClass().add("status-figure");
        // The figures keep their width; a long message is what gets cut short.
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
