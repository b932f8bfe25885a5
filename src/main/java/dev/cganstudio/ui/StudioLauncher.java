package dev.cganstudio.ui;

import javafx.application.Application;

/**
 * Starts the studio. A main class that is not itself an {@link Application} lets the studio run
 * with JavaFX on the class path: the java launcher refuses to start an Application subclass
 * whose JavaFX modules it cannot see.
 */
public final class StudioLauncher {

    /** Exit code when the studio cannot open a window, as the command line's bad-usage code. */
    private static final int NO_DISPLAY = 2;

    private StudioLauncher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("Usage: cgan studio\nOpens the desktop studio: train and watch a run, generate digits"
                    + " by label, draw a digit for the judge, load and save models. Needs a display; "
                    + "$CGAN_MNIST_DIR and $CGAN_CACHE_DIR mean what they mean to the command line.");
            return;
        }
        if (!displayAvailable()) {
            System.err.println("cgan studio: expected a display to open a window on, found none (DISPLAY and "
                    + "WAYLAND_DISPLAY are unset); on a machine without one, use the command line: ./cgan --help");
            System.exit(NO_DISPLAY);
        }
        Application.launch(StudioApp.class, args);
    }

    /** Whether a window can open: not Linux, an X or Wayland display, or JavaFX's headless platform. */
    private static boolean displayAvailable() {
        return !System.getProperty("os.name", "").startsWith("Linux") || System.getenv("DISPLAY") != null
                || System.getenv("WAYLAND_DISPLAY") != null || "Monocle".equals(System.getProperty("glass.platform"));
    }
}
