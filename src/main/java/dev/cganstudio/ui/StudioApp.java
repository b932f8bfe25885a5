package dev.cganstudio.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/** The JavaFX application: one window holding the {@link Studio}. */
public final class StudioApp extends Application {

    /** The window's size when it opens: the three training panels side by side. */
    static final double WIDTH = 1440;
    static final double HEIGHT = 860;

    private static final Logger LOG = LoggerFactory.getLogger(StudioApp.class);

    private Studio studio;

    @Override
    public void start(Stage stage) {
        studio = new Studio(StudioSettings.fromEnvironment(), stage, new FxFileDialogs(stage));
        stage.setTitle(Studio.TITLE);
        stage.setScene(new Scene(studio.root(), WIDTH, HEIGHT));
        stage.setOnShown(event -> LOG.info("studio shown {} ms after the JVM started",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
        stage.show();
    }

    @Override
    public void stop() {
        if (studio != null) {
            studio.shutdown();
        }
    }
}
