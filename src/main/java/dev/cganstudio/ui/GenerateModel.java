package dev.cganstudio.ui;

import dev.cganstudio.model.Seeds;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The generate panel's state and its one command: show {@link #COUNT} fresh digits of a label,
 * from the generator being trained (copied between two steps) or the current one. With a seed
 * the same label gives the same digits from the same generator; without one, new noise each time.
 */
final class GenerateModel {

    /** Digits shown per click: one row. */
    static final int COUNT = 10;
    /** Stream of {@link Seeds} the generate panel's noise comes from, apart from the run's own. */
    static final long NOISE_STREAM = 100;

    private static final double NANOS_PER_MILLI = 1e6;

    private final StringProperty seedText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Image> digits = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> pixels = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("Click a digit to draw ten of it.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper lastMillis = new ReadOnlyDoubleWrapper(Double.NaN);
    private final SplittableRandom freshSeeds = new SplittableRandom();

    private final ModelShelf shelf;
    private final ModelWorker worker;
    private final ErrorDialogs errors;
    private Integer waitingLabel;

    GenerateModel(ModelShelf shelf, ModelWorker worker, ErrorDialogs errors) {
        this.shelf = shelf;
        this.worker = worker;
        this.errors = errors;
    }

    /** The seed a person typed; blank for fresh noise on every click. */
    StringProperty seedTextProperty() {
        return seedText;
    }

    /** The latest row of digits. */
    ReadOnlyObjectProperty<Image> digitsProperty() {
        return digits.getReadOnlyProperty();
    }

    /** The latest row's grey values, {@link #COUNT} digits of 28x28. */
    ReadOnlyObjectProperty<float[]> pixelsProperty() {
        return pixels.getReadOnlyProperty();
    }

    /** What the row shows and where it came from. */
    ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Milliseconds from the latest click to its digits being set, NaN before the first. */
    ReadOnlyDoubleProperty lastMillisProperty() {
        return lastMillis.getReadOnlyProperty();
    }

    /** Draws {@link #COUNT} digits of {@code label}; clicks while busy are merged, the latest wins. */
    void generate(int label) {
        long clicked = System.nanoTime();
        if (busy.get()) {
            waitingLabel = label;
            return;
        }
        Long typedSeed;
        try {
            String typed = seedText.get();
            typedSeed = typed == null || typed.isBlank() ? null : Long.parseLong(typed.trim());
        } catch (NumberFormatException e) {
            errors.show("No digits drawn", new IllegalArgumentException("expected a whole number as the seed "
                    + "(or nothing for fresh noise), found '" + seedText.get() + "'"));
            return;
        }
        long seed = typedSeed != null ? Seeds.derive(typedSeed, NOISE_STREAM, label) : freshSeeds.nextLong();
        busy.set(true);
        String source = shelf.isTraining() ? "the generator being trained"
                : "the generator " + shelf.generatorOriginProperty().get();
        shelf.generatorForUse().whenComplete((generator, error) -> Platform.runLater(() -> {
            if (error != null) {
                done();
                errors.show("No digits drawn", error);
                return;
            }
            GenerateTask task = new GenerateTask(generator, label, COUNT, seed);
            task.setOnSucceeded(event -> {
                pixels.set(task.getValue());
                digits.set(DigitImages.grid(task.getValue(), 1, COUNT));
                lastMillis.set((System.nanoTime() - clicked) / NANOS_PER_MILLI);
                caption.set(String.format(Locale.ROOT, "Ten %ds from %s%s, in %.0f ms", label,
                        source,
                        typedSeed != null ? " (seed " + typedSeed + ")" : "", lastMillis.get()));
                done();
            });
            task.setOnFailed(event -> {
                done();
                errors.show("No digits drawn", task.getException());
            });
            worker.submit(task);
        }));
    }

    private void done() {
        busy.set(false);
        if (waitingLabel != null) {
            int label = waitingLabel;
            waitingLabel = null;
            generate(label);
        }
    }
}
