package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The start-up load, begun when the process starts, on its own thread, while JavaFX starts its toolkit and the
 * shell is built (on two cores the two overlap instead of following each other): the kubeconfig's contexts, then
 * the start-up source ({@link ShellViewModel#startUpSpec}) loaded, analysed and planned as
 * {@link ShellViewModel#load} does for every load. The shell takes it over as its first load
 * ({@link ShellViewModel#startUpWith}): its progress shows in the shell, Cancel cancels it.
 */
final class StartupLoad {
    private final CompletableFuture<ContextSource> contexts = new CompletableFuture<>();
    private final CompletableFuture<SourceSpec> spec = new CompletableFuture<>();
    private final CompletableFuture<ShellViewModel.Loaded> result = new CompletableFuture<>();
    private final CompletableFuture<Void> shown = new CompletableFuture<>();
    private final Cancellation cancel = new Cancellation();
    private final Object lock = new Object();
    private Progress target;
    private double lastFraction = -1;
    private String lastMessage;

    private StartupLoad() {
    }

    /** Starts reading the contexts and loading the start-up source now. */
    static StartupLoad start(Supplier<ContextSource> contextSource, SessionOpener opener, Path planDir) {
        StartupLoad l = new StartupLoad();
        Thread t = new Thread(() -> l.run(contextSource, opener, planDir), "kustodian-startup-load");
        t.setDaemon(true);
        t.start();
        return l;
    }

    private void run(Supplier<ContextSource> contextSource, SessionOpener opener, Path planDir) {
        try {
            ContextSource c = contextSource.get();
            contexts.complete(c);
            SourceSpec s = ShellViewModel.startUpSpec(c);
            spec.complete(s);
            result.complete(ShellViewModel.load(opener, s, planDir, null, this::progress, cancel));
        } catch (Throwable e) {
            contexts.complete(ContextSource.of(java.util.List.of(), null, false));
            spec.complete(SourceSpec.demo());
            result.completeExceptionally(e);
        }
    }

    /** The kubeconfig's contexts (waits for them: a kubeconfig is read in milliseconds). */
    ContextSource contexts() {
        return contexts.join();
    }

    /** The source being loaded. */
    SourceSpec spec() {
        return spec.join();
    }

    private void progress(double fraction, String message) {
        synchronized (lock) {
            lastFraction = fraction;
            lastMessage = message;
            if (target != null) {
                target.update(fraction, message);
            }
        }
    }

    /** The shell's first frame is drawn: the load's result may follow (never before it). */
    void shellShown() {
        shown.complete(null);
    }

    /**
     * The shell's load task: waits for the load and the shell's first frame, forwarding the load's progress to
     * {@code progress}; {@code cancelled} cancels it (a session that still arrives is closed).
     */
    ShellViewModel.Loaded await(Progress progress, Cancellation cancelled) throws Exception {
        synchronized (lock) {
            target = progress;
            if (lastMessage != null) {
                progress.update(lastFraction, lastMessage);
            }
        }
        CompletableFuture<ShellViewModel.Loaded> ready = result.thenCombine(shown, (r, s) -> r);
        while (true) {
            try {
                return ready.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancelled.isCancelled()) {
                    cancel.cancel();
                    result.thenAccept(l -> l.session().close());
                    cancelled.check();
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            }
        }
    }
}
