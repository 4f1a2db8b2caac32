package dev.kustodian.ui.secrets;

import javafx.animation.PauseTransition;

import java.time.Duration;

/**
 * Schedules the auto-hide of a revealed value and the clipboard clear. The app uses {@link #fx()} (a
 * PauseTransition on the FX thread); tests inject a manual timer and fire it without sleeping.
 */
@FunctionalInterface
public interface RevealTimer {

    /** Runs {@code action} (on the FX thread) after {@code delay}; the returned runnable cancels it. */
    Runnable schedule(Duration delay, Runnable action);

    static RevealTimer fx() {
        return (delay, action) -> {
            PauseTransition p = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            p.setOnFinished(e -> action.run());
            p.play();
            return p::stop;
        };
    }
}
