package dev.cganstudio.data;

/**
 * Told how far a download or unpacking has got, so the command line can draw a bar and the
 * studio a progress indicator. Calls come from the thread that acquires the data; an
 * implementation must return quickly.
 */
@FunctionalInterface
public interface DownloadProgress {

    /** Passed as the total when the size is not known in advance. */
    long UNKNOWN_TOTAL = -1;

    /** Progress that nobody watches. */
    DownloadProgress NONE = (fileName, bytesSoFar, totalBytes) -> {
    };

    /**
     * Reports bytes received so far for one file.
     *
     * @param fileName name of the file being fetched, such as {@code train-images-idx3-ubyte.gz}
     * @param bytesSoFar bytes received so far, 0 when the transfer starts
     * @param totalBytes expected bytes, or {@link #UNKNOWN_TOTAL}
     */
    void onProgress(String fileName, long bytesSoFar, long totalBytes);
}
