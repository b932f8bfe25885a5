package dev.cganstudio.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cganstudio.data.Mnist;
import dev.cganstudio.training.SampleEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridTest {

    private static final int LABELS = Mnist.CLASSES;
    private static final int COLUMNS = 10;
    /** 24-pixel label column, 10 cells of 56 pixels, 11 separators of 2 pixels. */
    private static final int GRID_WIDTH = 24 + 10 * 56 + 11 * 2;
    private static final int GRID_HEIGHT = 10 * 56 + 11 * 2;
    private static final int WHITE = 255;
    private static final int BLACK = 0;

    @TempDir
    Path folder;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void hasTheSizeOfTenRowsOfTenScaledDigitsWithSeparatorsAndALabelColumn() {
        BufferedImage image = SampleGrid.render(spots(LABELS, COLUMNS), LABELS, COLUMNS);

        assertEquals(GRID_WIDTH, image.getWidth());
        assertEquals(GRID_HEIGHT, image.getHeight());
    }

    /**
     * Image k = row r, column c has one bright digit pixel at (x, y) = (7 + c, 5 + r). Counted
     * from the layout by hand, it lands at screen pixel (24 + 2 + 58 c + 2 x, 2 + 58 r + 2 y) and
     * covers a 2x2 block there; the digit's background is black and the separator line left of
     * the cell is dark grey.
     */
    @Test
    void putsEachDigitPixelWhereTheLayoutSaysWhiteOnBlack() {
        BufferedImage image = SampleGrid.render(spots(LABELS, COLUMNS), LABELS, COLUMNS);

        for (int[] cell : new int[][] {{0, 0}, {3, 7}, {9, 9}, {9, 0}}) {
            int row = cell[0];
            int column = cell[1];
            int left = 26 + 58 * column;
            int top = 2 + 58 * row;
            int spotX = left + 2 * (7 + column);
            int spotY = top + 2 * (5 + row);
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    assertEquals(WHITE, grey(image, spotX + dx, spotY + dy), "spot of cell " + row + "," + column);
                }
            }
            assertEquals(BLACK, grey(image, spotX + 2, spotY), "right of the spot");
            assertEquals(BLACK, grey(image, left + 40, top + 40), "digit background");
            assertEquals(SampleGrid.SEPARATOR_GREY, grey(image, left - 1, top + 20), "separator left of the cell");
            assertEquals(SampleGrid.SEPARATOR_GREY, grey(image, left + 20, top - 1), "separator above the cell");
        }
    }

    @Test
    void labelsEachRowWithItsDigitAtTheLeft() {
        BufferedImage image = SampleGrid.render(spots(LABELS, COLUMNS), LABELS, COLUMNS);

        for (int row = 0; row < LABELS; row++) {
            assertTrue(brightPixels(image, row) > 0, "row " + row + " should have a label");
        }
        assertNotEquals(brightPixels(image, 1), brightPixels(image, 8), "labels 1 and 8 should differ in ink");
    }

    @Test
    void mapsGreyValuesRoundedAndClamped() {
        assertEquals(0, SampleGrid.grey(0f));
        assertEquals(128, SampleGrid.grey(0.5f));
        assertEquals(255, SampleGrid.grey(1f));
        assertEquals(255, SampleGrid.grey(1.7f));
        assertEquals(0, SampleGrid.grey(-0.3f));
        assertEquals(0, SampleGrid.grey(Float.NaN));
    }

    @Test
    void drawsGridsOfAnyShape() {
        BufferedImage image = SampleGrid.render(spots(2, 3), 2, 3);

        assertEquals(24 + 3 * 56 + 4 * 2, image.getWidth());
        assertEquals(2 * 56 + 3 * 2, image.getHeight());
    }

    @Test
    void writesAPngThatDecodesToTheSamePixels() throws IOException {
        SampleEvent event = new SampleEvent(1, 600, spots(LABELS, COLUMNS), LABELS, COLUMNS, true);
        Path file = folder.resolve("grid.png");

        SampleGrid.write(event, file);

        BufferedImage decoded = ImageIO.read(file.toFile());
        assertNotNull(decoded);
        BufferedImage rendered = SampleGrid.render(event);
        assertEquals(GRID_WIDTH, decoded.getWidth());
        assertEquals(GRID_HEIGHT, decoded.getHeight());
        for (int y = 0; y < GRID_HEIGHT; y += 7) {
            for (int x = 0; x < GRID_WIDTH; x += 7) {
                assertEquals(rendered.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void rejectsAPixelCountThatDoesNotMatchTheGrid() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SampleGrid.render(new float[500], LABELS, COLUMNS));
        assertEquals("expected 10 x 10 images of 784 pixels (78400 values), found 500 values", error.getMessage());
    }

    /** Black digits with one white pixel each, at (x, y) = (7 + column, 5 + row). */
    private static float[] spots(int rows, int columns) {
        float[] pixels = new float[rows * columns * Mnist.PIXELS];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int image = row * columns + column;
                pixels[image * Mnist.PIXELS + (5 + row) * Mnist.COLUMNS + 7 + column] = 1f;
            }
        }
        return pixels;
    }

    private static int grey(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int red = (rgb >> 16) & 0xFF;
        assertEquals(red, rgb & 0xFF, "expected grey at " + x + "," + y + ", found " + Integer.toHexString(rgb));
        return red;
    }

    private static int brightPixels(BufferedImage image, int row) {
        int count = 0;
        for (int y = 2 + 58 * row; y < 2 + 58 * row + 56; y++) {
            for (int x = 0; x < 24; x++) {
                if (grey(image, x, y) > 128) {
                    count++;
                }
            }
        }
        return count;
    }
}
