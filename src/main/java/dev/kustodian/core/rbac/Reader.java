package dev.kustodian.core.rbac;

import java.util.List;

/**
 * A subject that can read a secret: {@code direct} (get, list or watch on it) or indirect (through a pod, a token,
 * impersonation, escalation...), {@code how} one sentence, {@code via} the binding → role → rule paths.
 */
public record Reader(SubjectRef subject, boolean direct, String how, List<Grant> via) {
    public Reader {
        via = List.copyOf(via);
    }

    /** True for system subjects or a path that exists only through {@code system:masters}. */
    public boolean system() {
        return subject.isSystem() || via.stream().allMatch(Grant::isMasters);
    }
}
