package dev.cganstudio.data;

import java.util.SplittableRandom;

/** A shuffled order of indices (Fisher-Yates), repeatable from its random source. */
public final class BatchOrder {

    private BatchOrder() {
    }

    /** The numbers 0 to {@code count - 1} in a random order. */
    public static int[] permutation(int count, SplittableRandom random) {
        int[] order = new int[count];
        for (int index = 0; index < count; index++) {
            order[index] = index;
        }
        for (int index = count - 1; index > 0; index--) {
            int other = random.nextInt(index + 1);
            int kept = order[index];
            order[index] = order[other];
            order[other] = kept;
        }
        return order;
    }
}
