package dev.cganstudio.data;

import static dev.cganstudio.data.DataAssertions.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a split's two files in a folder by canonical name, and loading them as one dataset. */
class MnistFilesTest {

    private static final int[] LABELS = {3, 1, 4};

    @TempDir
    Path folder;

    @Test
    void loadsGzippedImagesAndRawLabelsUnderCanonicalNames() throws IOException {
        MnistSplit split = MnistSplit.TEST;
        IdxFixtures.write(folder, split.imagesFile() + MnistFiles.GZIP_SUFFIX,
                IdxFixtures.gzip(IdxFixtures.images(LABELS.length)));
        IdxFixtures.write(folder, split.labelsFile(), IdxFixtures.labels(LABELS));

        MnistDataset dataset = MnistFiles.load(folder, split);

        assertEquals(LABELS.length, dataset.size());
        assertArrayEquals(IdxFixtures.pixels(LABELS.length), dataset.images());
        assertEquals(LABELS[2], dataset.label(2));
    }

    @Test
    void prefersTheRawFileWhenBothArePresent() throws IOException {
        String name = MnistSplit.TRAIN.labelsFile();
        IdxFixtures.write(folder, name, IdxFixtures.labels(LABELS));
        IdxFixtures.write(folder, name + MnistFiles.GZIP_SUFFIX, IdxFixtures.gzip(IdxFixtures.labels(LABELS)));

        assertEquals(folder.resolve(name), MnistFiles.find(folder, name).orElseThrow());
    }

    @Test
    void countsThatDisagreeNameBothFilesAndCounts() throws IOException {
        MnistSplit split = MnistSplit.TRAIN;
        Path images = IdxFixtures.write(folder, split.imagesFile(), IdxFixtures.images(LABELS.length));
        Path labels = IdxFixtures.write(folder, split.labelsFile() + MnistFiles.GZIP_SUFFIX,
                IdxFixtures.gzip(IdxFixtures.labels(1, 2)));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> MnistFiles.load(folder, split));

        assertMessage(error, labels, "expected 3 labels, one per image in " + images, "found 2 labels for 3 images");
    }

    @Test
    void missingFileNamesTheFolderAndBothNamesLookedFor() throws IOException {
        MnistSplit split = MnistSplit.TEST;
        IdxFixtures.write(folder, split.imagesFile(), IdxFixtures.images(1));

        NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> MnistFiles.load(folder, split));

        assertMessage(error, folder, "expected t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz",
                "found neither");
    }

    @Test
    void digestIsOfTheUncompressedContent() throws IOException {
        byte[] content = IdxFixtures.labels(LABELS);
        Path raw = IdxFixtures.write(folder, "raw", content);
        Path gzipped = IdxFixtures.write(folder, "gzipped", IdxFixtures.gzip(content));

        assertEquals(ContentDigest.sha256(content), ContentDigest.sha256(raw));
        assertEquals(ContentDigest.sha256(content), ContentDigest.sha256(gzipped));
    }

    @Test
    void digestOfTruncatedGzipIsAFormatError() throws IOException {
        byte[] gzip = IdxFixtures.gzip(IdxFixtures.images(2));
        Path file = IdxFixtures.write(folder, "cut.gz", IdxFixtures.truncated(gzip, gzip.length / 2));

        IdxFormatException error = assertThrows(IdxFormatException.class, () -> ContentDigest.sha256(file));

        assertMessage(error, file, "expected a complete, valid gzip stream", "found a damaged one");
    }
}
