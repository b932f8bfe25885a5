package dev.cganstudio.evaluation;

import dev.cganstudio.data.Mnist;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Optional;

/**
 * Prepares a digit drawn by a person the way the MNIST digits were prepared (LeCun, Cortes and
 * Burges, "The MNIST database of handwritten digits"): the ink's bounding box is scaled to fit a
 * 20x20 box keeping its aspect ratio, with anti-aliasing, then placed in a 28x28 field so that
 * its centre of mass sits at the centre of the field. Ink comes out bright on a dark field
 * whichever way round the input was.
 *
 * <p>Coordinates: pixel {@code (column, row)} has its centre at {@code (column, row)}, so the
 * centre of the 28x28 field is {@link #CENTRE} = 13.5 on both axes, and the centre of mass is
 * {@code sum(value * index) / sum(value)}. As in MNIST the digit is moved by whole pixels, so the
 * centre of mass lands within half a pixel of the centre and the 20x20 box stays sharp.
 */
public final class DigitPreprocessor {

    /** Side of the box the ink's bounding box is scaled to fit, as in MNIST. */
    public static final int BOX = 20;
    /** Centre of the 28x28 field in pixel-centre coordinates (0-based). */
    public static final double CENTRE = (Mnist.COLUMNS - 1) / 2.0;
    /**
     * Least difference between the strongest ink and the paper, on a 0-1 scale, for an image to
     * hold a digit; below it the image is empty (a blank canvas, or sensor noise).
     */
    static final float MIN_CONTRAST = 0.1f;
    /** Ink weaker than this fraction of the strongest ink is paper noise: not ink, not in the box. */
    static final float NOISE_FLOOR = 0.05f;

    private static final double RED = 0.299;
    private static final double GREEN = 0.587;
    private static final double BLUE = 0.114;
    private static final int CHANNEL_MAX = 255;
    /** Ink darker than this, on average, is laid on white paper; lighter ink on black. */
    private static final double HALF_GREY = 0.5;

    private DigitPreprocessor() {
    }

    /**
     * Prepares an image of any size and colours. Where the picture is partly transparent (ink on a
     * transparent background, as drawing programs and browser canvases save it), it is laid on
     * paper that contrasts with its ink: white under dark ink, black under light ink.
     *
     * @return 784 grey values in [0, 1], row-major, ink bright; empty when the image holds no ink
     */
    public static Optional<float[]> prepare(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] luminance = new float[argb.length];
        float[] opacity = new float[argb.length];
        double opaqueLuminance = 0;
        double totalOpacity = 0;
        boolean translucent = false;
        for (int index = 0; index < argb.length; index++) {
            int pixel = argb[index];
            luminance[index] = (float) ((RED * ((pixel >> 16) & 0xFF) + GREEN * ((pixel >> 8) & 0xFF)
                    + BLUE * (pixel & 0xFF)) / CHANNEL_MAX);
            opacity[index] = ((pixel >>> 24) & 0xFF) / (float) CHANNEL_MAX;
            translucent |= opacity[index] < 1;
            opaqueLuminance += opacity[index] * luminance[index];
            totalOpacity += opacity[index];
        }
        if (!translucent) {
            return prepare(luminance, width, height);
        }
        float paper = totalOpacity > 0 && opaqueLuminance / totalOpacity < HALF_GREY ? 1 : 0;
        float[] grey = new float[argb.length];
        for (int index = 0; index < argb.length; index++) {
            grey[index] = opacity[index] * luminance[index] + (1 - opacity[index]) * paper;
        }
        return prepare(grey, width, height);
    }

    /**
     * Prepares a grey image, 0 black to 1 white, row-major, of any size and either polarity.
     *
     * @return 784 grey values in [0, 1], row-major, ink bright; empty when the image holds no ink
     */
    public static Optional<float[]> prepare(float[] grey, int width, int height) {
        if (width < 1 || height < 1 || grey.length != width * height) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " = " + (long) width * height
                    + " grey values, found " + grey.length);
        }
        float[] ink = inkOf(grey, width, height);
        if (ink == null) {
            return Optional.empty();
        }
        Box box = Box.of(ink, width, height);
        double scale = (double) BOX / Math.max(box.width(), box.height());
        int patchWidth = Math.max(1, (int) Math.ceil(box.width() * scale - 1e-9));
        int patchHeight = Math.max(1, (int) Math.ceil(box.height() * scale - 1e-9));
        float[][] columnWeights = weights(box.left(), box.width(), patchWidth, scale);
        float[][] rowWeights = weights(box.top(), box.height(), patchHeight, scale);
        float[] patch = resample(ink, width, box, columnWeights, rowWeights);
        return Optional.of(centre(patch, patchWidth, patchHeight));
    }

    /**
     * Ink strength 0-1 of every pixel, measured from the paper (the median of the border) in the
     * direction the image departs from it most (dark ink on light paper or the other way), and
     * stretched so that the strongest ink is 1; null when no pixel differs enough from the paper.
     */
    private static float[] inkOf(float[] grey, int width, int height) {
        float paper = borderMedian(grey, width, height);
        float darkest = 1;
        float brightest = 0;
        for (float value : grey) {
            darkest = Math.min(darkest, clamp(value));
            brightest = Math.max(brightest, clamp(value));
        }
        boolean darkInk = paper - darkest >= brightest - paper;
        float strongest = darkInk ? paper - darkest : brightest - paper;
        if (strongest < MIN_CONTRAST) {
            return null;
        }
        float[] ink = new float[grey.length];
        for (int index = 0; index < grey.length; index++) {
            float value = clamp(grey[index]);
            float stretched = Math.max(0, darkInk ? paper - value : value - paper) / strongest;
            ink[index] = stretched < NOISE_FLOOR ? 0 : stretched;
        }
        return ink;
    }

    private static float borderMedian(float[] grey, int width, int height) {
        float[] border = new float[2 * width + 2 * Math.max(0, height - 2)];
        int count = 0;
        for (int column = 0; column < width; column++) {
            border[count++] = grey[column];
            if (height > 1) {
                border[count++] = grey[(height - 1) * width + column];
            }
        }
        for (int row = 1; row < height - 1; row++) {
            border[count++] = grey[row * width];
            if (width > 1) {
                border[count++] = grey[row * width + width - 1];
            }
        }
        float[] used = Arrays.copyOf(border, count);
        Arrays.sort(used);
        return clamp(used[count / 2]);
    }

    /**
     * Weights [target][source offset in the box] mapping the box's pixels onto the patch's: the
     * overlap of each source pixel with each target pixel when shrinking (area averaging), a
     * tent when enlarging (bilinear). Either way an edge lands between pixels as grey.
     */
    private static float[][] weights(int start, int length, int targets, double scale) {
        float[][] weights = new float[targets][length];
        for (int target = 0; target < targets; target++) {
            if (scale <= 1) {
                double from = target / scale;
                double to = (target + 1) / scale;
                for (int source = (int) Math.floor(from); source < Math.min(length, Math.ceil(to)); source++) {
                    double overlap = Math.min(to, source + 1) - Math.max(from, source);
                    weights[target][source] = (float) (Math.max(0, overlap) * scale);
                }
            } else {
                double centre = (target + 0.5) / scale - 0.5;
                for (int source = Math.max(0, (int) Math.floor(centre));
                     source <= Math.min(length - 1, (int) Math.ceil(centre)); source++) {
                    weights[target][source] = (float) Math.max(0, 1 - Math.abs(source - centre));
                }
            }
        }
        return weights;
    }

    private static float[] resample(float[] ink, int width, Box box, float[][] columnWeights, float[][] rowWeights) {
        int patchWidth = columnWeights.length;
        int patchHeight = rowWeights.length;
        float[] rows = new float[box.height() * patchWidth];
        for (int row = 0; row < box.height(); row++) {
            int source = (box.top() + row) * width + box.left();
            for (int target = 0; target < patchWidth; target++) {
                float sum = 0;
                float[] weight = columnWeights[target];
                for (int offset = 0; offset < box.width(); offset++) {
                    sum += weight[offset] * ink[source + offset];
                }
                rows[row * patchWidth + target] = sum;
            }
        }
        float[] patch = new float[patchHeight * patchWidth];
        for (int target = 0; target < patchHeight; target++) {
            float[] weight = rowWeights[target];
            for (int row = 0; row < box.height(); row++) {
                if (weight[row] != 0) {
                    for (int column = 0; column < patchWidth; column++) {
                        patch[target * patchWidth + column] += weight[row] * rows[row * patchWidth + column];
                    }
                }
            }
        }
        return patch;
    }

    /**
     * Places the patch in the 28x28 field moved by whole pixels so its centre of mass is nearest
     * {@link #CENTRE}; the move is limited so that no ink falls off the field.
     */
    private static float[] centre(float[] patch, int patchWidth, int patchHeight) {
        double mass = 0;
        double columnMoment = 0;
        double rowMoment = 0;
        for (int row = 0; row < patchHeight; row++) {
            for (int column = 0; column < patchWidth; column++) {
                float value = patch[row * patchWidth + column];
                mass += value;
                columnMoment += value * column;
                rowMoment += value * row;
            }
        }
        int left = shift(CENTRE - columnMoment / mass, patchWidth, Mnist.COLUMNS);
        int top = shift(CENTRE - rowMoment / mass, patchHeight, Mnist.ROWS);
        float[] field = new float[Mnist.PIXELS];
        for (int row = 0; row < patchHeight; row++) {
            for (int column = 0; column < patchWidth; column++) {
                field[(top + row) * Mnist.COLUMNS + left + column] = clamp(patch[row * patchWidth + column]);
            }
        }
        return field;
    }

    private static int shift(double ideal, int patchSize, int fieldSize) {
        return (int) Math.max(0, Math.min(fieldSize - patchSize, Math.round(ideal)));
    }

    private static float clamp(float value) {
        return Math.max(0, Math.min(1, value));
    }

    /** The bounding box of the ink, in source pixels. */
    private record Box(int left, int top, int width, int height) {

        static Box of(float[] ink, int width, int height) {
            int left = width;
            int right = -1;
            int top = height;
            int bottom = -1;
            for (int row = 0; row < height; row++) {
                for (int column = 0; column < width; column++) {
                    if (ink[row * width + column] > 0) {
                        left = Math.min(left, column);
                        right = Math.max(right, column);
                        top = Math.min(top, row);
                        bottom = Math.max(bottom, row);
                    }
                }
            }
            return new Box(left, top, right - left + 1, bottom - top + 1);
        }
    }
}
