package dev.cganstudio.cli;

import dev.cganstudio.data.DownloadProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a download: a bar per file in a terminal, else one log line per {@value #LOG_EVERY_MEGABYTES} MB.
 */
final class DownloadBar implements DownloadProgress {

    private static final int LOG_EVERY_MEGABYTES = 5;
    private static final long MEGABYTE = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DownloadBar.class);

    private final boolean terminal = ConsoleProgress.terminalAttached();
    private String file;
    private ProgressBar bar;
    private long loggedMegabytes;

    @Override
    public void onProgress(String fileName, long bytesSoFar, long totalBytes) {
        if (!fileName.equals(file)) {
            close();
            file = fileName;
            loggedMegabytes = 0;
            if (terminal) {
                bar = new ProgressBarBuilder().setTaskName(fileName).setStyle(ProgressBarStyle.ASCII)
                        .setInitialMax(totalBytes > 0 ? totalBytes : -1).setUnit(" MB", MEGABYTE)
                        .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).build();
            }
        }
        if (bar != null) {
            bar.stepTo(bytesSoFar);
        } else if (bytesSoFar / MEGABYTE >= loggedMegabytes + LOG_EVERY_MEGABYTES || bytesSoFar == totalBytes) {
            loggedMegabytes = bytesSoFar / MEGABYTE;
            LOG.info("{}: {} of {}", fileName, size(bytesSoFar), totalBytes > 0 ? size(totalBytes) : "?");
        }
    }

    /** A size in MB with one decimal, so that the labels files (60 kB) do not read "0 of 0 MB". */
    static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MEGABYTE);
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
