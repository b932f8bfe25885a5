package dev.cganstudio.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks, before the data is read and the judge trained, that the run's folder can be created
 * and written, by writing a small file to disk and deleting it: a read-only or full folder is
 * then refused in a second instead of after the first epoch.
 */
final class OutputFolderProbe {

    /** Bytes written and forced to disk: a few pages, so that a full disk refuses them. */
    static final int PROBE_BYTES = 64 * 1024;

    private OutputFolderProbe() {
    }

    /**
     * Probes the folder the run will write to: the run folder to resume (a missing one is left
     * to the checkpoint reader to report), else the run folder or output folder, created if needed.
     */
    static void requireWritable(TrainingOptions options) throws OutputFolderException {
        if (options.resume()) {
            if (Files.isDirectory(options.runFolder())) {
                probe(options.runFolder());
            }
            return;
        }
        probe(options.runFolder() != null ? options.runFolder() : options.outputFolder());
    }

    /** Creates {@code folder} if needed and writes and deletes a probe file in it. */
    static void probe(Path folder) throws OutputFolderException {
        Path probe = null;
        try {
            Files.createDirectories(folder);
            probe = Files.createTempFile(folder, ".write-probe", ".tmp");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw OutputFolderException.beforeStart(folder, e);
        } finally {
            deleteQuietly(probe);
        }
    }

    private static void deleteQuietly(Path probe) {
        if (probe == null) {
            return;
        }
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            // The write failed already and that is what the user must hear about.
        }
    }
}
