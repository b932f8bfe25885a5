package dev.cganstudio.cli;

/** The exit codes of {@code cgan}, distinct so that scripts can tell failures apart. */
public final class ExitCodes {
    /** Done as asked. */
    public static final int OK = 0;
    /** An unexpected failure; the message says what. */
    public static final int FAILURE = 1;
    /** A bad option or value (picocli's usage error code). */
    public static final int USAGE = 2;
    /** The MNIST data could not be found, fetched or read. */
    public static final int DATA = 3;
    /** A model file is missing, damaged or of the wrong kind. */
    public static final int MODEL_FILE = 4;
    /** Training diverged: a loss or parameter stopped being finite. */
    public static final int DIVERGED = 5;
    /** Training was stopped before its last epoch (Ctrl-C); finished epochs are kept. */
    public static final int STOPPED = 6;
    /** The output folder cannot be written (read-only, not a folder, or full); finished epochs are kept. */
    public static final int OUTPUT = 7;

    private ExitCodes() {
    }
}
