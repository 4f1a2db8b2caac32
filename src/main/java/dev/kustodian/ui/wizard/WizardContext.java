package dev.kustodian.ui.wizard;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;

import java.util.List;

/**
 * What a wizard sees: the session (null when nothing is loaded) and its snapshot, plus the executor and dialogs for
 * wizards whose steps run cluster work themselves (e.g. "Rewrite all secrets" of the rotation wizard).
 */
public record WizardContext(ClusterSession session, dev.kustodian.ui.framework.TaskExecutor tasks,
                            dev.kustodian.ui.framework.DialogService dialogs) {

    /** A context for generating only (tests, previews): work runs on the calling thread, no dialogs. */
    public WizardContext(ClusterSession session) {
        this(session, new dev.kustodian.ui.framework.SameThreadTaskExecutor(), null);
    }

    public ClusterSnapshot snapshot() {
        return session == null ? null : session.snapshot();
    }

    public List<String> namespaces() {
        return snapshot() == null ? List.of() : dev.kustodian.ui.framework.SnapshotNames.namespaces(snapshot());
    }

    public List<String> serviceAccounts(String namespace) {
        return snapshot() == null ? List.of() : snapshot().serviceAccounts().stream()
                .filter(s -> s.meta().namespace().equals(namespace)).map(s -> s.meta().name()).sorted().toList();
    }

    public List<String> secrets(String namespace) {
        return snapshot() == null ? List.of() : snapshot().secrets().stream()
                .filter(s -> s.meta().namespace().equals(namespace)).map(s -> s.meta().name()).sorted().toList();
    }
}
