package dev.kustodian.core.plan;

import java.util.Locale;

/**
 * Where a plan step stands. {@code DONE} needs evidence (its findings are gone, and for encryption the etcd proof
 * ran); {@code ACCEPTED} means every remaining finding of the step is an accepted risk; {@code MANUAL} means what
 * is left can only be done by hand (node-level or outside the cluster); {@code BLOCKED} means a prerequisite is
 * missing (named in the step's status reason).
 */
public enum StepStatus {
    TODO, DONE, ACCEPTED, MANUAL, BLOCKED;

    /** "todo", "done"...: the word used in JSON, text and the state file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when nothing is left to do for the step. */
    public boolean settled() {
        return this == DONE || this == ACCEPTED;
    }
}
