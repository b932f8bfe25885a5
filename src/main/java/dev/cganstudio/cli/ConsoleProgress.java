package dev.cganstudio.cli;

import dev.cganstudio.training.EpochEvent;
import dev.cganstudio.training.StepEvent;
import dev.cganstudio.training.TrainingListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows training in a terminal: one progress bar per epoch with ETA and the running D and G
 * losses. Without a terminal (a pipe, CI) it shows nothing and the engine's interval log line
 * tells the progress instead, so bars and log lines never overwrite each other.
 */
final class ConsoleProgress implements TrainingListener {

    private final boolean enabled;
    private ProgressBar bar;

    ConsoleProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether standard error goes to a terminal a person watches. */
    static boolean terminalAttached() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void onStep(StepEvent event) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", event.epoch(), event.epochs()))
                    .setInitialMax(event.stepsPerEpoch())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" steps", 1)
                    .showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .build();
            bar.stepTo(event.stepInEpoch() - 1L);
        }
        bar.stepTo(event.stepInEpoch());
        bar.setExtraMessage(String.format(Locale.ROOT, "D %.4f G %.4f", event.discriminatorLoss(),
                event.generatorLoss()));
    }

    @Override
    public void onEpochEvaluated(EpochEvent event) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void onStatus(String message) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
