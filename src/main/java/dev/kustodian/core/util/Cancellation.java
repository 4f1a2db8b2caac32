package dev.kustodian.core.util;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancellation flag shared between the UI (or Ctrl-C) and long-running work, which checks it often. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws a CANCELLED UserFacingException when cancelled. */
    public void check() {
        if (cancelled.get()) {
            throw new UserFacingException(UserFacingException.Category.CANCELLED, "Cancelled by the user.");
        }
    }

    public static Cancellation none() {
        return new Cancellation();
    }
}
