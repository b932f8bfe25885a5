package dev.cganstudio.report;

import dev.cganstudio.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes images as PNG files through {@link AtomicFiles}, so a reader never sees half a picture. */
final class PngFiles {

    private static final String FORMAT = "png";

    private PngFiles() {
    }

    /** Replaces {@code file} with the image encoded as PNG. */
    static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, FORMAT, out)) {
                throw new IOException("expected an ImageIO writer for " + FORMAT + ", found none");
            }
        });
    }
}
