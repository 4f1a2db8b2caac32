package dev.kustodian.ui.framework;

import dev.kustodian.core.util.UserFacingException;

import java.util.function.Consumer;

/**
 * Runs work immediately on the calling thread (tests, screenshot rendering): deterministic, no timing.
 * Progress reports update the handle directly.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private int submitted;

    @Override
    public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        submitted++;
        TaskHandle handle = new TaskHandle(title);
        T result;
        try {
            result = work.run((fraction, msg) -> {
                handle.progressWrapper.set(fraction);
                if (msg != null) {
                    handle.messageWrapper.set(msg);
                }
            }, handle.cancellation);
        } catch (Exception | LinkageError e) {
            handle.runningWrapper.set(false);
            onFailure.accept(e);
            return handle;
        }
        handle.runningWrapper.set(false);
        if (handle.cancellation.isCancelled()) {
            onFailure.accept(new UserFacingException(UserFacingException.Category.CANCELLED, title + " was cancelled."));
        } else {
            onSuccess.accept(result);
        }
        return handle;
    }

    /** How many tasks were submitted (tests assert that work went through the executor). */
    public int submitted() {
        return submitted;
    }
}
