package dev.cganstudio.ui;

import javafx.application.Application;

/**
 * Starts the studio. A main class that is not itself an {@link Application} lets the studio run
 * with JavaFX on the class path: the java launcher refuses to start an Application subclass
 * whose JavaFX modules it cannot see.
 */
public final class StudioLauncher {

    private StudioLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(StudioApp.class, args);
    }
}
