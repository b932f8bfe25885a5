package dev.cganstudio.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writtenFilesGetTheUsualPermissionsNotPrivateOnes() throws IOException {
        Path plain = Files.writeString(folder.resolve("plain.txt"), "made the ordinary way");
        Path streamed = folder.resolve("streamed.txt");
        Path byPath = folder.resolve("by-path.txt");

        AtomicFiles.writeString(streamed, "new");
        AtomicFiles.writePath(byPath, temporary -> Files.writeString(temporary, "new"));

        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        assertEquals(usual, Files.getPosixFilePermissions(streamed));
        assertEquals(usual, Files.getPosixFilePermissions(byPath));
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
        Path target = folder.resolve("metrics.csv");
        AtomicFiles.writeString(target, "old");

        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half a row".getBytes());
            throw new IOException("disk full");
        }));

        assertEquals("old", Files.readString(target));
        try (var names = Files.list(folder)) {
            assertEquals(1, names.count(), "only the target is left");
        }
    }

    @Test
    void leftoversOfAKilledWriteAreFoundAndDeleted() throws IOException {
        Path target = folder.resolve("generator.zip");
        AtomicFiles.writeString(target, "whole");
        Files.writeString(folder.resolve(".generator.zip1234567890.tmp"), "cut off");

        assertEquals(1, AtomicFiles.deleteLeftovers(folder));

        assertFalse(Files.exists(folder.resolve(".generator.zip1234567890.tmp")));
        assertEquals("whole", Files.readString(target));
    }
}
