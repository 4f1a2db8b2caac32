package dev.kustodian.ui.framework;

import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

import java.util.function.Consumer;

/**
 * The ONE way the UI runs cluster work: off the FX thread, with progress and cancel. Callbacks run on the FX
 * thread ({@link FxTaskExecutor}) or on the calling thread ({@link SameThreadTaskExecutor}, for tests).
 * A cancelled task reports a {@code CANCELLED} {@link dev.kustodian.core.util.UserFacingException} to onFailure.
 */
public interface TaskExecutor {

    /** The work: reports progress, checks the cancellation often. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress, Cancellation cancel) throws Exception;
    }

    <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure);

    /** Stops the worker threads (on exit). */
    default void shutdown() {
    }
}
