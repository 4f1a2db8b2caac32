package dev.kustodian.core.findings;

import dev.kustodian.core.model.ClusterSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every rule sees: the snapshot, the time "now" (a clock, so tests are deterministic), and a memo of
 * derived indexes shared between rules (e.g. the RBAC engine's per-secret readers index), computed once.
 */
public final class AnalysisContext {
    private final ClusterSnapshot snapshot;
    private final Clock clock;
    private final ConcurrentHashMap<Class<?>, Slot> memo = new ConcurrentHashMap<>();

    /** One derived value; its own monitor, so different values are computed concurrently. */
    private static final class Slot {
        private Object value;
    }

    public AnalysisContext(ClusterSnapshot snapshot, Clock clock) {
        this.snapshot = snapshot;
        this.clock = clock;
    }

    public static AnalysisContext of(ClusterSnapshot snapshot) {
        return new AnalysisContext(snapshot, Clock.systemUTC());
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Computes (once per context) and returns the derived value of type {@code type}. A computation may itself ask
     * for other derived values; other threads asking for the same value wait for it, while different values are
     * computed concurrently (rules run in parallel). Derived values must not depend on each other in a cycle.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Class<T> type, Function<ClusterSnapshot, T> compute) {
        Slot slot = memo.computeIfAbsent(type, k -> new Slot());
        synchronized (slot) {
            if (slot.value == null) {
                slot.value = compute.apply(snapshot);
            }
            return (T) slot.value;
        }
    }
}
