package dev.cganstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and loads the IDX files of one MNIST split in a folder, under their canonical names
 * ({@link MnistSplit#imagesFile()}, {@link MnistSplit#labelsFile()}), raw or with {@code .gz}.
 */
public final class MnistFiles {

    /** Suffix of the gzipped copies the mirrors serve. */
    public static final String GZIP_SUFFIX = ".gz";

    private static final Logger LOG = LoggerFactory.getLogger(MnistFiles.class);

    private MnistFiles() {
    }

    /**
     * Reads the images and labels of {@code split} from {@code folder}.
     *
     * @throws NoSuchFileException if a file is in the folder neither raw nor gzipped
     * @throws IdxFormatException if a file is malformed or the two counts disagree
     * @throws IOException if a file cannot be read
     */
    public static MnistDataset load(Path folder, MnistSplit split) throws IOException {
        long start = System.nanoTime();
        Path imagesFile = require(folder, split.imagesFile());
        Path labelsFile = require(folder, split.labelsFile());
        byte[] images = IdxReader.readImages(imagesFile);
        byte[] labels = IdxReader.readLabels(labelsFile);
        long imageCount = images.length / Mnist.PIXELS;
        if (imageCount != labels.length) {
            throw new IdxFormatException(labelsFile, imageCount + " labels, one per image in " + imagesFile,
                    labels.length + " labels for " + imageCount + " images");
        }
        LOG.info("Loaded MNIST {}: {} images from {} in {} ms", split, labels.length, folder,
                (System.nanoTime() - start) / 1_000_000);
        return new MnistDataset(images, labels);
    }

    /**
     * The file holding {@code canonicalName} in {@code folder}: the raw file if present, else the
     * gzipped one. Which one it is matters not: readers tell them apart by content.
     */
    public static Optional<Path> find(Path folder, String canonicalName) {
        for (Path candidate : candidates(folder, canonicalName)) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The file names {@link #find} looks for, in the order it looks. */
    public static List<Path> candidates(Path folder, String canonicalName) {
        return List.of(folder.resolve(canonicalName), folder.resolve(canonicalName + GZIP_SUFFIX));
    }

    private static Path require(Path folder, String canonicalName) throws NoSuchFileException {
        return find(folder, canonicalName).orElseThrow(() -> new NoSuchFileException(folder.toString(), null,
                "expected " + canonicalName + " or " + canonicalName + GZIP_SUFFIX + ", found neither"));
    }
}
