package dev.kustodian.ui.framework;

import dev.kustodian.core.util.UserFacingException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Holds submitted work until the test runs it ({@link #runNext()}), on the calling thread: results arrive in the
 * order and at the moment the test chooses (a late answer of an earlier load, without sleeping).
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(title);
        queue.add(() -> {
            T result;
            try {
                result = work.run((fraction, msg) -> { }, handle.cancellation);
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            if (handle.cancellation.isCancelled()) {
                onFailure.accept(new UserFacingException(UserFacingException.Category.CANCELLED,
                        title + " was cancelled."));
            } else {
                onSuccess.accept(result);
            }
        });
        return handle;
    }

    /** Runs the oldest waiting work and delivers its outcome. */
    public void runNext() {
        queue.removeFirst().run();
    }

    /** Runs waiting work until none is left, also the work that it submits. */
    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }

    public int waiting() {
        return queue.size();
    }
}
