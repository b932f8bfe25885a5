package dev.cganstudio.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST files in the IDX format described with the data set (LeCun, Cortes and Burges,
 * http://yann.lecun.com/exdb/mnist/): two zero bytes, a data type byte, the number of
 * dimensions, one big-endian 32-bit size per dimension, then the data in row-major order.
 *
 * <p>A file may be raw or gzipped; its first two bytes tell which, never its name. Every header
 * field, the exact data length and every label are checked, and any problem is reported as an
 * {@link IdxFormatException} naming the file, what was expected and what was found. No array is
 * allocated before the file has shown it can fill it: a raw file is measured first, and a gzip
 * stream is read into a buffer that doubles only as decompressed bytes arrive. Byte offsets in
 * messages count bytes of the uncompressed content.
 */
public final class IdxReader {

    /** Data type byte of unsigned bytes, the only type MNIST uses. */
    static final int TYPE_UNSIGNED_BYTE = 0x08;
    /** Bytes before the dimension sizes: two zero bytes, the data type, the number of dimensions. */
    static final int PREFIX_BYTES = 4;
    /** Bytes of one dimension size, a big-endian unsigned 32-bit integer. */
    static final int SIZE_BYTES = Integer.BYTES;

    private static final int TYPE_OFFSET = 2;
    private static final int DIMENSIONS_OFFSET = 3;
    private static final int ZERO_BYTES = 2;
    private static final int BYTE_MASK = 0xFF;
    /** Largest array the JVM reliably allocates (the limit the JDK's own collections keep to). */
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    /** First buffer for gzipped data; it then doubles only as decompressed bytes arrive. */
    private static final int INITIAL_GZIP_CAPACITY = 1 << 16;
    /** Trailing bytes counted exactly; beyond this a message says "at least". */
    private static final int TRAILING_COUNT_LIMIT = 1 << 20;
    /** Leading bytes quoted when a file turns out to be text. */
    private static final int QUOTED_BYTES = 24;
    /** The other data types of the IDX format, named when a file holds one of them. */
    private static final Map<Integer, String> TYPE_NAMES = Map.of(
            0x09, "signed byte", 0x0B, "16-bit integer", 0x0C, "32-bit integer", 0x0D, "float", 0x0E, "double");

    private final Path file;
    private final IdxLayout layout;
    private final boolean gzip;
    private InputStream in;
    /** Bytes of uncompressed content consumed so far. */
    private long offset;
    private long count;
    private int headerBytes;

    private IdxReader(Path file, IdxLayout layout, boolean gzip) {
        this.file = file;
        this.layout = layout;
        this.gzip = gzip;
    }

    /**
     * Reads an images file: 3 dimensions, each image {@link Mnist#ROWS} x {@link Mnist#COLUMNS}.
     *
     * @return grey values, {@link Mnist#PIXELS} bytes per image, row-major
     * @throws IdxFormatException if the file is not a well-formed IDX images file
     * @throws IOException if the file cannot be read
     */
    public static byte[] readImages(Path file) throws IOException {
        return read(file, IdxLayout.IMAGES);
    }

    /**
     * Reads a labels file: 1 dimension, each label 0 to {@link Mnist#CLASSES} - 1.
     *
     * @return one byte per label
     * @throws IdxFormatException if the file is not a well-formed IDX labels file
     * @throws IOException if the file cannot be read
     */
    public static byte[] readLabels(Path file) throws IOException {
        return read(file, IdxLayout.LABELS);
    }

    static byte[] read(Path file, IdxLayout layout) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": expected an IDX file, found a directory");
        }
        try (BufferedInputStream raw = Gzip.openBuffered(file)) {
            if (Gzip.startsWithMagic(raw)) {
                return new IdxReader(file, layout, true).readGzip(raw);
            }
            return new IdxReader(file, layout, false).readRaw(raw, Files.size(file));
        }
    }

    private byte[] readRaw(InputStream content, long fileBytes) throws IOException {
        in = content;
        long dataBytes = readHeader();
        long available = fileBytes - headerBytes;
        if (available < dataBytes) {
            throw truncatedData(dataBytes, available);
        }
        if (available > dataBytes) {
            throw trailingBytes(String.valueOf(available - dataBytes));
        }
        checkArrayLimit(dataBytes);
        byte[] data = new byte[(int) dataBytes];
        int read = in.readNBytes(data, 0, data.length);
        offset += read;
        if (read < data.length) {
            throw truncatedData(dataBytes, read);
        }
        expectEnd();
        return checkValues(data);
    }

    private byte[] readGzip(InputStream compressed) throws IOException {
        try (InputStream content = new GZIPInputStream(compressed, Gzip.BUFFER_BYTES)) {
            in = content;
            long dataBytes = readHeader();
            checkArrayLimit(dataBytes);
            byte[] data = readGrowing((int) dataBytes);
            expectEnd();
            return checkValues(data);
        } catch (ZipException | EOFException e) {
            String problem = e instanceof EOFException ? "a truncated one" : "a corrupt one";
            throw new IdxFormatException(file, "a complete, valid gzip stream",
                    problem + " (" + e.getMessage() + ") after " + offset + " uncompressed bytes",
                    IdxFormatException.NO_OFFSET, e);
        }
    }

    /** Reads and checks the header; returns the number of data bytes it announces. */
    private long readHeader() throws IOException {
        byte[] prefix = readHeaderBytes(PREFIX_BYTES);
        if (prefix.length == 0) {
            throw new IdxFormatException(file, "an IDX header", gzip ? "empty content" : "an empty file");
        }
        checkZeroBytes(prefix);
        if (prefix.length < PREFIX_BYTES) {
            throw truncatedHeader(PREFIX_BYTES, prefix.length);
        }
        int type = prefix[TYPE_OFFSET] & BYTE_MASK;
        if (type != TYPE_UNSIGNED_BYTE) {
            throw new IdxFormatException(file, "data type " + hex(TYPE_UNSIGNED_BYTE) + " (unsigned byte)",
                    hex(type) + typeName(type), TYPE_OFFSET);
        }
        int dimensions = prefix[DIMENSIONS_OFFSET] & BYTE_MASK;
        if (dimensions != layout.dimensions()) {
            throw new IdxFormatException(file, layout.dimensions() + " dimensions for " + layout.itemName(),
                    dimensions + otherLayoutHint(dimensions), DIMENSIONS_OFFSET);
        }
        headerBytes = PREFIX_BYTES + dimensions * SIZE_BYTES;
        byte[] sizeBytes = readHeaderBytes(dimensions * SIZE_BYTES);
        if (sizeBytes.length < dimensions * SIZE_BYTES) {
            throw truncatedHeader(headerBytes, PREFIX_BYTES + sizeBytes.length);
        }
        return checkSizes(ByteBuffer.wrap(sizeBytes));
    }

    private long checkSizes(ByteBuffer sizes) throws IdxFormatException {
        count = Integer.toUnsignedLong(sizes.getInt());
        for (int dimension = 1; dimension < layout.dimensions(); dimension++) {
            long size = Integer.toUnsignedLong(sizes.getInt());
            if (size != layout.innerSize(dimension)) {
                throw new IdxFormatException(file, layout.innerSize(dimension) + " " + layout.innerName(dimension),
                        String.valueOf(size), PREFIX_BYTES + (long) dimension * SIZE_BYTES);
            }
        }
        return count * layout.itemBytes();
    }

    private byte[] readHeaderBytes(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        offset += bytes.length;
        return bytes;
    }

    private void checkZeroBytes(byte[] prefix) throws IOException {
        for (int index = 0; index < Math.min(ZERO_BYTES, prefix.length); index++) {
            if (prefix[index] != 0) {
                byte[] quoted = concat(prefix, in.readNBytes(QUOTED_BYTES - prefix.length));
                throw new IdxFormatException(file,
                        "an IDX file starting with two zero bytes (or a gzip file starting with "
                                + hex(Gzip.ID1) + " " + hex(Gzip.ID2) + ")",
                        describeStart(quoted), index);
            }
        }
    }

    /** Reads gzipped data into a buffer that grows only as bytes actually arrive. */
    private byte[] readGrowing(int dataBytes) throws IOException {
        byte[] data = new byte[Math.min(dataBytes, INITIAL_GZIP_CAPACITY)];
        int filled = 0;
        while (filled < dataBytes) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(dataBytes, 2L * data.length));
            }
            int read = in.read(data, filled, data.length - filled);
            if (read < 0) {
                throw truncatedData(dataBytes, filled);
            }
            filled += read;
            offset += read;
        }
        return data;
    }

    private void expectEnd() throws IOException {
        if (in.read() < 0) {
            return;
        }
        long trailing = 1;
        byte[] sink = new byte[Gzip.BUFFER_BYTES];
        int read;
        while (trailing < TRAILING_COUNT_LIMIT && (read = in.read(sink)) >= 0) {
            trailing += read;
        }
        throw trailingBytes((trailing >= TRAILING_COUNT_LIMIT ? "at least " : "") + trailing);
    }

    private byte[] checkValues(byte[] data) throws IdxFormatException {
        if (layout.maxValue() < Mnist.MAX_GREY) {
            for (int index = 0; index < data.length; index++) {
                int value = data[index] & BYTE_MASK;
                if (value > layout.maxValue()) {
                    throw new IdxFormatException(file, layout.itemName() + " 0 to " + layout.maxValue(),
                            value + " (item " + index + ")", headerBytes + (long) index);
                }
            }
        }
        return data;
    }

    private void checkArrayLimit(long dataBytes) throws IdxFormatException {
        if (dataBytes > MAX_ARRAY_BYTES) {
            throw new IdxFormatException(file, "at most " + MAX_ARRAY_BYTES / layout.itemBytes() + " "
                    + layout.itemName() + " (the largest Java array)", String.valueOf(count), PREFIX_BYTES);
        }
    }

    private IdxFormatException truncatedHeader(int expectedBytes, int foundBytes) {
        return new IdxFormatException(file, "an IDX header of " + expectedBytes + " bytes",
                "only " + foundBytes + " bytes before the end of the " + contentNoun(), foundBytes);
    }

    private IdxFormatException truncatedData(long dataBytes, long foundBytes) {
        return new IdxFormatException(file, dataBytes + " data bytes after the " + headerBytes
                + "-byte header (" + layout.describeItems(count) + ")",
                "only " + foundBytes + " before the end of the " + contentNoun(), headerBytes + foundBytes);
    }

    private IdxFormatException trailingBytes(String trailing) {
        long end = headerBytes + count * layout.itemBytes();
        return new IdxFormatException(file, "the " + contentNoun() + " to end after " + end + " bytes ("
                + layout.describeItems(count) + ")", trailing + " trailing bytes", end);
    }

    private String contentNoun() {
        return gzip ? "uncompressed content" : "file";
    }

    private String otherLayoutHint(int dimensions) {
        for (IdxLayout other : IdxLayout.values()) {
            if (other.dimensions() == dimensions) {
                return " (the shape of " + other.itemName() + ")";
            }
        }
        return "";
    }

    private static String describeStart(byte[] start) {
        if (looksLikeText(start)) {
            String text = new String(start, StandardCharsets.US_ASCII)
                    .replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
            return "text \"" + text + "\" (not an IDX file)";
        }
        StringBuilder bytes = new StringBuilder("bytes");
        for (int index = 0; index < Math.min(ZERO_BYTES, start.length); index++) {
            bytes.append(' ').append(hex(start[index] & BYTE_MASK));
        }
        return bytes.toString();
    }

    private static boolean looksLikeText(byte[] bytes) {
        for (byte value : bytes) {
            boolean printable = value >= ' ' && value < Byte.MAX_VALUE;
            if (!printable && value != '\n' && value != '\r' && value != '\t') {
                return false;
            }
        }
        return bytes.length > 0;
    }

    private static String typeName(int type) {
        return " (" + TYPE_NAMES.getOrDefault(type, "not an IDX type") + ")";
    }

    private static String hex(int value) {
        return String.format("0x%02x", value);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
