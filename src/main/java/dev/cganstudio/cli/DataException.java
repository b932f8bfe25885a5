package dev.cganstudio.cli;

import java.io.IOException;

/** The MNIST files could not be found, fetched or read; the message says what was tried. */
final class DataException extends IOException {

    DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
