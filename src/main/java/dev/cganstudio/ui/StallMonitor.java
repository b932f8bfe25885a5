package dev.cganstudio.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Measures how long the FX thread goes without drawing a frame: the longest gap between two
 * pulses while it runs. JavaFX asks for a pulse every 1/60 s while an animation timer is
 * active, so a gap much longer than 17 ms is time the FX thread was busy or starved.
 */
final class StallMonitor {

    private static final double NANOS_PER_MILLI = 1e6;
    /** A gap a person notices as a freeze: logged, so it can be matched with what else happened. */
    private static final double REPORTED_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(StallMonitor.class);

    private final ReadOnlyDoubleWrapper longestMillis = new ReadOnlyDoubleWrapper();
    private final AnimationTimer timer = new AnimationTimer() {
        private long previous;

        @Override
        public void handle(long now) {
            if (previous != 0) {
                double gapMillis = (now - previous) / NANOS_PER_MILLI;
                longestMillis.set(Math.max(longestMillis.get(), gapMillis));
                if (gapMillis > REPORTED_MILLIS) {
                    LOG.warn(String.format(Locale.ROOT, "the FX thread drew no frame for %.0f ms", gapMillis));
                }
            }
            previous = now;
        }

        @Override
        public void start() {
            previous = 0;
            super.start();
        }
    };

    /** The longest gap between frames since the last {@link #start()}, in milliseconds. */
    ReadOnlyDoubleProperty longestMillisProperty() {
        return longestMillis.getReadOnlyProperty();
    }

    void start() {
        longestMillis.set(0);
        timer.start();
    }

    void stop() {
        timer.stop();
    }
}
