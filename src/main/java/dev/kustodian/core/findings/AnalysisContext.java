package dev.kustodian.core.findings;

import dev.kustodian.core.model.ClusterSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.HashMap;
import java.util.function.Function;

/**
 * What every rule sees: the snapshot, the time "now" (a clock, so tests are deterministic), and a memo of
 * derived indexes shared between rules (e.g. the RBAC engine's per-secret readers index), computed once.
 */
public final class AnalysisContext {
    private final ClusterSnapshot snapshot;
    private final Clock clock;
    private final Map<Class<?>, Object> memo = new HashMap<>();

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
     * for other derived values (the monitor is reentrant); other threads wait for it.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T derived(Class<T> type, Function<ClusterSnapshot, T> compute) {
        Object v = memo.get(type);
        if (v == null) {
            v = compute.apply(snapshot);
            memo.put(type, v);
        }
        return (T) v;
    }
}
