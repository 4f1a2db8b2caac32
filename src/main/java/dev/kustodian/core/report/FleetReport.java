package dev.kustodian.core.report;

import dev.kustodian.core.findings.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a fleet scan shows: one entry per kubeconfig context, in the order asked for, each with its status and, when
 * it could be scanned, the same {@link Report} a single {@code kustodian scan} of that context gives. Names only,
 * never values; server URLs are already redacted.
 */
public record FleetReport(List<Entry> contexts, Instant generatedAt) {

    public FleetReport {
        contexts = List.copyOf(contexts);
    }

    /** How a context's scan went. */
    public enum Status {
        /** loaded and analysed (its report may still have visibility gaps) */
        OK,
        /** the API server could not be reached: connection refused, DNS, TLS, no answer in time */
        UNREACHABLE,
        /** the credentials were rejected (401), or accepted but allowed to list nothing (403 everywhere) */
        UNAUTHORIZED,
        /** anything else: a kubeconfig entry that cannot be used, an unexpected failure */
        ERROR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One context. {@code report} is null when the context could not be scanned (then {@code message} says why);
     * an UNAUTHORIZED context whose identity could list nothing keeps its (empty, incomplete) report.
     */
    public record Entry(String context, String server, Status status, String message, Report report, Duration took) {
        public Entry {
            server = server == null ? "" : server;
            message = message == null ? "" : message;
            took = took == null ? Duration.ZERO : took;
        }

        /** True when the context was scanned (status OK). */
        public boolean ok() {
            return status == Status.OK;
        }

        /** True when there is a report that could not see everything. */
        public boolean incomplete() {
            return report != null && report.coverage() != null && !report.coverage().complete();
        }

        /** Findings of this context in {@code area} by severity (zeros for a context without a report). */
        public Map<Severity, Integer> counts(String area) {
            Map<Severity, Integer> m = new EnumMap<>(Severity.class);
            if (report != null) {
                report.findings().stream().filter(f -> f.area().equals(area))
                        .forEach(f -> m.merge(f.severity(), 1, Integer::sum));
            }
            return m;
        }
    }

    /** The areas with findings in any context, sorted: the columns of the context × area matrix. */
    public List<String> areas() {
        TreeSet<String> areas = new TreeSet<>();
        contexts.stream().filter(e -> e.report() != null).forEach(e -> areas.addAll(e.report().countsByArea().keySet()));
        return List.copyOf(areas);
    }

    /** Contexts per status, every status present (zero included), in the enum's order. */
    public Map<Status, Integer> countsByStatus() {
        Map<Status, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        contexts.forEach(e -> m.merge(e.status(), 1, Integer::sum));
        return m;
    }

    /** Contexts that could not be scanned (any status but OK). */
    public long failedCount() {
        return contexts.stream().filter(e -> !e.ok()).count();
    }

    /** True when there were contexts and none could be scanned. */
    public boolean allFailed() {
        return !contexts.isEmpty() && failedCount() == contexts.size();
    }

    /** Findings over every context. */
    public int totalFindings() {
        return contexts.stream().filter(e -> e.report() != null).mapToInt(e -> e.report().findings().size()).sum();
    }

    /** Findings over every context per severity, highest first, zeros included. */
    public Map<Severity, Integer> countsBySeverity() {
        Map<Severity, Integer> m = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            m.put(Severity.values()[i], 0);
        }
        contexts.stream().filter(e -> e.report() != null)
                .forEach(e -> e.report().countsBySeverity().forEach((s, n) -> m.merge(s, n, Integer::sum)));
        return m;
    }

    /** Findings over every context per area, sorted. */
    public Map<String, Integer> countsByArea() {
        Map<String, Integer> m = new TreeMap<>();
        contexts.stream().filter(e -> e.report() != null)
                .forEach(e -> e.report().countsByArea().forEach((a, n) -> m.merge(a, n, Integer::sum)));
        return m;
    }

    /** True when every context was scanned and no scan had visibility gaps. */
    public boolean complete() {
        return contexts.stream().allMatch(e -> e.ok() && !e.incomplete());
    }

    /** The contexts whose reports have visibility gaps. */
    public List<Entry> incomplete() {
        List<Entry> out = new ArrayList<>();
        contexts.stream().filter(Entry::incomplete).forEach(out::add);
        return out;
    }
}
