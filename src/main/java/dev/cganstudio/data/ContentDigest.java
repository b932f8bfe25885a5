package dev.cganstudio.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipException;

/**
 * SHA-256 of a file's uncompressed content, the identity of an MNIST file whichever mirror
 * served it and however it was compressed.
 */
public final class ContentDigest {

    private static final String ALGORITHM = "SHA-256";

    private ContentDigest() {
    }

    /**
     * Lowercase hex SHA-256 of the content of {@code file}, after gunzipping it if its first
     * bytes are the gzip ones.
     *
     * @throws IdxFormatException if the file starts as gzip but its stream is corrupt or cut short
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        return sha256(file, Long.MAX_VALUE);
    }

    /**
     * Checks that the uncompressed content of {@code file} has the SHA-256 {@code expected}, reading
     * at most {@code maxBytes} of it so that a gzip bomb cannot keep the check busy for hours.
     *
     * @throws IdxFormatException if the digest differs, the content is longer or the gzip stream is damaged
     * @throws IOException if the file cannot be read
     */
    public static void requireSha256(Path file, String expected, long maxBytes) throws IOException {
        String found = sha256(file, maxBytes);
        if (!found.equalsIgnoreCase(expected)) {
            throw new IdxFormatException(file, "uncompressed content with SHA-256 " + expected, "SHA-256 " + found);
        }
    }

    private static String sha256(Path file, long maxBytes) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[Gzip.BUFFER_BYTES];
        long total = 0;
        try (InputStream in = Gzip.openUncompressed(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
                total += read;
                if (total > maxBytes) {
                    throw new IdxFormatException(file, "at most " + maxBytes + " uncompressed bytes",
                            "more", maxBytes);
                }
            }
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(file, "a complete, valid gzip stream",
                    "a damaged one (" + e.getMessage() + ") after " + total + " uncompressed bytes",
                    IdxFormatException.NO_OFFSET, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Lowercase hex SHA-256 of bytes held in memory. */
    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(newDigest().digest(content));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + ALGORITHM, e);
        }
    }
}
