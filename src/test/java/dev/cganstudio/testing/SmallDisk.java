package dev.cganstudio.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a test's folder, to run out of space or refuse writes for real (as
 * root, permissions would not stop a write). Mounting needs root or CAP_SYS_ADMIN; where it is
 * not allowed, {@link #mount} gives nothing and the test decides what to do instead.
 */
public final class SmallDisk implements AutoCloseable {

    private static final String FILLER = "filler";
    private static final int FILL_CHUNK_BYTES = 64 * 1024;
    private static final long COMMAND_SECONDS = 30;

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /**
     * Mounts a tmpfs of {@code bytes} on {@code mountPoint} (created if needed).
     *
     * @param readOnly true for a file system that refuses every write
     * @return the disk, or empty when this process may not mount
     */
    public static Optional<SmallDisk> mount(Path mountPoint, long bytes, boolean readOnly) throws IOException {
        Files.createDirectories(mountPoint);
        String options = "size=" + bytes + (readOnly ? ",ro" : ",rw");
        try {
            if (run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.toString())) != 0) {
                return Optional.empty();
            }
        } catch (IOException noMountCommand) {
            return Optional.empty();
        }
        return Optional.of(new SmallDisk(mountPoint));
    }

    /** The mounted folder. */
    public Path path() {
        return mountPoint;
    }

    /** Writes a filler file until the disk is full. */
    public void fill() throws IOException {
        byte[] chunk = new byte[FILL_CHUNK_BYTES];
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER))) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
        }
    }

    /** Bytes in use on the disk. */
    public long usedBytes() throws IOException {
        FileStore store = Files.getFileStore(mountPoint);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    /** Deletes the filler, giving back its space. */
    public void free() throws IOException {
        Files.deleteIfExists(mountPoint.resolve(FILLER));
    }

    /** Unmounts, lazily if something still holds a file open. */
    @Override
    public void close() throws IOException {
        if (run(List.of("umount", mountPoint.toString())) != 0
                && run(List.of("umount", "-l", mountPoint.toString())) != 0) {
            throw new IOException("could not unmount the test's tmpfs at " + mountPoint);
        }
    }

    private static int run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }
}
