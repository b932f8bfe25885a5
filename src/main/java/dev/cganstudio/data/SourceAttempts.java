package dev.cganstudio.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one acquisition tried, source by source, in order, for the message when all fail. */
final class SourceAttempts {

    private final Map<String, List<String>> problemsBySource = new LinkedHashMap<>();

    /** Records that {@code source} (a mirror, the cache, npm) failed with {@code problem}. */
    void failed(String source, String problem) {
        problemsBySource.computeIfAbsent(source, key -> new ArrayList<>()).add(problem);
    }

    /** One line per source: its name, then its problems separated by semicolons. */
    String describe(String indent) {
        StringBuilder lines = new StringBuilder();
        problemsBySource.forEach((source, problems) -> lines.append(indent).append(source).append(": ")
                .append(String.join("; ", problems)).append(System.lineSeparator()));
        return lines.toString();
    }

    /** A short description of an exception: its type and message, which may be null. */
    static String describe(Exception error) {
        String message = error.getMessage();
        String type = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
