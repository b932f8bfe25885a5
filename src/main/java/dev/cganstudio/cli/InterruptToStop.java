package dev.cganstudio.cli;

import dev.cganstudio.training.RunControl;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes Ctrl-C (SIGINT) stop a run the way the studio's Stop does: the first one asks the run to
 * stop after the step under way, so it ends with its summary, the command to resume and exit code
 * 6; a second one quits at once, which loses at most the epoch under way. A JVM shutdown hook
 * could not do this: once the JVM is exiting, the run's last lines and its exit code are lost.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported), the JDK's only way to catch a signal.
 * Where it is missing, or where the shell made the process ignore SIGINT (a background job without
 * job control), Ctrl-C keeps that effect; a killed run loses at most its epoch under way, as
 * KilledTrainingTest shows, since every file is written atomically.
 */
final class InterruptToStop implements AutoCloseable {

    private static final String INTERRUPT = "INT";
    /** The exit code of a process ended by SIGINT, as shells report it (128 + 2). */
    private static final int INTERRUPTED_EXIT_CODE = 130;

    private final RunControl control;
    private final PrintWriter err;
    private final AtomicInteger interrupts = new AtomicInteger();
    private SignalHandler previous;

    private InterruptToStop(RunControl control, PrintWriter err) {
        this.control = control;
        this.err = err;
    }

    /** Installs the handler until {@link #close()}. */
    static InterruptToStop install(RunControl control, PrintWriter err) {
        InterruptToStop handler = new InterruptToStop(control, err);
        try {
            handler.previous = Signal.handle(new Signal(INTERRUPT), signal -> handler.interrupted());
        } catch (IllegalArgumentException | LinkageError unavailable) {
            handler.previous = null;
        }
        return handler;
    }

    private void interrupted() {
        if (interrupts.incrementAndGet() == 1) {
            err.println("cgan: stopping at the next step; finished epochs are kept (Ctrl-C again quits at once)");
            err.flush();
            control.requestStop();
        } else {
            Runtime.getRuntime().halt(INTERRUPTED_EXIT_CODE);
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(new Signal(INTERRUPT), previous);
        }
    }
}
