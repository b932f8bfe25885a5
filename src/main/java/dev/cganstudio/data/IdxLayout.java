package dev.cganstudio.data;

/**
 * The two IDX shapes MNIST uses: a stack of 28x28 images and a vector of labels. Each knows its
 * number of dimensions and the sizes every dimension after the first must have.
 */
enum IdxLayout {
    IMAGES("images", Mnist.MAX_GREY, Mnist.ROWS, Mnist.COLUMNS),
    LABELS("labels", Mnist.CLASSES - 1);

    private final String itemName;
    private final int maxValue;
    private final int[] innerSizes;

    IdxLayout(String itemName, int maxValue, int... innerSizes) {
        this.itemName = itemName;
        this.maxValue = maxValue;
        this.innerSizes = innerSizes;
    }

    /** Largest value a data byte may hold: any grey level for images, 9 for labels. */
    int maxValue() {
        return maxValue;
    }

    /** Plural noun for one item of the first dimension, for messages. */
    String itemName() {
        return itemName;
    }

    /** Number of dimensions the header must declare: the item count, then the inner sizes. */
    int dimensions() {
        return 1 + innerSizes.length;
    }

    /** Required size of dimension {@code dimension} (1 or more; dimension 0 is the free count). */
    int innerSize(int dimension) {
        return innerSizes[dimension - 1];
    }

    /** Name of dimension {@code dimension} (1 or more) for messages. */
    String innerName(int dimension) {
        return dimension == 1 ? "rows" : "columns";
    }

    /** Bytes per item: the product of the inner sizes. */
    int itemBytes() {
        int bytes = 1;
        for (int size : innerSizes) {
            bytes *= size;
        }
        return bytes;
    }

    /** How one item's shape reads in messages, such as "images of 28x28". */
    String describeItems(long count) {
        StringBuilder shape = new StringBuilder();
        for (int size : innerSizes) {
            shape.append(shape.length() == 0 ? " of " : "x").append(size);
        }
        return count + " " + itemName + shape;
    }
}
