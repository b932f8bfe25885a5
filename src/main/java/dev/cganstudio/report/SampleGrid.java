package dev.cganstudio.report;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.training.SampleEvent;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Draws a grid of generated digits as MNIST shows them, white ink on black: each 28x28 digit
 * scaled {@value #SCALE}x, cells parted by {@value #SEPARATOR_PIXELS}-pixel grey lines (also
 * round the edge), and the row's label printed in a {@value #LABEL_WIDTH}-pixel column at the
 * left. Image {@code k} of the pixel array sits at row {@code k / columns}, column
 * {@code k % columns}, and row {@code r} is labelled {@code r}, as in {@link SampleEvent}.
 *
 * <p>Grey values in [0, 1] map to 0..255 (rounded); values outside are clamped and NaN is drawn
 * black. The image is {@code TYPE_INT_RGB}, drawn off-screen, so it works headless.
 */
public final class SampleGrid {

    /** Screen pixels per digit pixel, so that a 28-pixel digit is big enough to judge by eye. */
    public static final int SCALE = 2;
    /** Width of the grey lines between and around cells. */
    public static final int SEPARATOR_PIXELS = 2;
    /** Width of the column at the left that holds each row's label. */
    public static final int LABEL_WIDTH = 24;
    /** Side of one scaled digit. */
    public static final int CELL = Mnist.ROWS * SCALE;
    /** Grey of the separator lines: visible against black, far darker than ink. */
    public static final int SEPARATOR_GREY = 80;
    /** Grey of the row labels: readable, yet not mistaken for a digit's ink. */
    public static final int LABEL_GREY = 200;

    /** Label font height as a fraction of a cell, so labels read well beside the digits. */
    private static final float LABEL_FONT_FRACTION = 0.35f;

    private SampleGrid() {
    }

    /** Width in pixels of a grid with this many columns. */
    public static int width(int columns) {
        return LABEL_WIDTH + columns * CELL + (columns + 1) * SEPARATOR_PIXELS;
    }

    /** Height in pixels of a grid with this many rows. */
    public static int height(int rows) {
        return rows * CELL + (rows + 1) * SEPARATOR_PIXELS;
    }

    /** Draws the grid of a sample event; see {@link #render(float[], int, int)}. */
    public static BufferedImage render(SampleEvent event) {
        return render(event.pixels(), event.rows(), event.columns());
    }

    /**
     * Draws a grid of digits.
     *
     * @param pixels {@code rows * columns} images of {@link Mnist#PIXELS} grey values each,
     *     row-major within an image and across the grid
     * @param rows rows of digits, one per label
     * @param columns digits per row
     * @return the image, {@link #width(int)} by {@link #height(int)} pixels
     * @throws IllegalArgumentException if the grid is empty or the pixel count does not match it
     */
    public static BufferedImage render(float[] pixels, int rows, int columns) {
        return render(pixels, rows, columns, identityLabels(rows));
    }

    /**
     * Draws a grid of digits whose rows show the given labels (for a grid of chosen digits).
     *
     * @param rowLabels the label printed beside each row
     * @see #render(float[], int, int)
     */
    public static BufferedImage render(float[] pixels, int rows, int columns, int[] rowLabels) {
        if (rowLabels.length != rows) {
            throw new IllegalArgumentException("expected one label per row (" + rows + "), found " + rowLabels.length);
        }
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("expected at least 1 row and 1 column, found " + rows + " x "
                    + columns);
        }
        long expected = (long) rows * columns * Mnist.PIXELS;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("expected " + rows + " x " + columns + " images of " + Mnist.PIXELS
                    + " pixels (" + expected + " values), found " + pixels.length + " values");
        }
        BufferedImage image = new BufferedImage(width(columns), height(rows), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            drawSeparators(graphics, rows, columns);
            drawLabels(graphics, rowLabels);
        } finally {
            graphics.dispose();
        }
        WritableRaster raster = image.getRaster();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                drawDigit(raster, pixels, (row * columns + column) * Mnist.PIXELS, cellLeft(column), cellTop(row));
            }
        }
        return image;
    }

    /** Draws a sample event's grid and writes it as a PNG, atomically. */
    public static void write(SampleEvent event, Path file) throws IOException {
        PngFiles.write(render(event), file);
    }

    /** Draws a grid of digits and writes it as a PNG, atomically; see {@link #render(float[], int, int)}. */
    public static void write(float[] pixels, int rows, int columns, Path file) throws IOException {
        PngFiles.write(render(pixels, rows, columns), file);
    }

    /** Draws a grid of chosen digits and writes it as a PNG, atomically. */
    public static void write(float[] pixels, int rows, int columns, int[] rowLabels, Path file) throws IOException {
        PngFiles.write(render(pixels, rows, columns, rowLabels), file);
    }

    private static int[] identityLabels(int rows) {
        int[] labels = new int[Math.max(rows, 0)];
        Arrays.setAll(labels, row -> row);
        return labels;
    }

    /** Left edge of the digits in a column. */
    static int cellLeft(int column) {
        return LABEL_WIDTH + SEPARATOR_PIXELS + column * (CELL + SEPARATOR_PIXELS);
    }

    /** Top edge of the digits in a row. */
    static int cellTop(int row) {
        return SEPARATOR_PIXELS + row * (CELL + SEPARATOR_PIXELS);
    }

    /** Maps a grey value in [0, 1] to 0..255; NaN becomes black so that a broken generator shows as empty. */
    static int grey(float value) {
        if (Float.isNaN(value)) {
            return 0;
        }
        float clamped = Math.max(0f, Math.min(1f, value));
        return Math.round(clamped * Mnist.MAX_GREY);
    }

    private static void drawSeparators(Graphics2D graphics, int rows, int columns) {
        graphics.setColor(new Color(SEPARATOR_GREY, SEPARATOR_GREY, SEPARATOR_GREY));
        int gridWidth = width(columns) - LABEL_WIDTH;
        int gridHeight = height(rows);
        for (int column = 0; column <= columns; column++) {
            graphics.fillRect(cellLeft(column) - SEPARATOR_PIXELS, 0, SEPARATOR_PIXELS, gridHeight);
        }
        for (int row = 0; row <= rows; row++) {
            graphics.fillRect(LABEL_WIDTH, cellTop(row) - SEPARATOR_PIXELS, gridWidth, SEPARATOR_PIXELS);
        }
    }

    private static void drawLabels(Graphics2D graphics, int[] rowLabels) {
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(CELL * LABEL_FONT_FRACTION)));
        graphics.setColor(new Color(LABEL_GREY, LABEL_GREY, LABEL_GREY));
        FontMetrics metrics = graphics.getFontMetrics();
        for (int row = 0; row < rowLabels.length; row++) {
            String label = Integer.toString(rowLabels[row]);
            int x = (LABEL_WIDTH - metrics.stringWidth(label)) / 2;
            int y = cellTop(row) + (CELL + metrics.getAscent() - metrics.getDescent()) / 2;
            graphics.drawString(label, x, y);
        }
    }

    private static void drawDigit(WritableRaster raster, float[] pixels, int offset, int left, int top) {
        int[] block = new int[SCALE * SCALE * raster.getNumBands()];
        for (int y = 0; y < Mnist.ROWS; y++) {
            for (int x = 0; x < Mnist.COLUMNS; x++) {
                Arrays.fill(block, grey(pixels[offset + y * Mnist.COLUMNS + x]));
                raster.setPixels(left + x * SCALE, top + y * SCALE, SCALE, SCALE, block);
            }
        }
    }
}
