package dev.cganstudio.report;

import java.io.IOException;
import java.nio.file.Path;

/** A metrics file that cannot be read back: the message says where, what was expected and what was found. */
public final class MetricsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    MetricsFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + " line " + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    MetricsFormatException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem; the header is line 1. */
    public long line() {
        return line;
    }
}
