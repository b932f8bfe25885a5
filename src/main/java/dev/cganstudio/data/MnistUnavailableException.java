package dev.cganstudio.data;

import java.io.IOException;

/**
 * MNIST could not be found or fetched from any source. The message lists every source tried
 * with its error and says how to provide the files by hand.
 */
public class MnistUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An acquisition that failed, explained in {@code message}. */
    public MnistUnavailableException(String message) {
        super(message);
    }
}
