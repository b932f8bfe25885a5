package dev.cganstudio.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** Assertions on error messages shared by the data tests. */
final class DataAssertions {

    private DataAssertions() {
    }

    /** Checks the message starts with the file and holds every fragment (expected and found values). */
    static void assertMessage(Exception error, Path file, String... fragments) {
        String message = error.getMessage();
        assertTrue(message.startsWith(file.toString()), "should name " + file + ": " + message);
        for (String fragment : fragments) {
            assertContains(message, fragment);
        }
    }

    /** Checks the message holds the fragment, showing the whole message when it does not. */
    static void assertContains(String message, String fragment) {
        assertTrue(message.contains(fragment), "should contain [" + fragment + "]:\n" + message);
    }
}
