package dev.cganstudio.testing;

import dev.cganstudio.data.IdxWriter;
import dev.cganstudio.data.Mnist;
import dev.cganstudio.data.MnistDataset;
import dev.cganstudio.data.MnistSplit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Small MNIST-format datasets for tests: each digit drawn as the segments of a seven-segment
 * display, shifted and thickened at random, so a classifier can learn them in seconds and no test
 * needs the real data.
 */
public final class SyntheticMnist {

    /** Segments a to g lit for each digit, as on a seven-segment display. */
    private static final String[] SEGMENTS = {
        "abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc", "abcdefg", "abcdfg"};
    private static final int LEFT = 8;
    private static final int RIGHT = 19;
    private static final int TOP = 5;
    private static final int MIDDLE = 13;
    private static final int BOTTOM = 22;
    private static final int MAX_SHIFT = 2;

    private SyntheticMnist() {
    }

    /** A dataset of {@code count} digits, labels cycling 0-9. */
    public static MnistDataset dataset(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] images = new byte[count * Mnist.PIXELS];
        byte[] labels = new byte[count];
        for (int index = 0; index < count; index++) {
            int label = index % Mnist.CLASSES;
            labels[index] = (byte) label;
            draw(images, index * Mnist.PIXELS, label, random);
        }
        return new MnistDataset(images, labels);
    }

    /** Writes both splits with the canonical file names into {@code folder} and returns it. */
    public static Path writeFolder(Path folder, int trainCount, int testCount) throws IOException {
        write(folder, MnistSplit.TRAIN, dataset(trainCount, 1));
        write(folder, MnistSplit.TEST, dataset(testCount, 2));
        return folder;
    }

    private static void write(Path folder, MnistSplit split, MnistDataset data) throws IOException {
        IdxWriter.writeImages(folder.resolve(split.imagesFile()), data);
        IdxWriter.writeLabels(folder.resolve(split.labelsFile()), data);
    }

    private static void draw(byte[] images, int offset, int label, SplittableRandom random) {
        int dx = random.nextInt(-MAX_SHIFT, MAX_SHIFT + 1);
        int dy = random.nextInt(-MAX_SHIFT, MAX_SHIFT + 1);
        int thickness = 1 + random.nextInt(2);
        for (char segment : SEGMENTS[label].toCharArray()) {
            switch (segment) {
                case 'a' -> line(images, offset, LEFT + dx, TOP + dy, RIGHT + dx, TOP + dy, thickness);
                case 'b' -> line(images, offset, RIGHT + dx, TOP + dy, RIGHT + dx, MIDDLE + dy, thickness);
                case 'c' -> line(images, offset, RIGHT + dx, MIDDLE + dy, RIGHT + dx, BOTTOM + dy, thickness);
                case 'd' -> line(images, offset, LEFT + dx, BOTTOM + dy, RIGHT + dx, BOTTOM + dy, thickness);
                case 'e' -> line(images, offset, LEFT + dx, MIDDLE + dy, LEFT + dx, BOTTOM + dy, thickness);
                case 'f' -> line(images, offset, LEFT + dx, TOP + dy, LEFT + dx, MIDDLE + dy, thickness);
                default -> line(images, offset, LEFT + dx, MIDDLE + dy, RIGHT + dx, MIDDLE + dy, thickness);
            }
        }
    }

    private static void line(byte[] images, int offset, int x0, int y0, int x1, int y1, int thickness) {
        for (int y = Math.min(y0, y1); y <= Math.max(y0, y1) + thickness - 1; y++) {
            for (int x = Math.min(x0, x1); x <= Math.max(x0, x1) + thickness - 1; x++) {
                if (x >= 0 && x < Mnist.COLUMNS && y >= 0 && y < Mnist.ROWS) {
                    images[offset + y * Mnist.COLUMNS + x] = (byte) Mnist.MAX_GREY;
                }
            }
        }
    }
}
