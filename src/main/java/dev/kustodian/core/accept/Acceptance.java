package dev.kustodian.core.accept;

/**
 * How one finding is accepted: the entry that names it and whether that entry has expired. An expired acceptance
 * no longer hides the finding from {@code --fail-on}; reports flag it as expired.
 */
public record Acceptance(AcceptedRisk entry, boolean expired) {

    /** True while the acceptance holds: the finding does not count for thresholds. */
    public boolean active() {
        return !expired;
    }
}
