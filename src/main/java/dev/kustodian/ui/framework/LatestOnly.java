package dev.kustodian.ui.framework;

import java.util.function.Consumer;

/**
 * Background work for the latest load only: {@link #submit} runs the work through the {@link TaskExecutor} (off the
 * FX thread) and delivers its result or failure only while no newer {@link #submit} or {@link #invalidate} came
 * after it; a superseded task is cancelled and its outcome dropped. So a late result of the previous cluster never
 * repaints the page of the current one. FX thread only (like the executor's callbacks).
 */
public final class LatestOnly {
    private final TaskExecutor tasks;
    private long generation;
    private TaskHandle running;

    public LatestOnly(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Runs {@code work}; its callbacks run (on the FX thread) only while it is the latest submitted work. */
    public <T> TaskHandle submit(String title, TaskExecutor.Work<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        long gen = invalidate();
        boolean[] reported = {false};
        TaskHandle handle = tasks.submit(title, work, result -> {
            reported[0] = true;
            if (isLatest(gen)) {
                onSuccess.accept(result);
            }
        }, failure -> {
            reported[0] = true;
            if (isLatest(gen)) {
                onFailure.accept(failure);
            }
        });
        if (!reported[0] && gen == generation) {
            running = handle;
        }
        return handle;
    }

    private boolean isLatest(long gen) {
        if (gen != generation) {
            return false;
        }
        running = null;
        return true;
    }

    /** A newer load arrived: the work submitted so far is cancelled and its outcome dropped. */
    public long invalidate() {
        generation++;
        TaskHandle r = running;
        running = null;
        if (r != null) {
            r.cancel();
        }
        return generation;
    }

    /** Counts {@link #submit}s and {@link #invalidate}s: a result taken at one value is stale once it changed. */
    public long generation() {
        return generation;
    }

    /** True while the latest submitted work has not reported yet. */
    public boolean isRunning() {
        return running != null;
    }
}
