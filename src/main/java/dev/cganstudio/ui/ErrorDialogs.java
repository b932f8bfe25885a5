package dev.cganstudio.ui;

import javafx.stage.Window;
import org.controlsfx.dialog.ExceptionDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a person that something failed: a dialog with a plain sentence, the error's own message,
 * and the stack trace folded away under "Show details". Shown without waiting, so that nothing
 * else on the FX thread is held up while it is open.
 */
final class ErrorDialogs {

    /** Style class of the dialog's pane, for tests to find it. */
    static final String STYLE_CLASS = "studio-error";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialogs.class);

    private final Window owner;

    ErrorDialogs(Window owner) {
        this.owner = owner;
    }

    /**
     * Shows the failure.
     *
     * @param what what failed, as a person would say it ("Training stopped", "Not loaded")
     * @param error the cause, whose message is shown and whose stack trace is in the details
     */
    void show(String what, Throwable error) {
        LOG.error("{}: {}", what, error.toString(), error);
        ExceptionDialog dialog = new ExceptionDialog(error);
        dialog.setTitle("cGAN Studio");
        dialog.setHeaderText(what);
        dialog.setContentText(messageOf(error));
        dialog.getDialogPane().getStyleClass().add(STYLE_CLASS);
        if (owner != null && owner.getScene() != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }

    /** The innermost useful message: wrapped failures often say only the class of their cause. */
    static String messageOf(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause.getMessage() == null
                || cause.getMessage().equals(cause.getCause().toString()))) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
