package dev.cganstudio.evaluation;

import dev.cganstudio.data.Mnist;
import org.junit.jupiter.api.Test;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitPreprocessorTest {

    private static final int CANVAS = 280;
    private static final float PEN = 22;
    /** A pixel brighter than this counts as ink when measuring the bounding box of the result. */
    private static final float VISIBLE = 0.02f;

    @Test
    void darkInkOnWhiteEndsCentredInTwentyByTwenty() {
        float[] prepared = prepare(seven(Color.WHITE, Color.BLACK, 0, 0));

        double[] centre = centreOfMass(prepared);
        assertEquals(DigitPreprocessor.CENTRE, centre[0], 0.5, "column of the centre of mass");
        assertEquals(DigitPreprocessor.CENTRE, centre[1], 0.5, "row of the centre of mass");
        int[] box = boundingBox(prepared);
        assertTrue(box[2] <= DigitPreprocessor.BOX && box[3] <= DigitPreprocessor.BOX,
                "expected a box within 20x20, found " + box[2] + "x" + box[3]);
        assertEquals(DigitPreprocessor.BOX, Math.max(box[2], box[3]), "the longer side fills the box");
        assertEquals(1f, max(prepared), 0.01f, "the stroke's core is full ink");
    }

    @Test
    void polarityAndPaperColourDoNotMatter() {
        float[] darkOnWhite = prepare(seven(Color.WHITE, Color.BLACK, 0, 0));
        float[] whiteOnBlack = prepare(seven(Color.BLACK, Color.WHITE, 0, 0));
        float[] blueOnCream = prepare(seven(new Color(250, 240, 210), new Color(20, 40, 160), 0, 0));

        assertArrayEquals(darkOnWhite, whiteOnBlack, 1e-4f);
        assertArrayEquals(darkOnWhite, blueOnCream, 0.05f);
        assertTrue(darkOnWhite[0] == 0 && whiteOnBlack[0] == 0, "the field is dark whatever the paper");
    }

    @Test
    void inkOnATransparentBackgroundIsReadAsInkOnPaper() {
        float[] darkOnWhite = prepare(seven(Color.WHITE, Color.BLACK, 0, 0));

        float[] darkOnClear = prepare(seven(new Color(0, 0, 0, 0), Color.BLACK, 0, 0));
        float[] whiteOnClear = prepare(seven(new Color(255, 255, 255, 0), Color.WHITE, 0, 0));

        assertArrayEquals(darkOnWhite, darkOnClear, 1e-4f);
        assertArrayEquals(darkOnWhite, whiteOnClear, 1e-4f);
        assertTrue(DigitPreprocessor.prepare(canvas(new Color(0, 0, 0, 0))).isEmpty(), "all clear is no digit");
    }

    @Test
    void whereTheDigitWasDrawnDoesNotMatter() {
        assertArrayEquals(prepare(seven(Color.WHITE, Color.BLACK, 0, 0)),
                prepare(seven(Color.WHITE, Color.BLACK, -60, 40)), 1e-4f);
    }

    @Test
    void aspectRatioIsKept() {
        BufferedImage image = canvas(Color.WHITE);
        Graphics2D graphics = pen(image, Color.BLACK, 20);
        graphics.drawLine(40, 140, 240, 140);
        graphics.dispose();

        int[] box = boundingBox(prepare(image));

        assertEquals(DigitPreprocessor.BOX, box[2], "width of a horizontal bar");
        assertTrue(box[3] >= 2 && box[3] <= 3, "a 220x20 bar is 2 or 3 pixels tall at 20 wide, found " + box[3]);
    }

    @Test
    void shrinkingAntiAliasesEdges() {
        BufferedImage image = canvas(Color.WHITE);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.fillRect(100, 50, 33, 170);
        graphics.dispose();

        float[] prepared = prepare(image);

        assertTrue(countBetween(prepared, 0.05f, 0.95f) > 0, "a box 33 wide scaled by 20/170 has grey edge pixels");
    }

    @Test
    void enlargingASmallDrawingIsSmoothNotBlocky() {
        float[] grey = new float[10 * 10];
        java.util.Arrays.fill(grey, 1f);
        for (int row = 3; row < 7; row++) {
            for (int column = 2; column < 8; column++) {
                grey[row * 10 + column] = 0f;
            }
        }

        float[] prepared = DigitPreprocessor.prepare(grey, 10, 10).orElseThrow();

        assertTrue(countBetween(prepared, 0.05f, 0.95f) > 0, "bilinear enlargement leaves grey edges");
        int[] box = boundingBox(prepared);
        assertEquals(DigitPreprocessor.BOX, box[2]);
    }

    @Test
    void blankOrFaintImagesAreNoDigit() {
        assertTrue(DigitPreprocessor.prepare(canvas(Color.WHITE)).isEmpty(), "white canvas");
        assertTrue(DigitPreprocessor.prepare(canvas(Color.BLACK)).isEmpty(), "black canvas");
        BufferedImage faint = canvas(Color.WHITE);
        Graphics2D graphics = pen(faint, new Color(245, 245, 245), PEN);
        graphics.drawLine(100, 100, 180, 180);
        graphics.dispose();
        assertTrue(DigitPreprocessor.prepare(faint).isEmpty(), "ink 4% darker than the paper is noise");
    }

    @Test
    void valuesStayInRange() {
        float[] prepared = prepare(seven(Color.GRAY, Color.WHITE, 10, 10));

        assertEquals(Mnist.PIXELS, prepared.length);
        for (float value : prepared) {
            assertTrue(value >= 0 && value <= 1, "value " + value);
        }
    }

    @Test
    void refusesMismatchedSizes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DigitPreprocessor.prepare(new float[10], 4, 4));
        assertEquals("expected 4x4 = 16 grey values, found 10", error.getMessage());
    }

    private static float[] prepare(BufferedImage image) {
        Optional<float[]> prepared = DigitPreprocessor.prepare(image);
        assertTrue(prepared.isPresent(), "expected a digit, found none");
        return prepared.get();
    }

    /** A 7 with a bar across, drawn with a pen as the studio's canvas does. */
    private static BufferedImage seven(Color paper, Color ink, int dx, int dy) {
        BufferedImage image = canvas(paper);
        Graphics2D graphics = pen(image, ink, PEN);
        graphics.translate(dx, dy);
        graphics.drawPolyline(new int[] {90, 190, 120}, new int[] {60, 60, 220}, 3);
        graphics.drawLine(120, 140, 175, 140);
        graphics.dispose();
        return image;
    }

    private static BufferedImage canvas(Color paper) {
        BufferedImage image = new BufferedImage(CANVAS, CANVAS, paper.getAlpha() < 255
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setComposite(AlphaComposite.Src);
        graphics.setColor(paper);
        graphics.fillRect(0, 0, CANVAS, CANVAS);
        graphics.dispose();
        return image;
    }

    private static Graphics2D pen(BufferedImage image, Color ink, float width) {
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(ink);
        graphics.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return graphics;
    }

    static double[] centreOfMass(float[] field) {
        double mass = 0;
        double column = 0;
        double row = 0;
        for (int index = 0; index < field.length; index++) {
            mass += field[index];
            column += field[index] * (index % Mnist.COLUMNS);
            row += field[index] * (index / Mnist.COLUMNS);
        }
        return new double[] {column / mass, row / mass};
    }

    /** Left, top, width and height of the pixels brighter than {@link #VISIBLE}. */
    static int[] boundingBox(float[] field) {
        int left = Mnist.COLUMNS;
        int right = -1;
        int top = Mnist.ROWS;
        int bottom = -1;
        for (int index = 0; index < field.length; index++) {
            if (field[index] > VISIBLE) {
                left = Math.min(left, index % Mnist.COLUMNS);
                right = Math.max(right, index % Mnist.COLUMNS);
                top = Math.min(top, index / Mnist.COLUMNS);
                bottom = Math.max(bottom, index / Mnist.COLUMNS);
            }
        }
        return new int[] {left, top, right - left + 1, bottom - top + 1};
    }

    private static float max(float[] values) {
        float max = 0;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static int countBetween(float[] values, float low, float high) {
        int count = 0;
        for (float value : values) {
            count += value > low && value < high ? 1 : 0;
        }
        return count;
    }
}
