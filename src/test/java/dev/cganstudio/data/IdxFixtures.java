package dev.cganstudio.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds tiny IDX files in memory, valid or broken in one named way, for the data tests. */
final class IdxFixtures {

    /** Data type byte of unsigned bytes. */
    static final int UNSIGNED_BYTE = IdxReader.TYPE_UNSIGNED_BYTE;
    /** Header bytes of an images file: prefix plus three sizes. */
    static final int IMAGES_HEADER = IdxReader.PREFIX_BYTES + 3 * IdxReader.SIZE_BYTES;
    /** Header bytes of a labels file: prefix plus one size. */
    static final int LABELS_HEADER = IdxReader.PREFIX_BYTES + IdxReader.SIZE_BYTES;
    /** Offset of the rows size in an images header. */
    static final int ROWS_OFFSET = IdxReader.PREFIX_BYTES + IdxReader.SIZE_BYTES;
    /** Offset of the columns size in an images header. */
    static final int COLUMNS_OFFSET = ROWS_OFFSET + IdxReader.SIZE_BYTES;
    /** Offset of the item count in any header. */
    static final int COUNT_OFFSET = IdxReader.PREFIX_BYTES;
    /** Offset of the data type byte. */
    static final int TYPE_OFFSET = 2;
    /** Offset of the number of dimensions. */
    static final int DIMENSIONS_OFFSET = 3;

    /** A pixel pattern that differs between images and pixels, so misplaced bytes show. */
    private static final int PATTERN_STRIDE = 31;

    private IdxFixtures() {
    }

    /** A header: two zero bytes, the type, the number of sizes, then each size big-endian. */
    static byte[] header(int type, int... sizes) {
        ByteBuffer header = ByteBuffer.allocate(IdxReader.PREFIX_BYTES + sizes.length * IdxReader.SIZE_BYTES);
        header.put((byte) 0).put((byte) 0).put((byte) type).put((byte) sizes.length);
        for (int size : sizes) {
            header.putInt(size);
        }
        return header.array();
    }

    /** A valid images file of {@code count} 28x28 images with a recognisable pattern. */
    static byte[] images(int count) {
        return concat(header(UNSIGNED_BYTE, count, Mnist.ROWS, Mnist.COLUMNS), pixels(count));
    }

    /** The pixels of {@link #images(int)}, without the header. */
    static byte[] pixels(int count) {
        byte[] pixels = new byte[count * Mnist.PIXELS];
        for (int index = 0; index < pixels.length; index++) {
            pixels[index] = (byte) (index * PATTERN_STRIDE + index / Mnist.PIXELS);
        }
        return pixels;
    }

    /** A labels file holding exactly {@code values} (which may be out of range on purpose). */
    static byte[] labels(int... values) {
        byte[] data = new byte[values.length];
        for (int index = 0; index < values.length; index++) {
            data[index] = (byte) values[index];
        }
        return concat(header(UNSIGNED_BYTE, values.length), data);
    }

    /** A copy of {@code content} with one byte replaced. */
    static byte[] withByte(byte[] content, int offset, int value) {
        byte[] copy = content.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    /** A copy of {@code content} with a big-endian 32-bit value written at {@code offset}. */
    static byte[] withInt(byte[] content, int offset, int value) {
        byte[] copy = content.clone();
        ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }

    /** The first {@code length} bytes of {@code content}. */
    static byte[] truncated(byte[] content, int length) {
        return Arrays.copyOf(content, length);
    }

    /** Both arrays, one after the other. */
    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** {@code content} compressed as one gzip member. */
    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code content} to {@code folder/name} and returns the path. */
    static Path write(Path folder, String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }
}
