package dev.cganstudio.ui;

import dev.cganstudio.training.Checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a run folder (checkpoint, models, CSV, grids) to a new folder, which can then be
 * resumed as a run of its own. The copy is made in a sibling folder and renamed into place, so
 * the target either holds a whole copy or does not exist. Temporary files of writes in
 * progress are left out.
 */
final class RunFolderCopy {

    private static final String PARTIAL_SUFFIX = ".partial";

    private RunFolderCopy() {
    }

    /** Copies {@code runFolder} to {@code target}, which must not exist or be empty. */
    static Path copy(Path runFolder, Path target) throws IOException {
        if (!Checkpoint.exists(runFolder)) {
            throw new IOException("expected a run folder with a checkpoint, found none in " + runFolder
                    + ": a run writes its checkpoint at the end of each epoch");
        }
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new IOException("expected a new or empty folder to save the checkpoint in, found " + target
                    + " with files in it");
        }
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        deleteTree(partial);
        try (Stream<Path> paths = Files.walk(runFolder)) {
            for (Path source : paths.filter(path -> !isTemporary(runFolder.relativize(path))).toList()) {
                Path copy = partial.resolve(runFolder.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.deleteIfExists(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Files being written (dot-files ending in .tmp) and checkpoint folders being swapped. */
    private static boolean isTemporary(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if ((name.startsWith(".") && name.endsWith(".tmp")) || name.endsWith(PARTIAL_SUFFIX)
                    || name.equals(Checkpoint.FOLDER + ".previous")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        }
    }
}
