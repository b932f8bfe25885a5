package dev.cganstudio.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model files from somewhere else: each damaged or hostile kind is refused with a
 * {@link ModelFileException} that names the file and says what was expected, quickly, without
 * spending memory on what the file claims, and without touching the file.
 */
class HostileModelFilesTest {

    private static final Logger LOG = LoggerFactory.getLogger(HostileModelFilesTest.class);

    /** Heap a refusal by the zip inspection may allocate: buffers, never the claimed sizes. */
    private static final long INSPECTION_ALLOCATION_LIMIT_BYTES = 4L << 20;
    /** Heap a refusal after DL4J has read a (small, genuine) network may allocate. */
    private static final long LOAD_ALLOCATION_LIMIT_BYTES = 256L << 20;
    /** Generous for a loaded shared machine; a refusal takes milliseconds to a second. */
    private static final long TIME_LIMIT_MILLIS = 20_000;
    /** What the hostile entries claim: far beyond any model of ours. */
    private static final long TEN_GIGABYTES = 10L << 30;
    private static final long FOUR_GIGABYTES_LESS_ONE = (4L << 30) - 2;

    @TempDir
    static Path folder;
    static Path generator;
    static Path discriminator;
    static Path judge;

    @BeforeAll
    static void saveGenuineModels() throws IOException {
        GanNetworks networks = new GanNetworks(Preset.FAST.config());
        generator = folder.resolve("generator.zip");
        discriminator = folder.resolve("discriminator.zip");
        judge = folder.resolve("judge.zip");
        ModelFiles.save(networks.generator(1), generator, false);
        ModelFiles.save(networks.discriminator(2), discriminator, false);
        ModelFiles.save(JudgeNetwork.create(3, 1), judge, false);
    }

    @Test
    void aJudgeOfferedAsGeneratorIsRefusedAsAnotherKindOfNetwork() throws IOException {
        Path file = copy(judge, "judge-as-generator.zip");
        String message = refused(file, LOAD_ALLOCATION_LIMIT_BYTES, () -> ModelFiles.loadGenerator(file, false));
        assertTrue(message.contains(ModelKind.GENERATOR.expectation()), message);
    }

    @Test
    void aDiscriminatorOfferedAsGeneratorIsRefusedByItsInputs() throws IOException {
        Path file = copy(discriminator, "discriminator-as-generator.zip");
        String message = refused(file, LOAD_ALLOCATION_LIMIT_BYTES, () -> ModelFiles.loadGenerator(file, false));
        assertTrue(message.contains("found a network with inputs [image, label]"), message);
    }

    @Test
    void aGeneratorOfferedAsJudgeIsRefused() throws IOException {
        Path file = copy(generator, "generator-as-judge.zip");
        String message = refused(file, LOAD_ALLOCATION_LIMIT_BYTES, () -> ModelFiles.loadJudge(file));
        assertTrue(message.contains(ModelKind.JUDGE.expectation()), message);
    }

    @Test
    void aZipWithoutAModelIsRefusedNamingTheMissingEntry() throws IOException {
        Path notes = write("notes.zip", ZipFixtures.ordinaryZip("notes.txt", bytes("not a network")));
        String message = refused(notes, INSPECTION_ALLOCATION_LIMIT_BYTES,
                () -> ModelFiles.loadGenerator(notes, false));
        assertTrue(message.contains("found a zip without configuration.json"), message);

        Path configurationOnly = write("configuration-only.zip",
                ZipFixtures.ordinaryZip(ModelFiles.CONFIGURATION_ENTRY, bytes("{}")));
        message = refused(configurationOnly, INSPECTION_ALLOCATION_LIMIT_BYTES,
                () -> ModelFiles.loadJudge(configurationOnly));
        assertTrue(message.contains("found a zip without coefficients.bin"), message);
    }

    @Test
    void aTruncatedModelZipIsRefusedAsUnreadable() throws IOException {
        byte[] whole = Files.readAllBytes(generator);
        for (int keptPercent : new int[] {0, 10, 50, 90, 99}) {
            Path file = write("truncated-" + keptPercent + ".zip",
                    Arrays.copyOf(whole, (int) ((long) whole.length * keptPercent / 100)));
            String message = refused(file, INSPECTION_ALLOCATION_LIMIT_BYTES,
                    () -> ModelFiles.loadGenerator(file, false));
            assertTrue(message.contains("expected a DL4J model zip, found a file that is not a readable zip"),
                    message);
        }
    }

    @Test
    void aModelZipWithDamagedBytesInsideIsRefused() throws IOException {
        byte[] damaged = Files.readAllBytes(generator);
        damaged[damaged.length / 2] ^= (byte) 0x5A;
        Path file = write("damaged.zip", damaged);
        String message = refused(file, INSPECTION_ALLOCATION_LIMIT_BYTES, () -> ModelFiles.loadGenerator(file, false));
        assertTrue(message.contains("expected a DL4J model zip, found "), message);
    }

    @Test
    void aFileThatIsNoZipAtAllIsRefusedAsUnreadable() throws IOException {
        Path file = write("text.zip", bytes("generator weights, honest\n"));
        String message = refused(file, INSPECTION_ALLOCATION_LIMIT_BYTES, () -> ModelFiles.loadGenerator(file, false));
        assertTrue(message.contains("not a readable zip"), message);
    }

    @Test
    void entriesClaimingHugeSizesAreRefusedBeforeAnythingIsInflated() throws IOException {
        for (long claimed : new long[] {FOUR_GIGABYTES_LESS_ONE, TEN_GIGABYTES}) {
            Path file = write("claims-" + claimed + ".zip", ZipFixtures.zip(List.of(
                    ZipFixtures.Entry.honest(ModelFiles.CONFIGURATION_ENTRY, bytes("{}")),
                    new ZipFixtures.Entry(ModelFiles.COEFFICIENTS_ENTRY, new byte[16], claimed, false))));
            String message = refused(file, INSPECTION_ALLOCATION_LIMIT_BYTES,
                    () -> ModelFiles.loadGenerator(file, false));
            assertTrue(message.contains("'coefficients.bin' declaring " + claimed + " bytes"), message);
        }
    }

    @Test
    void anEntryThatInflatesBeyondItsDeclaredSizeIsRefused() throws IOException {
        byte[] bomb = new byte[64 << 20];
        Arrays.fill(bomb, (byte) ' ');
        Path file = write("bomb.zip", ZipFixtures.zip(List.of(
                new ZipFixtures.Entry(ModelFiles.CONFIGURATION_ENTRY, bomb, 2, true),
                ZipFixtures.Entry.honest(ModelFiles.COEFFICIENTS_ENTRY, new byte[16]))));
        String message = refused(file, INSPECTION_ALLOCATION_LIMIT_BYTES, () -> ModelFiles.loadGenerator(file, false));
        assertTrue(message.contains("'configuration.json' inflates to more than the 2 bytes it declares"), message);
    }

    @Test
    void aMissingFileOrAFolderIsRefused() throws IOException {
        Path missing = folder.resolve("missing.zip");
        String message = refused(missing, INSPECTION_ALLOCATION_LIMIT_BYTES,
                () -> ModelFiles.loadGenerator(missing, false));
        assertTrue(message.contains("expected a generator model file, found nothing"), message);
        Path directory = Files.createDirectories(folder.resolve("folder.zip"));
        message = refused(directory, INSPECTION_ALLOCATION_LIMIT_BYTES, () -> ModelFiles.loadJudge(directory));
        assertTrue(message.contains("expected a judge model file, found a folder"), message);
    }

    /** A load that must fail. */
    private interface Load {
        void run() throws IOException;
    }

    /**
     * Runs the load, checks that it throws {@link ModelFileException} naming the file and saying
     * what was expected, within the time and allocation limits, and leaves the file as it was.
     *
     * @return the message
     */
    private static String refused(Path file, long allocationLimit, Load load) throws IOException {
        byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        ModelFileException refusal = assertThrows(ModelFileException.class, load::run);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        LOG.info("refused {} in {} ms, {} KiB allocated: {}", file.getFileName(), millis, allocated >> 10,
                refusal.getMessage());

        String message = refusal.getMessage();
        assertTrue(message.startsWith(file + ": expected "), message);
        assertTrue(millis < TIME_LIMIT_MILLIS, "took " + millis + " ms");
        assertTrue(allocated < allocationLimit, "allocated " + allocated + " bytes, limit " + allocationLimit);
        if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(file), "the refused file is left as it was");
        }
        return message;
    }

    private static Path copy(Path source, String name) throws IOException {
        return Files.copy(source, folder.resolve(name));
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
