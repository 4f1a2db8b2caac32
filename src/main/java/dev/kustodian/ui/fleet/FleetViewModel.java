package dev.kustodian.ui.fleet;

import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.report.FleetReport;
import dev.kustodian.core.scanner.PublishedReports;
import dev.kustodian.ui.framework.KubeContexts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Fleet page's state (FX thread): one row per kubeconfig context with its posture per area, when it was last
 * scanned and whether it could be reached; the scan's running flag and progress text. Rows keep their last result
 * when the context list is read again.
 */
public final class FleetViewModel {

    /** The areas always shown as columns (more appear when findings of other areas exist). */
    static final List<String> AREAS = List.of("secrets", "rbac", "encryption", "external-stores");

    /** How a context's last scan went, as the table shows it. */
    public enum Status {
        NOT_SCANNED("not scanned"), SCANNING("scanning…"), OK("reachable"), PARTIAL("reachable, partial view"),
        UNREACHABLE("unreachable"), UNAUTHORIZED("unauthorized"), ERROR("error");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One context: its kubeconfig facts, the last result ({@code counts} area → severity → findings; empty before a
     * scan), when and how it was obtained, and the sentence for a failure or a partial view; what the in-cluster
     * scanner last published there ({@code inCluster}, null when none was read) and how reading it went
     * ({@code inClusterNote}: "" before reading, else "found", "none published", or why it could not be read).
     */
    public record Row(String context, String server, boolean current, boolean production, Status status,
                      Map<String, Map<Severity, Integer>> counts, int total, Instant scannedAt, String how,
                      String message, PublishedReports.LastScan inCluster, String inClusterNote) {

        static Row of(KubeContexts.Entry e) {
            return new Row(e.name(), e.server(), e.current(), e.production(), Status.NOT_SCANNED, Map.of(), 0, null,
                    "", "", null, "");
        }

        Row with(Status s, Map<String, Map<Severity, Integer>> c, int t, Instant at, String how, String message) {
            return new Row(context, server, current, production, s, c, t, at, how, message, inCluster, inClusterNote);
        }

        Row withInCluster(PublishedReports.LastScan last, String note) {
            return new Row(context, server, current, production, status, counts, total, scannedAt, how, message, last,
                    note);
        }

        /**
         * The "Last in-cluster scan" cell: "2026-12-05 06:00 · 1C 2H" (time and published findings by severity),
         * "none published", why it could not be read, or "…" while reading.
         */
        public String inClusterCell(java.time.format.DateTimeFormatter time) {
            if (inCluster == null) {
                return inClusterNote.isEmpty() ? "—" : inClusterNote;
            }
            List<String> parts = new ArrayList<>();
            for (String s : List.of("critical", "high", "medium", "low")) {
                int n = inCluster.bySeverity().getOrDefault(s, 0);
                if (n > 0) {
                    parts.add(n + s.substring(0, 1).toUpperCase(Locale.ROOT));
                }
            }
            return (inCluster.scannedAt() == null ? "time unknown" : time.format(inCluster.scannedAt())) + " · "
                    + (parts.isEmpty() ? (inCluster.fail() == 0 ? "no findings" : inCluster.fail() + " info")
                    : String.join(" ", parts)) + (inCluster.complete() ? "" : " · partial");
        }

        /** "2C 5H 3M" (findings by severity, info left out), "none", or "—" when the context has no result. */
        public String cell(String area) {
            if (scannedAt == null) {
                return "—";
            }
            Map<Severity, Integer> m = counts.getOrDefault(area, Map.of());
            List<String> parts = new ArrayList<>();
            for (int i = Severity.values().length - 1; i >= 1; i--) {
                Severity s = Severity.values()[i];
                int n = m.getOrDefault(s, 0);
                if (n > 0) {
                    parts.add(n + s.name().substring(0, 1));
                }
            }
            int info = m.getOrDefault(Severity.INFO, 0);
            if (parts.isEmpty() && info > 0) {
                parts.add(info + " info");
            }
            return parts.isEmpty() ? "none" : String.join(" ", parts);
        }

        /** The worst severity of the context's findings, or null. */
        public Severity worst() {
            Severity w = null;
            for (Map<Severity, Integer> m : counts.values()) {
                for (var e : m.entrySet()) {
                    if (e.getValue() > 0 && (w == null || e.getKey().atLeast(w))) {
                        w = e.getKey();
                    }
                }
            }
            return w;
        }
    }

    public final ObservableList<Row> rows = FXCollections.observableArrayList();
    public final BooleanProperty scanning = new SimpleBooleanProperty();
    public final StringProperty progressText = new SimpleStringProperty("");
    public final StringProperty summary = new SimpleStringProperty("");

    /** The area columns: the usual four, then any other area with findings. */
    public List<String> areas() {
        TreeSet<String> more = new TreeSet<>();
        rows.forEach(r -> more.addAll(r.counts().keySet()));
        more.removeAll(AREAS);
        List<String> out = new ArrayList<>(AREAS);
        out.addAll(more);
        return out;
    }

    /** The kubeconfig's contexts: new rows for new names, known rows keep their results (marks refreshed). */
    public void setContexts(List<KubeContexts.Entry> entries) {
        Map<String, Row> old = new LinkedHashMap<>();
        rows.forEach(r -> old.put(r.context(), r));
        List<Row> next = new ArrayList<>();
        for (KubeContexts.Entry e : entries) {
            Row r = old.get(e.name());
            next.add(r == null ? Row.of(e) : new Row(e.name(), e.server(), e.current(), e.production(), r.status(),
                    r.counts(), r.total(), r.scannedAt(), r.how(), r.message(), r.inCluster(), r.inClusterNote()));
        }
        rows.setAll(next);
        updateSummary();
    }

    /** A scan of these contexts started: their rows say so. */
    public void scanStarted(List<String> contexts) {
        scanning.set(true);
        progressText.set("Scanning " + contexts.size() + " context(s)…");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (contexts.contains(r.context())) {
                rows.set(i, r.with(Status.SCANNING, r.counts(), r.total(), r.scannedAt(), r.how(), ""));
            }
        }
    }

    /** The fleet scan's results, one per context scanned. */
    public void scanFinished(FleetReport report) {
        for (FleetReport.Entry e : report.contexts()) {
            apply(e, report.generatedAt());
        }
        scanning.set(false);
        progressText.set("Scanned " + report.contexts().size() + " context(s): " + report.countsByStatus().entrySet()
                .stream().filter(x -> x.getValue() > 0).map(x -> x.getValue() + " " + x.getKey().id()).toList()
                .stream().reduce((a, b) -> a + ", " + b).orElse("") + ".");
        updateSummary();
    }

    /** The scan stopped (cancelled or failed as a whole): rows still "scanning" go back to their last result. */
    public void scanStopped(String why) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.status() == Status.SCANNING) {
                rows.set(i, r.with(r.scannedAt() == null ? Status.NOT_SCANNED : Status.OK, r.counts(), r.total(),
                        r.scannedAt(), r.how(), r.message()));
            }
        }
        scanning.set(false);
        progressText.set(why);
        updateSummary();
    }

    /** One context's fleet-scan result. */
    void apply(FleetReport.Entry e, Instant at) {
        Status s = switch (e.status()) {
            case OK -> e.incomplete() ? Status.PARTIAL : Status.OK;
            case UNREACHABLE -> Status.UNREACHABLE;
            case UNAUTHORIZED -> Status.UNAUTHORIZED;
            case ERROR -> Status.ERROR;
        };
        String message = e.ok() && e.incomplete() ? partial(e.report().coverage()) : e.message();
        if (e.report() == null) {
            // keep the last posture: the context could not be reached now, its previous result is still the best known
            replace(e.context(), r -> r.with(s, r.counts(), r.total(), r.scannedAt(), r.how(), message));
        } else {
            replace(e.context(), r -> r.with(s, counts(e.report().findings()), e.report().findings().size(), at,
                    "Scan all", message));
        }
    }

    /** The app loaded this context itself: its result counts as a scan too. */
    public void recordLoad(String context, List<Finding> findings, Coverage coverage, Instant at) {
        boolean partial = coverage != null && !coverage.complete();
        replace(context, r -> r.with(partial ? Status.PARTIAL : Status.OK, counts(findings), findings.size(), at,
                "opened in the app", partial ? partial(coverage) : ""));
        updateSummary();
    }

    /** Reading the published reports of these contexts started: their cells say so (last values kept). */
    public void publishedReading(List<String> contexts) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (contexts.contains(r.context()) && r.inCluster() == null) {
                rows.set(i, r.withInCluster(null, "reading…"));
            }
        }
    }

    /**
     * What the in-cluster scanner last published to {@code context} ({@code last} null: nothing), or, with
     * {@code failure}, why it could not be read (the last value read stays).
     */
    public void publishedRead(String context, PublishedReports.LastScan last, String failure) {
        replace(context, r -> failure != null ? r.withInCluster(r.inCluster(), r.inCluster() == null ? failure
                : "last read kept; now " + failure) : r.withInCluster(last, last == null ? "none published" : "found"));
    }

    private static String partial(Coverage c) {
        return c.gaps().size() + " visibility gap(s): " + c.notEvaluated().size() + " rule(s) could not see everything.";
    }

    private void replace(String context, java.util.function.UnaryOperator<Row> f) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).context().equals(context)) {
                rows.set(i, f.apply(rows.get(i)));
                return;
            }
        }
    }

    static Map<String, Map<Severity, Integer>> counts(List<Finding> findings) {
        Map<String, Map<Severity, Integer>> m = new LinkedHashMap<>();
        for (Finding f : findings) {
            m.computeIfAbsent(f.area(), k -> new EnumMap<>(Severity.class)).merge(f.severity(), 1, Integer::sum);
        }
        return m;
    }

    private void updateSummary() {
        long scanned = rows.stream().filter(r -> r.scannedAt() != null).count();
        long down = rows.stream().filter(r -> r.status() == Status.UNREACHABLE || r.status() == Status.UNAUTHORIZED
                || r.status() == Status.ERROR).count();
        long prod = rows.stream().filter(Row::production).count();
        summary.set(rows.size() + " context(s) in the kubeconfig · " + scanned + " scanned"
                + (down > 0 ? " · " + down + " not reachable" : "") + (prod > 0 ? " · " + prod + " production" : ""));
    }
}
