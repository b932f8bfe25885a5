package dev.cganstudio.data;

/** Fixed facts of the MNIST format that the rest of the code names instead of repeating numbers. */
public final class Mnist {
    /** Image height in pixels. */
    public static final int ROWS = 28;
    /** Image width in pixels. */
    public static final int COLUMNS = 28;
    /** Pixels in one image. */
    public static final int PIXELS = ROWS * COLUMNS;
    /** Digit classes, 0 to 9. */
    public static final int CLASSES = 10;
    /** Images in the official training split. */
    public static final int TRAIN_COUNT = 60_000;
    /** Images in the official test split. */
    public static final int TEST_COUNT = 10_000;
    /** Largest grey value of a pixel: IDX stores unsigned bytes. */
    public static final int MAX_GREY = 255;

    private Mnist() {
    }
}
