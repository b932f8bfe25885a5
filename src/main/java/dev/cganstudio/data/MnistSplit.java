package dev.cganstudio.data;

/**
 * The two official MNIST splits, with the canonical names and SHA-256 digests of their
 * uncompressed IDX files (the digests identify the content whichever mirror served it).
 */
public enum MnistSplit {
    TRAIN("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            Mnist.TRAIN_COUNT),
    TEST("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
            Mnist.TEST_COUNT);

    private final String imagesFile;
    private final String imagesSha256;
    private final String labelsFile;
    private final String labelsSha256;
    private final int count;

    MnistSplit(String imagesFile, String imagesSha256, String labelsFile, String labelsSha256, int count) {
        this.imagesFile = imagesFile;
        this.imagesSha256 = imagesSha256;
        this.labelsFile = labelsFile;
        this.labelsSha256 = labelsSha256;
        this.count = count;
    }

    /** Canonical file name of the uncompressed images file. */
    public String imagesFile() {
        return imagesFile;
    }

    /** SHA-256, lowercase hex, of the uncompressed images file. */
    public String imagesSha256() {
        return imagesSha256;
    }

    /** Canonical file name of the uncompressed labels file. */
    public String labelsFile() {
        return labelsFile;
    }

    /** SHA-256, lowercase hex, of the uncompressed labels file. */
    public String labelsSha256() {
        return labelsSha256;
    }

    /** Number of images in the official split. */
    public int count() {
        return count;
    }
}
