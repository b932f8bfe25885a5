package dev.cganstudio.ui;

import dev.cganstudio.data.Mnist;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns grey digits (floats in [0, 1], 28x28 each, row-major) into JavaFX images. */
final class DigitImages {

    private static final int BYTES_PER_PIXEL = 3;

    private DigitImages() {
    }

    /**
     * An image of {@code rows * columns} digits laid out in a grid, white ink on black.
     *
     * @param pixels digit {@code k} at {@code pixels[k * 784 ..]}, digits in row-major grid order
     */
    static WritableImage grid(float[] pixels, int rows, int columns) {
        int width = columns * Mnist.COLUMNS;
        int height = rows * Mnist.ROWS;
        byte[] rgb = new byte[width * height * BYTES_PER_PIXEL];
        for (int digit = 0; digit < rows * columns; digit++) {
            int left = (digit % columns) * Mnist.COLUMNS;
            int top = (digit / columns) * Mnist.ROWS;
            for (int pixel = 0; pixel < Mnist.PIXELS; pixel++) {
                float value = Math.max(0, Math.min(1, pixels[digit * Mnist.PIXELS + pixel]));
                byte grey = (byte) Math.round(value * Mnist.MAX_GREY);
                int target = ((top + pixel / Mnist.COLUMNS) * width + left + pixel % Mnist.COLUMNS) * BYTES_PER_PIXEL;
                rgb[target] = grey;
                rgb[target + 1] = grey;
                rgb[target + 2] = grey;
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getByteRgbInstance(), rgb, 0,
                width * BYTES_PER_PIXEL);
        return image;
    }

    /** One digit's pixels out of a grid's. */
    static float[] digit(float[] pixels, int index) {
        float[] digit = new float[Mnist.PIXELS];
        System.arraycopy(pixels, index * Mnist.PIXELS, digit, 0, Mnist.PIXELS);
        return digit;
    }
}
