package dev.kustodian.ui.encryption;

import dev.kustodian.core.encryption.SecretRewriter;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.framework.TaskHandle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Rewrite all secrets" in the app (the {@code kubectl get secrets -A -o json | kubectl replace -f -} step): counts
 * first (shown before it starts), then rewrites namespace by namespace through the {@link TaskExecutor} with
 * progress and cancel; {@link SecretRewriter} retries 409 conflicts with a fresh GET and records completed
 * namespaces in the state file, so running it again resumes. Values pass through memory only. FX-thread state.
 */
public final class RewriteRunner {
    private final Supplier<Optional<ClusterPort>> client;
    private final Supplier<Path> stateFile;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    public final ObjectProperty<SecretRewriter.Count> count = new SimpleObjectProperty<>();
    public final ObjectProperty<SecretRewriter.Result> result = new SimpleObjectProperty<>();
    public final StringProperty status = new SimpleStringProperty();
    public final DoubleProperty progress = new SimpleDoubleProperty(0);
    public final BooleanProperty running = new SimpleBooleanProperty();
    private TaskHandle handle;

    public RewriteRunner(Supplier<Optional<ClusterPort>> client, Supplier<Path> stateFile, TaskExecutor tasks,
                         DialogService dialogs) {
        this.client = client;
        this.stateFile = stateFile;
        this.tasks = tasks;
        this.dialogs = dialogs;
        status.set(available() ? "Count the Secrets first: the count is shown before anything is rewritten."
                : "Rewriting needs a live cluster connection (this source has none). Connect to the cluster, or run "
                + "'kustodian encryption rotate rewrite --context <ctx> --yes'.");
    }

    public boolean available() {
        return client.get().isPresent();
    }

    private SecretRewriter rewriter() {
        ClusterPort c = client.get().orElseThrow(() -> UserFacingException.badInput(
                "Rewriting needs a live cluster connection; this source has none."));
        return new SecretRewriter(c, stateFile.get(), 5);
    }

    /** Counts the Secrets per namespace and reads the resume state (off the FX thread). */
    public void count() {
        if (!available() || running.get()) {
            return;
        }
        running.set(true);
        status.set("Counting Secrets…");
        handle = tasks.submit("Count Secrets", (p, c) -> rewriter().count(), cnt -> {
            running.set(false);
            count.set(cnt);
            status.set(countText(cnt));
        }, this::failed);
        bindProgress();
    }

    static String countText(SecretRewriter.Count cnt) {
        return cnt.total() + " Secret(s) in " + cnt.perNamespace().size() + " namespace(s); " + cnt.remaining()
                + " to rewrite" + (cnt.alreadyDone().isEmpty() ? "" : " (" + cnt.alreadyDone().size()
                + " namespace(s) already done: this run resumes)") + ".";
    }

    /** Asks, then rewrites every remaining Secret with progress; cancel keeps what is done (resume later). */
    public void start() {
        SecretRewriter.Count cnt = count.get();
        if (cnt == null || running.get() || !available()) {
            return;
        }
        if (dialogs != null && !dialogs.confirm("Rewrite all Secrets?", countText(cnt) + "\nEach Secret is read and "
                + "written back unchanged so kube-apiserver stores it with the current (first) provider. Continue?",
                "Rewrite " + cnt.remaining() + " Secret(s)", false)) {
            status.set("Not started.");
            return;
        }
        running.set(true);
        result.set(null);
        progress.set(0);
        status.set("Rewriting " + cnt.remaining() + " Secret(s)…");
        handle = tasks.submit("Rewrite all Secrets", (p, c) -> rewriter().run(cnt, p, c), res -> {
            running.set(false);
            progress.unbind();
            progress.set(1.0);
            result.set(res);
            count.set(null);
            status.set("Rewrote " + res.rewritten() + " Secret(s); " + res.conflictsRetried()
                    + " conflict(s) retried; " + res.vanished() + " deleted meanwhile"
                    + (res.failures().isEmpty() ? ". Done: verify in etcd (Encryption page, etcd verification)."
                    : "; " + res.failures().size() + " failed: " + String.join("; ", res.failures())
                    + ". Count again and rewrite to retry them."));
        }, this::failed);
        bindProgress();
    }

    private void bindProgress() {
        if (handle != null && handle.running.get()) {
            progress.bind(handle.progress);
            handle.running.addListener((o, a, b) -> {
                if (!b) {
                    progress.unbind();
                }
            });
        } else {
            progress.unbind();
        }
    }

    public void cancel() {
        if (handle != null && running.get()) {
            handle.cancel();
        }
    }

    private void failed(Throwable t) {
        running.set(false);
        progress.unbind();
        count.set(null);
        if (t instanceof UserFacingException u && u.category() == UserFacingException.Category.CANCELLED) {
            status.set("Cancelled. Completed namespaces are recorded in " + stateFile.get()
                    + ": count again and rewrite to resume.");
            return;
        }
        status.set(t instanceof UserFacingException u ? u.getMessage()
                : "The rewrite stopped (" + dev.kustodian.core.util.IoErrors.reason(t) + "). Count again and rewrite to resume.");
    }
}
