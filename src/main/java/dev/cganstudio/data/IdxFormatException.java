package dev.cganstudio.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that does not hold the IDX content MNIST needs: a bad header, a wrong shape, too few or
 * too many bytes, a corrupt gzip stream or a label outside 0-9. The message names the file, what
 * was expected, what was found and, where it helps, the byte offset (counted in the uncompressed
 * content when the file is gzipped).
 */
public class IdxFormatException extends IOException {

    /** Passed as the offset when a problem has no single byte position. */
    public static final long NO_OFFSET = -1;

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    /**
     * A problem at one byte of a file.
     *
     * @param file the file read
     * @param expected what the format requires there
     * @param found what the file holds instead
     * @param offset byte position of the problem, or {@link #NO_OFFSET}
     */
    public IdxFormatException(Path file, String expected, String found, long offset) {
        this(file, expected, found, offset, null);
    }

    /** A problem with a file as a whole, such as a count that disagrees with another file. */
    public IdxFormatException(Path file, String expected, String found) {
        this(file, expected, found, NO_OFFSET, null);
    }

    /** A problem found by a lower layer, such as a gzip stream that fails its checksum. */
    public IdxFormatException(Path file, String expected, String found, long offset, Throwable cause) {
        super(message(file, expected, found, offset), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.offset = offset;
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }

    /** Byte position of the problem, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }

    private static String message(Path file, String expected, String found, long offset) {
        String where = offset == NO_OFFSET ? "" : " at byte " + offset;
        return file + ": expected " + expected + ", found " + found + where;
    }
}
