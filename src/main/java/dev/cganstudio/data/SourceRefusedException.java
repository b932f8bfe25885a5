package dev.cganstudio.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A source answered, but not with a file to keep: a bad HTTP status, too many bytes, or content
 * whose SHA-256 differs from the expected one. The file is not cached and the next source is tried.
 */
final class SourceRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    SourceRefusedException(String message) {
        super(message);
    }

    /**
     * The refusal of a file that failed its check in a temporary file: the message keeps the
     * expected and found values but drops the temporary path, which means nothing to a reader.
     */
    static SourceRefusedException of(IdxFormatException problem, Path temporary) {
        String prefix = temporary + ": ";
        String message = problem.getMessage();
        String detail = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        SourceRefusedException refused = new SourceRefusedException(detail + "; not cached");
        refused.initCause(problem);
        return refused;
    }
}
