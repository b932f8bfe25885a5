package dev.cganstudio.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Tells a gzipped file from a raw one by its first two bytes, the gzip identification bytes
 * ID1 = 0x1f and ID2 = 0x8b (RFC 1952, section 2.3.1), never by the file name.
 */
final class Gzip {

    /** First identification byte of every gzip member. */
    static final int ID1 = 0x1f;
    /** Second identification byte of every gzip member. */
    static final int ID2 = 0x8b;
    /** Read buffer size: large enough that a 47 MB file takes few system calls. */
    static final int BUFFER_BYTES = 1 << 16;

    private static final int MAGIC_BYTES = 2;

    private Gzip() {
    }

    /** Opens a file buffered, with mark support so that its first bytes can be peeked. */
    static BufferedInputStream openBuffered(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
    }

    /** Whether the stream starts with the gzip identification bytes; the stream is not advanced. */
    static boolean startsWithMagic(BufferedInputStream in) throws IOException {
        in.mark(MAGIC_BYTES);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == ID1 && second == ID2;
    }

    /**
     * The uncompressed content of a file, gzipped or raw. Corrupt gzip data surfaces while
     * reading as a {@link java.util.zip.ZipException} or {@link java.io.EOFException}.
     */
    static InputStream openUncompressed(Path file) throws IOException {
        BufferedInputStream in = openBuffered(file);
        try {
            return startsWithMagic(in) ? new GZIPInputStream(in, BUFFER_BYTES) : in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
