package dev.kustodian.core.scanner;

import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.core.report.PolicyReports;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what the in-cluster scanner last published: Kustodian's PolicyReports/ClusterPolicyReports or OpenReports
 * (found by the {@value PolicyReports#SELECTOR} label) through the {@link ClusterPort}: a few list requests, no load
 * of the cluster. The Fleet page and {@code kustodian contexts --published} show it per context.
 */
public final class PublishedReports {

    private PublishedReports() {
    }

    /**
     * The last in-cluster scan a cluster holds.
     *
     * @param scannedAt  the newest {@code kustodian.dev/scanned-at} of the reports
     * @param api        the report API they were found in
     * @param reports    how many reports (namespaced and cluster)
     * @param fail       findings ({@code result: fail})
     * @param bySeverity findings by severity (critical, high, medium, low, info)
     * @param gaps       visibility gaps ({@code result: error}) and rules not evaluated ({@code result: skip})
     * @param complete   every report says its scan was complete
     */
    public record LastScan(Instant scannedAt, PolicyReports.Api api, int reports, int fail,
                           Map<String, Integer> bySeverity, int gaps, boolean complete) {
        public LastScan {
            bySeverity = Map.copyOf(bySeverity);
        }

        /** "3 findings (1 critical, 2 high)", "no findings"; "incomplete" when the scan had gaps. */
        public String counts() {
            StringBuilder b = new StringBuilder(fail == 0 ? "no findings" : fail + " finding(s)");
            List<String> parts = new java.util.ArrayList<>();
            for (String s : List.of("critical", "high", "medium", "low", "info")) {
                int n = bySeverity.getOrDefault(s, 0);
                if (n > 0) {
                    parts.add(n + " " + s);
                }
            }
            if (!parts.isEmpty()) {
                b.append(" (").append(String.join(", ", parts)).append(')');
            }
            if (!complete) {
                b.append(", incomplete: ").append(gaps).append(" gap(s)/rule(s) not evaluated");
            }
            return b.toString();
        }
    }

    /**
     * The last in-cluster scan of the cluster behind {@code port}: OpenReports first (what auto publishes when they
     * are served), then PolicyReports; empty when neither API is served or no Kustodian report exists. An
     * unreachable server or a refused list is a {@link dev.kustodian.core.port.ClusterCallException}.
     */
    public static Optional<LastScan> read(ClusterPort port) {
        for (PolicyReports.Api api : List.of(PolicyReports.Api.OPENREPORTS, PolicyReports.Api.WGPOLICY)) {
            if (!port.serves(api.apiVersion())) {
                continue;
            }
            List<Map<String, Object>> found = new java.util.ArrayList<>();
            for (ClusterPort.KindRef kind : ReportPublisher.kinds(api)) {
                found.addAll(port.listLabelled(kind, PolicyReports.SELECTOR));
            }
            if (!found.isEmpty()) {
                return Optional.of(summarize(api, found));
            }
        }
        return Optional.empty();
    }

    /**
     * How reading one context went: {@code status} "found" (with {@code last}), "none", "unreachable",
     * "unauthorized", "forbidden" or "error", and a short sentence for the ones without a result.
     */
    public record ContextResult(String status, String message, LastScan last) {
    }

    /**
     * The last in-cluster scan of every context, {@code parallel} at a time; a context that cannot be read is its
     * result's status, never a failure of the whole. Results in the order of {@code contexts}.
     */
    public static Map<String, ContextResult> readAll(List<String> contexts,
                                                     java.util.function.Function<String,
                                                             dev.kustodian.core.cluster.ClusterConnection> connect,
                                                     int parallel, dev.kustodian.core.util.Cancellation cancel) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(parallel, Math.max(1, contexts.size()))), r -> {
                    Thread t = new Thread(r, "kustodian-published");
                    t.setDaemon(true);
                    return t;
                });
        try {
            Map<String, java.util.concurrent.Future<ContextResult>> futures = new java.util.LinkedHashMap<>();
            for (String c : contexts) {
                futures.put(c, pool.submit(() -> readContext(connect, c)));
            }
            Map<String, ContextResult> out = new java.util.LinkedHashMap<>();
            for (var e : futures.entrySet()) {
                while (true) {
                    cancel.check();
                    try {
                        out.put(e.getKey(), e.getValue().get(100, java.util.concurrent.TimeUnit.MILLISECONDS));
                        break;
                    } catch (java.util.concurrent.TimeoutException ex) {
                        // check cancellation again
                    } catch (java.util.concurrent.ExecutionException ex) {
                        out.put(e.getKey(), new ContextResult("error", "could not be read", null));
                        break;
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new dev.kustodian.core.util.UserFacingException(
                                dev.kustodian.core.util.UserFacingException.Category.CANCELLED, "Interrupted.");
                    }
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One context's last in-cluster scan, or why it could not be read. */
    public static ContextResult readContext(java.util.function.Function<String,
            dev.kustodian.core.cluster.ClusterConnection> connect, String context) {
        try (dev.kustodian.core.cluster.ClusterConnection c = connect.apply(context)) {
            return read(c.port()).map(last -> new ContextResult("found", "", last))
                    .orElseGet(() -> new ContextResult("none", "none published (the in-cluster scanner is not "
                            + "installed or has not run yet)", null));
        } catch (dev.kustodian.core.port.ClusterCallException e) {
            return switch (e.code()) {
                case 0 -> new ContextResult("unreachable", "unreachable", null);
                case 401 -> new ContextResult("unauthorized", "credentials rejected (401)", null);
                case 403 -> new ContextResult("forbidden", "forbidden (403): may not list the report kinds", null);
                default -> new ContextResult("error", "HTTP " + e.code(), null);
            };
        } catch (dev.kustodian.core.util.UserFacingException e) {
            return new ContextResult("error", e.getMessage(), null);
        }
    }

    /** The reports' counts and newest scan time. */
    static LastScan summarize(PolicyReports.Api api, List<Map<String, Object>> reports) {
        Instant newest = null;
        int fail = 0;
        int gaps = 0;
        boolean complete = true;
        Map<String, Integer> bySeverity = new TreeMap<>();
        for (Map<String, Object> r : reports) {
            Map<?, ?> meta = r.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> ann = meta.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
            Instant at = instant(ann.get(PolicyReports.ANN_SCANNED));
            if (at != null && (newest == null || at.isAfter(newest))) {
                newest = at;
            }
            if ("false".equals(ann.get(PolicyReports.ANN_COMPLETE))) {
                complete = false;
            }
            if (r.get("results") instanceof List<?> results) {
                for (Object o : results) {
                    if (!(o instanceof Map<?, ?> result)) {
                        continue;
                    }
                    String outcome = String.valueOf(result.get("result"));
                    if (outcome.equals("fail")) {
                        fail++;
                        String sev = result.get("severity") == null ? "info"
                                : String.valueOf(result.get("severity")).toLowerCase(Locale.ROOT);
                        bySeverity.merge(sev, 1, Integer::sum);
                    } else if (outcome.equals("error") || outcome.equals("skip")) {
                        gaps++;
                    }
                }
            }
        }
        return new LastScan(newest, api, reports.size(), fail, bySeverity, gaps, complete);
    }

    private static Instant instant(Object text) {
        if (!(text instanceof String s) || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
