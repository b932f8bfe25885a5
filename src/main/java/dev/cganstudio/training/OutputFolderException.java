package dev.cganstudio.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The folder a run writes to cannot take its files: it is read-only, not a folder, or full.
 * Found before training starts by a probe write, or at an epoch's save, in which case the files
 * of the last finished epoch are intact and the run can resume once the cause is fixed.
 */
public final class OutputFolderException extends IOException {

    private OutputFolderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The probe write into {@code folder}, before anything was trained, failed. */
    static OutputFolderException beforeStart(Path folder, IOException cause) {
        return new OutputFolderException(folder + ": expected a folder the run's files can be written to, found"
                + " that writing fails (" + reason(cause) + "); choose another folder or free some space", cause);
    }

    /** Writing {@code file}, outside a run (a generated grid or dataset), failed. */
    public static OutputFolderException atWrite(Path file, IOException cause) {
        return new OutputFolderException(file + ": expected a file that can be written, found that writing fails ("
                + reason(cause) + "); choose another --output", cause);
    }

    /**
     * Saving epoch {@code epoch} failed.
     *
     * @param lastGoodEpoch the last epoch whose files and checkpoint are complete, 0 for none
     */
    static OutputFolderException atSave(int epoch, int lastGoodEpoch, Path runFolder, TrainingOptions options,
                                        Exception cause) {
        String next = lastGoodEpoch == 0
                ? "no epoch had finished, so start again once the folder can be written"
                : "the files of epoch " + lastGoodEpoch + " are intact; free some space or fix the folder, then"
                        + " resume: cgan train --resume " + runFolder + " --epochs " + options.epochs()
                        + (options.dryRun() ? " --dry-run" : "");
        return new OutputFolderException("could not save epoch " + epoch + " in " + runFolder + " ("
                + reason(cause) + "); " + next, cause);
    }

    /** The innermost I/O failure's message, which names the file and the system's reason. */
    private static String reason(Throwable failure) {
        Throwable innermost = failure instanceof UncheckedIOException ? failure.getCause() : failure;
        for (Throwable cause = innermost; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                innermost = cause;
            }
        }
        return innermost.getMessage() != null ? innermost.getMessage() : innermost.toString();
    }
}
