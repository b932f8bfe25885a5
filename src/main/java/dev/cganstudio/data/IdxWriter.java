package dev.cganstudio.data;

import dev.cganstudio.io.AtomicFiles;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes MNIST-style IDX files (unsigned bytes, big-endian header), each atomically: a
 * generated dataset can then be read by any MNIST loader, ours included.
 */
public final class IdxWriter {

    /** IDX type code of unsigned bytes. */
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int IMAGE_DIMENSIONS = 3;
    private static final int LABEL_DIMENSIONS = 1;

    private IdxWriter() {
    }

    /** Writes the images of a dataset as an idx3-ubyte file. */
    public static void writeImages(Path file, MnistDataset data) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream stream = new DataOutputStream(out);
            writeMagic(stream, IMAGE_DIMENSIONS);
            stream.writeInt(data.size());
            stream.writeInt(Mnist.ROWS);
            stream.writeInt(Mnist.COLUMNS);
            stream.write(data.images());
            stream.flush();
        });
    }

    /** Writes the labels of a dataset as an idx1-ubyte file. */
    public static void writeLabels(Path file, MnistDataset data) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream stream = new DataOutputStream(out);
            writeMagic(stream, LABEL_DIMENSIONS);
            stream.writeInt(data.size());
            stream.write(data.labels());
            stream.flush();
        });
    }

    private static void writeMagic(DataOutputStream stream, int dimensions) throws IOException {
        stream.writeShort(0);
        stream.writeByte(UNSIGNED_BYTE);
        stream.writeByte(dimensions);
    }
}
