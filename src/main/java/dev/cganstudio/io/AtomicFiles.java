package dev.cganstudio.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a crash leaves either the old content or the new, never a mix: the
 * bytes go to a temporary file in the same folder, are forced to disk, then moved over the
 * target in one rename.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file at a path, as DL4J's model serializer does. */
    @FunctionalInterface
    public interface PathWriter {
        void writeTo(Path temporary) throws IOException;
    }

    private static final String TEMPORARY_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with what {@code writer} writes. */
    public static void write(Path target, Writer writer) throws IOException {
        writePath(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.writeTo(out);
            }
        });
    }

    /** Replaces {@code target} with UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Replaces {@code target} with the file that {@code writer} creates at a temporary path. */
    public static void writePath(Path target, PathWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its file is private to the owner (0600) on POSIX, and a move
        // keeps that, so every PNG, CSV and model would be unreadable to anyone else. A fresh name
        // the writer creates gets the usual permissions, those the user's umask gives.
        Path temporary = folder.resolve("." + absolute.getFileName()
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + TEMPORARY_SUFFIX);
        try {
            writer.writeTo(temporary);
            force(temporary);
            move(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes the temporary files that writes into {@code folder} left when their process was
     * killed (named {@code .<target><digits>.tmp}); the targets themselves are whole, old or new.
     *
     * @return how many were deleted
     */
    public static int deleteLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "." + "*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                if (Files.isRegularFile(leftover) && Files.deleteIfExists(leftover)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
