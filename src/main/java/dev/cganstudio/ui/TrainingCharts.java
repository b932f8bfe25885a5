package dev.cganstudio.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two live charts: D and G loss against step, and the judge's accuracy and macro F1 on
 * generated digits against epoch. No symbols and no animation: with thousands of points both
 * would cost the FX thread far more than the lines themselves.
 */
final class TrainingCharts extends VBox {

    private static final double GAP = 10;
    /** At most this many labelled ticks on the epoch axis. */
    private static final int EPOCH_TICKS = 10;

    TrainingCharts(TrainingModel model) {
        super(GAP);
        LineChart<Number, Number> loss = chart("step", "loss");
        loss.setId("loss-chart");
        loss.getData().add(model.discriminatorLoss().series());
        loss.getData().add(model.generatorLoss().series());

        // From 0 to the run's last epoch, so that the first points sit where they belong.
        NumberAxis epochs = new NumberAxis();
        epochs.setLabel("epoch");
        epochs.setAutoRanging(false);
        epochs.setLowerBound(0);
        epochs.upperBoundProperty().bind(model.epochsProperty());
        epochs.tickUnitProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1.0, Math.ceil(model.epochsProperty().get() / (double) EPOCH_TICKS)),
                model.epochsProperty()));
        epochs.setMinorTickVisible(false);
        NumberAxis score = new NumberAxis(0, 1, 0.2);
        score.setLabel("on generated digits");
        LineChart<Number, Number> quality = new LineChart<>(epochs, score);
        quality.setId("quality-chart");
        // One point per epoch: without symbols the first epoch would not show at all, and a few
        // hundred symbols cost nothing.
        quality.setCreateSymbols(true);
        setUp(quality);
        quality.getData().add(model.accuracy().series());
        quality.getData().add(model.macroF1().series());

        getChildren().addAll(Panels.card("Losses", loss), Panels.card("Judge's verdict per epoch", quality));
        for (javafx.scene.Node card : getChildren()) {
            VBox.setVgrow(card, Priority.ALWAYS);
        }
    }

    private static LineChart<Number, Number> chart(String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setCreateSymbols(false);
        setUp(chart);
        return chart;
    }

    private static void setUp(LineChart<Number, Number> chart) {
        chart.setAnimated(false);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(180);
    }
}
