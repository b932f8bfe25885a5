package dev.cganstudio.data;

import static dev.cganstudio.data.DataAssertions.assertMessage;
import static dev.cganstudio.data.IdxFixtures.COLUMNS_OFFSET;
import static dev.cganstudio.data.IdxFixtures.COUNT_OFFSET;
import static dev.cganstudio.data.IdxFixtures.DIMENSIONS_OFFSET;
import static dev.cganstudio.data.IdxFixtures.IMAGES_HEADER;
import static dev.cganstudio.data.IdxFixtures.LABELS_HEADER;
import static dev.cganstudio.data.IdxFixtures.ROWS_OFFSET;
import static dev.cganstudio.data.IdxFixtures.TYPE_OFFSET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny fixture per kind of broken IDX file; each test checks the type and the message. */
class IdxReaderTest {

    private static final int IMAGE_COUNT = 3;
    private static final int[] LABELS = {5, 0, 4, 1, 9};
    /** A count no 100-byte file can justify: 2^31 items. */
    private static final int HUGE_COUNT = Integer.MIN_VALUE;
    private static final long HUGE_COUNT_UNSIGNED = Integer.toUnsignedLong(HUGE_COUNT);
    /** A count below the array limit, so a gzip reader would try to fill it: 2^30 labels. */
    private static final int LARGE_COUNT = 1 << 30;
    /** Size of the small file that claims {@link #HUGE_COUNT} items. */
    private static final int SMALL_FILE_BYTES = 100;
    /** Allocation a reader may make while refusing a huge claim: its buffers, not gigabytes. */
    private static final long ALLOCATION_LIMIT_BYTES = 4L << 20;
    private static final int OUT_OF_RANGE_LABEL = 10;
    private static final int OUT_OF_RANGE_INDEX = 2;
    private static final int WRONG_SIZE = 27;
    private static final int TRAILING = 5;
    private static final int TYPE_FLOAT = 0x0D;

    @TempDir
    Path folder;

    @Test
    void readsImagesAndLabels() throws IOException {
        Path images = IdxFixtures.write(folder, "images", IdxFixtures.images(IMAGE_COUNT));
        Path labels = IdxFixtures.write(folder, "labels", IdxFixtures.labels(LABELS));

        assertArrayEquals(IdxFixtures.pixels(IMAGE_COUNT), IdxReader.readImages(images));
        assertArrayEquals(new byte[] {5, 0, 4, 1, 9}, IdxReader.readLabels(labels));
    }

    @Test
    void gzipOfValidFileReadsIdenticallyToRawWhateverTheName() throws IOException {
        byte[] images = IdxFixtures.images(IMAGE_COUNT);
        byte[] labels = IdxFixtures.labels(LABELS);
        Path rawImages = IdxFixtures.write(folder, "images.gz", images);
        Path gzImages = IdxFixtures.write(folder, "images.raw", IdxFixtures.gzip(images));
        Path rawLabels = IdxFixtures.write(folder, "labels", labels);
        Path gzLabels = IdxFixtures.write(folder, "labels.gz", IdxFixtures.gzip(labels));

        assertArrayEquals(IdxReader.readImages(rawImages), IdxReader.readImages(gzImages));
        assertArrayEquals(IdxReader.readLabels(rawLabels), IdxReader.readLabels(gzLabels));
    }

    @Test
    void readsAnEmptySplit() throws IOException {
        Path images = IdxFixtures.write(folder, "images", IdxFixtures.images(0));

        assertEquals(0, IdxReader.readImages(images).length);
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        Path file = IdxFixtures.write(folder, "wrong-magic", IdxFixtures.withByte(IdxFixtures.labels(LABELS), 1, 3));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertMessage(error, file, "expected an IDX file starting with two zero bytes", "found bytes 0x00 0x03",
                "at byte 1");
    }

    @Test
    void wrongTypeByteIsRejected() throws IOException {
        byte[] content = IdxFixtures.withByte(IdxFixtures.images(1), TYPE_OFFSET, TYPE_FLOAT);
        Path file = IdxFixtures.write(folder, "wrong-type", content);

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertMessage(error, file, "expected data type 0x08 (unsigned byte)", "found 0x0d (float)", "at byte 2");
    }

    @Test
    void wrongDimensionCountIsRejected() throws IOException {
        Path file = IdxFixtures.write(folder, "labels-as-images", IdxFixtures.labels(LABELS));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertMessage(error, file, "expected 3 dimensions for images", "found 1 (the shape of labels)",
                "at byte " + DIMENSIONS_OFFSET);
    }

    @Test
    void wrongRowsAreRejected() throws IOException {
        byte[] content = IdxFixtures.withInt(IdxFixtures.images(1), ROWS_OFFSET, WRONG_SIZE);
        Path file = IdxFixtures.write(folder, "wrong-rows", content);

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertMessage(error, file, "expected 28 rows", "found 27", "at byte " + ROWS_OFFSET);
    }

    @Test
    void wrongColumnsAreRejected() throws IOException {
        byte[] content = IdxFixtures.withInt(IdxFixtures.images(1), COLUMNS_OFFSET, -1);
        Path file = IdxFixtures.write(folder, "wrong-columns", content);

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertMessage(error, file, "expected 28 columns", "found 4294967295", "at byte " + COLUMNS_OFFSET);
    }

    @Test
    void truncatedDataIsRejected() throws IOException {
        int kept = IMAGES_HEADER + 2 * Mnist.PIXELS + 1;
        Path file = IdxFixtures.write(folder, "truncated-data",
                IdxFixtures.truncated(IdxFixtures.images(IMAGE_COUNT), kept));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertMessage(error, file, "expected " + IMAGE_COUNT * Mnist.PIXELS + " data bytes after the 16-byte header"
                + " (3 images of 28x28)", "found only " + (kept - IMAGES_HEADER), "at byte " + kept);
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] content = IdxFixtures.concat(IdxFixtures.labels(LABELS), new byte[TRAILING]);
        Path file = IdxFixtures.write(folder, "trailing-bytes", content);

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        int end = LABELS_HEADER + LABELS.length;
        assertMessage(error, file, "expected the file to end after " + end + " bytes (5 labels)",
                "found " + TRAILING + " trailing bytes", "at byte " + end);
    }

    @Test
    void truncatedHeaderIsRejected() throws IOException {
        int kept = ROWS_OFFSET + 2;
        Path file = IdxFixtures.write(folder, "truncated-header", IdxFixtures.truncated(IdxFixtures.images(1), kept));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertMessage(error, file, "expected an IDX header of 16 bytes", "found only " + kept + " bytes");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = IdxFixtures.write(folder, "empty", new byte[0]);

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertMessage(error, file, "expected an IDX header", "found an empty file");
    }

    @Test
    void labelOutOfRangeIsRejected() throws IOException {
        byte[] content = IdxFixtures.labels(1, 2, OUT_OF_RANGE_LABEL, 3);
        Path file = IdxFixtures.write(folder, "label-out-of-range", content);

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertMessage(error, file, "expected labels 0 to 9", "found 10 (item 2)",
                "at byte " + (LABELS_HEADER + OUT_OF_RANGE_INDEX));
    }

    @Test
    void textFileGetsAClearMessage() throws IOException {
        byte[] text = "This is not an IDX file.\nIt is text.\n".getBytes(StandardCharsets.US_ASCII);
        Path file = IdxFixtures.write(folder, "train-images-idx3-ubyte", text);

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertMessage(error, file, "expected an IDX file starting with two zero bytes (or a gzip file",
                "found text \"This is not an IDX file.\" (not an IDX file)", "at byte 0");
    }

    @Test
    void truncatedGzipIsRejected() throws IOException {
        byte[] gzip = IdxFixtures.gzip(IdxFixtures.images(IMAGE_COUNT));
        Path file = IdxFixtures.write(folder, "truncated.gz", IdxFixtures.truncated(gzip, gzip.length / 2));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertMessage(error, file, "expected a complete, valid gzip stream", "found a truncated one");
    }

    @Test
    void gzipWithBadChecksumIsRejected() throws IOException {
        byte[] gzip = IdxFixtures.gzip(IdxFixtures.labels(LABELS));
        int crcOffset = gzip.length - 2 * Integer.BYTES;
        Path file = IdxFixtures.write(folder, "bad-crc.gz", IdxFixtures.withByte(gzip, crcOffset, ~gzip[crcOffset]));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertMessage(error, file, "expected a complete, valid gzip stream", "found a corrupt one");
    }

    @Test
    void gzipOfTruncatedFileNamesUncompressedOffsets() throws IOException {
        byte[] content = IdxFixtures.truncated(IdxFixtures.labels(LABELS), LABELS_HEADER + 2);
        Path file = IdxFixtures.write(folder, "short-labels.gz", IdxFixtures.gzip(content));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertMessage(error, file, "expected 5 data bytes after the 8-byte header (5 labels)",
                "found only 2 before the end of the uncompressed content", "at byte " + (LABELS_HEADER + 2));
    }

    @Test
    void hugeCountOnSmallRawFileFailsWithoutAllocating() throws IOException {
        byte[] content = IdxFixtures.withInt(IdxFixtures.truncated(IdxFixtures.images(1), SMALL_FILE_BYTES),
                COUNT_OFFSET, HUGE_COUNT);
        Path file = IdxFixtures.write(folder, "huge-count", content);

        IdxFormatException error = assertAllocatesLittle(() -> IdxReader.readImages(file));

        assertMessage(error, file, HUGE_COUNT_UNSIGNED + " images of 28x28",
                "found only " + (SMALL_FILE_BYTES - IMAGES_HEADER));
    }

    @Test
    void largeCountInSmallGzipFailsWithoutAllocating() throws IOException {
        byte[] content = IdxFixtures.withInt(IdxFixtures.truncated(IdxFixtures.labels(new int[SMALL_FILE_BYTES]),
                SMALL_FILE_BYTES), COUNT_OFFSET, LARGE_COUNT);
        Path file = IdxFixtures.write(folder, "large-count.gz", IdxFixtures.gzip(content));

        IdxFormatException error = assertAllocatesLittle(() -> IdxReader.readLabels(file));

        assertMessage(error, file, "expected " + LARGE_COUNT + " data bytes",
                "found only " + (SMALL_FILE_BYTES - LABELS_HEADER));
    }

    @Test
    void countBeyondAnyJavaArrayIsRejected() throws IOException {
        byte[] content = IdxFixtures.withInt(IdxFixtures.images(0), COUNT_OFFSET, -1);
        Path file = IdxFixtures.write(folder, "count-too-large.gz", IdxFixtures.gzip(content));

        IdxFormatException error = assertAllocatesLittle(() -> IdxReader.readImages(file));

        assertMessage(error, file, "images (the largest Java array)", "found 4294967295", "at byte 4");
    }

    @Test
    void missingFileIsAnIoError() {
        Path file = folder.resolve("absent");

        NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> IdxReader.readLabels(file));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void directoryIsAnIoErrorNamingIt() {
        IOException error = assertThrows(IOException.class, () -> IdxReader.readLabels(folder));

        assertTrue(error.getMessage().contains(folder + ": expected an IDX file, found a directory"),
                error.getMessage());
    }


    private static IdxFormatException assertAllocatesLittle(ThrowingRead read) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        IdxFormatException error = assertThrows(IdxFormatException.class, read::run);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < ALLOCATION_LIMIT_BYTES, "allocated " + allocated + " bytes");
        return error;
    }

    @FunctionalInterface
    private interface ThrowingRead {
        void run() throws IOException;
    }
}
