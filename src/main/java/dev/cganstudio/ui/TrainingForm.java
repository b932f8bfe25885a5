package dev.cganstudio.ui;

import dev.cganstudio.model.Preset;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.LongStringConverter;

import java.nio.file.Path;

/** The training options and the Start, Pause and Stop buttons. */
final class TrainingForm extends VBox {

    private static final int MAX_EPOCHS = 1000;
    private static final int MAX_BATCH = 4096;
    private static final int BATCH_STEP = 16;
    private static final double GAP = 8;
    private static final double FORM_WIDTH = 330;

    private final TrainingModel model;
    private final FileDialogs dialogs;
    private final ComboBox<Preset> preset = new ComboBox<>();
    private final Spinner<Integer> epochs = new Spinner<>(1, MAX_EPOCHS, TrainingModel.DEFAULT_EPOCHS);
    private final Spinner<Integer> batch = new Spinner<>(0, MAX_BATCH, 0, BATCH_STEP);
    private final TextField seed = new TextField();
    private final TextField dataFolder = new TextField();
    private final TextField outputFolder = new TextField();
    private final Button chooseData = new Button("…");
    private final Button chooseOutput = new Button("…");
    private final Label resumeNote = new Label();
    private final Button newRun = new Button("New run instead");
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    // Held here: a bidirectional binding refers to its ends weakly, so these wrappers must not be collected.
    private final ObjectProperty<Integer> epochsValue;
    private final ObjectProperty<Integer> batchValue;
    private final ObjectProperty<Long> seedValue;

    TrainingForm(TrainingModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        epochsValue = model.epochsProperty().asObject();
        batchValue = model.batchSizeProperty().asObject();
        seedValue = model.seedProperty().asObject();
        build();
        wire();
    }

    private void build() {
        preset.getItems().setAll(Preset.values());
        epochs.setEditable(true);
        batch.setEditable(true);
        seed.setTextFormatter(new TextFormatter<>(new LongStringConverter(), model.seedProperty().get()));
        dataFolder.setPromptText("folder with the four MNIST files");
        outputFolder.setPromptText("output");
        preset.setId("preset");
        epochs.setId("epochs");
        batch.setId("batch");
        seed.setId("seed");
        dataFolder.setId("data-folder");
        outputFolder.setId("output-folder");
        start.setId("start");
        pause.setId("pause");
        stop.setId("stop");
        start.setDefaultButton(true);
        for (Button button : new Button[] {start, pause, stop}) {
            button.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(button, Priority.ALWAYS);
        }
        resumeNote.setWrapText(true);
        resumeNote.getStyleClass().add("note");

        GridPane grid = new GridPane();
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label("Preset"), preset);
        grid.addRow(1, new Label("Epochs"), epochs);
        grid.addRow(2, new Label("Batch"), batch);
        grid.addRow(3, new Label("Seed"), seed);
        grid.addRow(4, new Label("MNIST"), withButton(dataFolder, chooseData));
        grid.addRow(5, new Label("Output"), withButton(outputFolder, chooseOutput));
        preset.setMaxWidth(Double.MAX_VALUE);
        epochs.setMaxWidth(Double.MAX_VALUE);
        batch.setMaxWidth(Double.MAX_VALUE);

        VBox resume = new VBox(GAP / 2, resumeNote, newRun);
        resume.visibleProperty().bind(model.resumePointProperty().isNotNull());
        resume.managedProperty().bind(resume.visibleProperty());
        HBox buttons = new HBox(GAP, start, pause, stop);
        getChildren().add(Panels.card("Training", grid,
                Panels.hint("Batch 0 keeps the preset's own. The seed fixes the weights, noise and order."),
                resume, buttons));
        setPrefWidth(FORM_WIDTH);
        setMaxWidth(FORM_WIDTH);
    }

    private void wire() {
        preset.valueProperty().bindBidirectional(model.presetProperty());
        epochs.getValueFactory().valueProperty().bindBidirectional(epochsValue);
        batch.getValueFactory().valueProperty().bindBidirectional(batchValue);
        @SuppressWarnings("unchecked")
        TextFormatter<Long> seedFormat = (TextFormatter<Long>) seed.getTextFormatter();
        seedFormat.valueProperty().bindBidirectional(seedValue);
        dataFolder.textProperty().bindBidirectional(model.dataFolderProperty(), PATHS);
        outputFolder.textProperty().bindBidirectional(model.outputFolderProperty(), PATHS);
        chooseData.setOnAction(event -> model.chooseDataFolder(dialogs));
        chooseOutput.setOnAction(event -> model.chooseOutputFolder(dialogs));
        newRun.setOnAction(event -> model.newRun());

        BooleanBinding idle = model.phaseProperty().isEqualTo(TrainingModel.Phase.IDLE);
        for (Node field : new Node[] {preset, epochs, batch, seed, dataFolder, outputFolder,
            chooseData, chooseOutput, newRun}) {
            field.disableProperty().bind(idle.not());
        }
        preset.disableProperty().unbind();
        preset.disableProperty().bind(idle.not().or(model.resumePointProperty().isNotNull()));
        start.disableProperty().bind(idle.not());
        start.textProperty().bind(Bindings.when(model.resumePointProperty().isNotNull())
                .then("Resume run").otherwise("Start"));
        pause.disableProperty().bind(idle.or(model.phaseProperty().isEqualTo(TrainingModel.Phase.STOPPING)));
        pause.textProperty().bind(Bindings.when(model.phaseProperty().isEqualTo(TrainingModel.Phase.PAUSED))
                .then("Resume").otherwise("Pause"));
        stop.disableProperty().bind(idle.or(model.phaseProperty().isEqualTo(TrainingModel.Phase.STOPPING)));
        resumeNote.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelShelf.ResumePoint point = model.resumePointProperty().get();
            return point == null ? "" : "Start resumes " + point.runFolder().getFileName() + " after epoch "
                    + point.state().epoch() + " (preset " + point.state().config().name() + ").";
        }, model.resumePointProperty()));
        start.setOnAction(event -> model.start());
        pause.setOnAction(event -> model.togglePause());
        stop.setOnAction(event -> model.stop());
    }

    private static HBox withButton(TextField field, Button button) {
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(GAP / 2, field, button);
    }

    /** Paths as typed text; blank is no path. */
    private static final StringConverter<Path> PATHS = new StringConverter<>() {
        @Override
        public String toString(Path path) {
            return path == null ? "" : path.toString();
        }

        @Override
        public Path fromString(String text) {
            return text == null || text.isBlank() ? null : Path.of(text.trim());
        }
    };
}
