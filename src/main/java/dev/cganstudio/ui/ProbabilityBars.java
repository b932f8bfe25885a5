package dev.cganstudio.ui;

import dev.cganstudio.data.Mnist;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.Locale;

/** The judge's ten probabilities as horizontal bars, the most probable digit highlighted. */
final class ProbabilityBars extends GridPane {

    private static final double BAR_WIDTH = 260;
    private static final double GAP = 6;
    private static final String TOP = "top-bar";

    private final ProgressBar[] bars = new ProgressBar[Mnist.CLASSES];
    private final Label[] percents = new Label[Mnist.CLASSES];

    ProbabilityBars(ObservableValue<float[]> probabilities) {
        setHgap(GAP);
        setVgap(GAP / 2);
        for (int digit = 0; digit < Mnist.CLASSES; digit++) {
            bars[digit] = new ProgressBar(0);
            bars[digit].setId("probability-" + digit);
            bars[digit].setPrefWidth(BAR_WIDTH);
            bars[digit].getStyleClass().add("probability-bar");
            GridPane.setHgrow(bars[digit], Priority.ALWAYS);
            percents[digit] = new Label("");
            percents[digit].setMinWidth(48);
            Label name = new Label(Integer.toString(digit));
            name.getStyleClass().add("row-label");
            addRow(digit, name, bars[digit], percents[digit]);
        }
        probabilities.addListener((observable, old, values) -> show(values));
    }

    private void show(float[] values) {
        int best = -1;
        for (int digit = 0; values != null && digit < Mnist.CLASSES; digit++) {
            best = best < 0 || values[digit] > values[best] ? digit : best;
        }
        for (int digit = 0; digit < Mnist.CLASSES; digit++) {
            double value = values == null ? 0 : values[digit];
            bars[digit].setProgress(value);
            percents[digit].setText(values == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * value));
            bars[digit].getStyleClass().remove(TOP);
            if (digit == best) {
                bars[digit].getStyleClass().add(TOP);
            }
        }
    }
}
