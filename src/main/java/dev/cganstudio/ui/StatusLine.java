package dev.cganstudio.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The latest thing the studio has to tell a person, shown in the status bar. Used on the FX thread. */
final class StatusLine {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Ready");

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void post(String text) {
        message.set(text);
    }
}
