package dev.kustodian.ui.framework;

import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The app's executor: JavaFX {@link Task}s on daemon worker threads; callbacks on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kustodian-task-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(title);
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Progress p = (fraction, msg) -> {
                    updateProgress(fraction < 0 ? -1 : Math.min(1, fraction), 1);
                    if (msg != null) {
                        updateMessage(msg);
                    }
                };
                return work.run(p, handle.cancellation);
            }
        };
        handle.progressWrapper.bind(task.progressProperty());
        task.messageProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                handle.messageWrapper.set(b);
            }
        });
        // Cancel sets the flag, then cancels the Task; work that sees the flag first may still end normally (or
        // fail) before the Task is cancelled. Whichever way it ends, a cancelled task reports CANCELLED exactly once.
        task.setOnSucceeded(e -> {
            handle.runningWrapper.set(false);
            if (handle.cancellation.isCancelled()) {
                onFailure.accept(cancelled(title));
            } else {
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            handle.runningWrapper.set(false);
            onFailure.accept(handle.cancellation.isCancelled() ? cancelled(title) : task.getException());
        });
        task.setOnCancelled(e -> {
            handle.runningWrapper.set(false);
            onFailure.accept(cancelled(title));
        });
        handle.onCancel(() -> {
            if (Platform.isFxApplicationThread()) {
                task.cancel(false);
            } else {
                Platform.runLater(() -> task.cancel(false));
            }
        });
        pool.submit(task);
        return handle;
    }

    private static UserFacingException cancelled(String title) {
        return new UserFacingException(UserFacingException.Category.CANCELLED, title + " was cancelled.");
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
