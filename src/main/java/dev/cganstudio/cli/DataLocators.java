package dev.cganstudio.cli;

import dev.cganstudio.training.DataLocator;

import java.nio.file.Files;
import java.nio.file.Path;

/** The data locators the command line uses. */
final class DataLocators {

    private DataLocators() {
    }

    static DataLocator standard(Path cache) {
        return (requested, status) -> {
            if (requested != null) {
                return requested;
            }
            String variable = System.getenv("CGAN_MNIST_DIR");
            if (variable != null) {
                return Path.of(variable);
            }
            Path cached = cache.resolve("mnist");
            if (Files.isDirectory(cached)) {
                return cached;
            }
            throw new DataException("no MNIST found: give --data DIR", null);
        };
    }
}
