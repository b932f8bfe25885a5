package dev.cganstudio.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be used: missing, damaged, hostile, or of the wrong kind. */
public final class ModelFileException extends IOException {

    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
