package dev.cganstudio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads thousands of damaged variants of small valid IDX files, raw and gzipped, and checks that
 * each either reads or fails with the reader's own {@link IdxFormatException}: never another
 * IOException, a RuntimeException, an Error, a hang, or an allocation the file cannot justify.
 */
class IdxFuzzTest {

    private static final Logger LOG = LoggerFactory.getLogger(IdxFuzzTest.class);

    private static final long SEED = 20_240_601L;
    private static final int CASES = 20_000;
    private static final int IMAGE_COUNT = 2;
    private static final int[] LABELS = {7, 2, 1, 0, 4, 1, 4, 9, 5, 9};
    /** Header sizes that probe signs, overflow and off-by-one shapes. */
    private static final int[] TRICKY_SIZES = {0, 1, 2, Mnist.ROWS - 1, Mnist.ROWS, Mnist.ROWS + 1,
        Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 1 << 24};
    private static final int MUTATIONS = 7;
    private static final int MAX_FLIPS = 3;
    private static final int MAX_APPENDED = 64;
    /** One case in this many is gzipped before reading; another as many get their gzip bytes damaged. */
    private static final int GZIP_SHARE = 3;
    /** Allocation one case may make: buffers of a few tens of KiB, never the claimed sizes. */
    private static final long CASE_ALLOCATION_LIMIT_BYTES = 2L << 20;
    /** Generous bound for a loaded shared machine; it takes a few seconds alone. */
    private static final long TIME_LIMIT_MILLIS = 60_000;
    /** A hang fails the test here instead of blocking the build. */
    private static final long HANG_LIMIT_SECONDS = 120;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = HANG_LIMIT_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void damagedFilesReadOrFailOnlyWithTheReadersOwnError() throws IOException {
        Random random = new Random(SEED);
        byte[][] originals = {IdxFixtures.images(IMAGE_COUNT), IdxFixtures.labels(LABELS)};
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path file = folder.resolve("fuzzed");
        int read = 0;
        int refused = 0;
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();

        for (int caseNumber = 0; caseNumber < CASES; caseNumber++) {
            byte[] content = variant(originals[random.nextInt(originals.length)], random);
            overwrite(file, content);
            IdxLayout layout = IdxLayout.values()[random.nextInt(IdxLayout.values().length)];
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            try {
                checkRead(IdxReader.read(file, layout), layout);
                read++;
            } catch (IdxFormatException expected) {
                refused++;
            } catch (IOException | RuntimeException | Error unexpected) {
                fail("case " + caseNumber + " (seed " + SEED + ") threw " + unexpected + " for "
                        + HexFormat.of().formatHex(content), unexpected);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            assertTrue(allocated < CASE_ALLOCATION_LIMIT_BYTES, "case " + caseNumber + " allocated " + allocated);
        }

        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        LOG.info("Fuzzed {} IDX variants (seed {}): {} read, {} refused, in {} ms ({} ms of CPU)",
                CASES, SEED, read, refused, millis, cpuMillis);
        assertEquals(CASES, read + refused);
        assertTrue(millis < TIME_LIMIT_MILLIS, "took " + millis + " ms");
    }

    /**
     * Replaces the file's bytes without first truncating it to zero: on ext4, a file truncated to
     * zero is flushed to disk when closed (the auto_da_alloc heuristic), which made each case 20x slower.
     */
    private static void overwrite(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content), 0);
            channel.truncate(content.length);
        }
    }

    private static void checkRead(byte[] data, IdxLayout layout) {
        assertEquals(0, data.length % layout.itemBytes(), "whole items");
        for (byte value : data) {
            assertTrue((value & 0xFF) <= layout.maxValue(), "value in range");
        }
    }

    /** A damaged copy of {@code original}: raw, gzipped, or gzipped then damaged. */
    private static byte[] variant(byte[] original, Random random) {
        int form = random.nextInt(GZIP_SHARE);
        if (form == 0) {
            return IdxFixtures.gzip(mutate(original, random));
        }
        if (form == 1) {
            return mutate(IdxFixtures.gzip(maybeMutate(original, random)), random);
        }
        return mutate(original, random);
    }

    private static byte[] maybeMutate(byte[] original, Random random) {
        return random.nextBoolean() ? original : mutate(original, random);
    }

    private static byte[] mutate(byte[] original, Random random) {
        switch (random.nextInt(MUTATIONS)) {
            case 0:
                return flipBits(original, random, IdxFixtures.IMAGES_HEADER);
            case 1:
                return flipBits(original, random, original.length);
            case 2:
                return IdxFixtures.truncated(original, random.nextInt(original.length));
            case 3:
                byte[] extra = new byte[1 + random.nextInt(MAX_APPENDED)];
                random.nextBytes(extra);
                return IdxFixtures.concat(original, extra);
            case 4:
                int sizeOffset = IdxFixtures.COUNT_OFFSET + IdxReader.SIZE_BYTES * random.nextInt(3);
                int size = TRICKY_SIZES[random.nextInt(TRICKY_SIZES.length)];
                return sizeOffset + IdxReader.SIZE_BYTES <= original.length
                        ? IdxFixtures.withInt(original, sizeOffset, size) : original;
            case 5:
                int headerByte = random.nextInt(IdxReader.PREFIX_BYTES);
                return IdxFixtures.withByte(original, headerByte, random.nextInt(1 << Byte.SIZE));
            default:
                return IdxFixtures.withByte(original, random.nextInt(original.length), random.nextInt(1 << Byte.SIZE));
        }
    }

    private static byte[] flipBits(byte[] original, Random random, int within) {
        byte[] copy = original.clone();
        int flips = 1 + random.nextInt(MAX_FLIPS);
        for (int flip = 0; flip < flips; flip++) {
            int offset = random.nextInt(Math.min(within, copy.length));
            copy[offset] ^= (byte) (1 << random.nextInt(Byte.SIZE));
        }
        return copy;
    }
}
