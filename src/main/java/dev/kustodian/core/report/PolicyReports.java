package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.core.yaml.YamlWriter;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A {@link Report} as Kubernetes policy reports, the objects Kyverno, kubescape and Policy Reporter read:
 * {@code wgpolicyk8s.io/v1alpha2} PolicyReport per namespace + ClusterPolicyReport, or {@code openreports.io/v1alpha1}
 * Report + ClusterReport (same result fields, other apiVersion and kinds).
 *
 * <ul>
 *   <li>One result per finding: {@code policy} = rule id, {@code rule} = CIS ids, {@code result: fail},
 *   {@code severity}, {@code message} (the title), {@code category} (the area), {@code resources} (the object),
 *   {@code properties} (finding id, area, remediation, explanation, CIS, system, fix, acceptance),
 *   {@code source: kustodian}, {@code timestamp} (the scan time).</li>
 *   <li>A finding about a namespaced object goes to its namespace's report; everything else to the cluster
 *   report.</li>
 *   <li>Visibility: each gap is a {@code result: error} (policy {@value #GAP_POLICY}) in the namespace it names (the
 *   cluster report when it names every namespace); each rule the gaps blinded is a {@code result: skip} in the
 *   cluster report: a blind scan never looks like a pass.</li>
 *   <li>Size: a report holds at most {@link Limits#maxResults} results and about {@link Limits#maxBytes} bytes of
 *   results (etcd refuses objects over about 1.5 MiB); more results go to numbered reports
 *   ({@code kustodian-shop}, {@code kustodian-shop-2}, ...). Each report says the cap and its part in its annotations
 *   ({@value #ANN_CAP}, {@value #ANN_PART}; OpenReports also {@code configuration.limits.maxResults}).</li>
 *   <li>Every report carries the label {@value #MANAGED_LABEL}={@value #MANAGED_VALUE}: the previous run's reports are
 *   found by it and replaced.</li>
 * </ul>
 * Everything comes from findings and gaps, which hold names, never values. Documents are built and written one at a
 * time: memory holds one report's results, not the whole set.
 */
public final class PolicyReports {

    public static final String MANAGED_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_VALUE = "kustodian";
    /** Label selector of Kustodian's reports. */
    public static final String SELECTOR = MANAGED_LABEL + "=" + MANAGED_VALUE;
    public static final String SOURCE = "kustodian";
    public static final String GAP_POLICY = "KUSTODIAN-VISIBILITY";
    public static final String ANN_PREFIX = "kustodian.dev/";
    public static final String ANN_CAP = ANN_PREFIX + "results-cap";
    /** The CIS benchmark the results' ids ("rule: CIS 5.1.2 (cis-1.12)") are numbered in. */
    public static final String ANN_CIS_BENCHMARK = ANN_PREFIX + "cis-benchmark";
    public static final String ANN_PART = ANN_PREFIX + "part";
    public static final String ANN_SCANNED = ANN_PREFIX + "scanned-at";
    public static final String ANN_SCAN_SOURCE = ANN_PREFIX + "scan-source";
    public static final String ANN_COMPLETE = ANN_PREFIX + "scan-complete";
    /** Name of the cluster report and prefix of the namespace reports. */
    public static final String NAME_PREFIX = "kustodian";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two report APIs. */
    public enum Api {
        WGPOLICY("policyreport", "wgpolicyk8s.io", "v1alpha2", "PolicyReport", "policyreports"),
        OPENREPORTS("openreports", "openreports.io", "v1alpha1", "Report", "reports");

        private final String id;
        private final String group;
        private final ClusterPort.KindRef namespaced;
        private final ClusterPort.KindRef cluster;

        /** The cluster-scoped kind of each API is "Cluster" + the namespaced kind (its resource likewise). */
        Api(String id, String group, String version, String kind, String resource) {
            this.id = id;
            this.group = group;
            this.namespaced = new ClusterPort.KindRef(group + "/" + version, kind, resource, true);
            this.cluster = new ClusterPort.KindRef(group + "/" + version, "Cluster" + kind, "cluster" + resource, false);
        }

        /** "policyreport" or "openreports": the names of the formats and of {@code --report-format}. */
        public String id() {
            return id;
        }

        public String group() {
            return group;
        }

        public String apiVersion() {
            return namespaced.apiVersion();
        }

        /** The namespaced kind (PolicyReport, Report). */
        public String kind() {
            return namespaced.kind();
        }

        /** The cluster-scoped kind (ClusterPolicyReport, ClusterReport). */
        public String clusterKind() {
            return cluster.kind();
        }

        /** The two kinds, namespaced first, as the cluster port addresses them. */
        public List<ClusterPort.KindRef> kinds() {
            return List.of(namespaced, cluster);
        }

        /** The two kinds' resources (policyreports, clusterpolicyreports), as RBAC rules and kubectl name them. */
        public List<String> resources() {
            return List.of(namespaced.resource(), cluster.resource());
        }

        /** Parses "policyreport"/"wgpolicyk8s.io" or "openreports"/"openreports.io". */
        public static Api parse(String s) {
            String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            for (Api a : values()) {
                if (a.id.equals(v) || a.group.equals(v)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("Unknown report format '" + s + "': use policyreport or openreports.");
        }
    }

    /**
     * How much one report holds.
     *
     * @param maxResults results per report (then the next numbered report)
     * @param maxBytes   bytes of results (as JSON) per report; etcd's default request limit is about 1.5 MiB
     */
    public record Limits(int maxResults, int maxBytes) {
        public static final Limits DEFAULTS = new Limits(500, 700 * 1024);

        public Limits {
            if (maxResults < 1 || maxBytes < 1024) {
                throw new IllegalArgumentException("limits too small: " + maxResults + " results, " + maxBytes + " bytes");
            }
        }
    }

    private PolicyReports() {
    }

    /** Writes every report as multi-document YAML ("---" between documents), document by document. */
    public static void write(Report report, Api api, Writer out) throws IOException {
        write(report, api, Limits.DEFAULTS, out);
    }

    public static void write(Report report, Api api, Limits limits, Writer out) throws IOException {
        IOException[] failure = new IOException[1];
        boolean[] first = {true};
        forEach(report, api, limits, doc -> {
            if (failure[0] != null) {
                return;
            }
            try {
                if (!first[0]) {
                    out.write("---\n");
                }
                first[0] = false;
                writeDocument(doc, out);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** One report as YAML: everything but the results in one write, then one write per result. */
    @SuppressWarnings("unchecked")
    private static void writeDocument(Map<String, Object> doc, Writer out) throws IOException {
        Map<String, Object> head = new LinkedHashMap<>(doc);
        List<Object> results = (List<Object>) head.remove("results");
        out.write(YamlWriter.write(head));
        if (results.isEmpty()) {
            out.write("results: []\n");
            return;
        }
        out.write("results:\n");
        for (Object r : results) {
            out.write(YamlWriter.write(List.of(r))); // "- policy: ..." lines: an item of the block sequence above
        }
    }

    /** Every report as a map (apiVersion, kind, metadata, ...), in memory: publishing and tests. */
    public static List<Map<String, Object>> documents(Report report, Api api, Limits limits) {
        List<Map<String, Object>> out = new ArrayList<>();
        forEach(report, api, limits, out::add);
        return out;
    }

    /**
     * Builds the reports one at a time and hands each to {@code sink}: the cluster report first (always written,
     * even when empty, so "no findings" is a report with zero results, not an absent one), then one per namespace
     * with results, namespaces sorted.
     */
    public static void forEach(Report report, Api api, Limits limits, Consumer<Map<String, Object>> sink) {
        Map<String, List<Finding>> byNamespace = new TreeMap<>();
        List<Finding> cluster = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.object().namespace().isEmpty()) {
                cluster.add(f);
            } else {
                byNamespace.computeIfAbsent(f.object().namespace(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, List<Coverage.Gap>> gapsByNamespace = new TreeMap<>();
        List<Coverage.Gap> clusterGaps = new ArrayList<>();
        List<Coverage.NotEvaluated> blinded = report.coverage() == null ? List.of() : report.coverage().notEvaluated();
        if (report.coverage() != null) {
            for (Coverage.Gap g : report.coverage().gaps()) {
                if (g.namespace().isEmpty()) {
                    clusterGaps.add(g);
                } else {
                    gapsByNamespace.computeIfAbsent(g.namespace(), k -> new ArrayList<>()).add(g);
                    byNamespace.computeIfAbsent(g.namespace(), k -> new ArrayList<>());
                }
            }
        }
        new Builder(report, api, limits, "", sink).emit(cluster, clusterGaps, blinded);
        for (Map.Entry<String, List<Finding>> e : byNamespace.entrySet()) {
            new Builder(report, api, limits, e.getKey(), sink)
                    .emit(e.getValue(), gapsByNamespace.getOrDefault(e.getKey(), List.of()), List.of());
        }
    }

    /** The name of part {@code part} (1-based) of the report of {@code namespace} ("" = the cluster report). */
    public static String name(String namespace, int part) {
        String base = namespace.isEmpty() ? NAME_PREFIX + "-cluster" : NAME_PREFIX + "-" + namespace;
        return part == 1 ? base : base + "-" + part;
    }

    /** Collects the results of one scope and cuts them into reports at the limits. */
    private static final class Builder {
        private final Report report;
        private final Api api;
        private final Limits limits;
        private final String namespace;
        private final Consumer<Map<String, Object>> sink;
        private final Map<String, Object> timestamp;
        private final List<Map<String, Object>> pending = new ArrayList<>();
        private long pendingBytes;
        private int part;
        private int total;

        Builder(Report report, Api api, Limits limits, String namespace, Consumer<Map<String, Object>> sink) {
            this.report = report;
            this.api = api;
            this.limits = limits;
            this.namespace = namespace;
            this.sink = sink;
            Instant at = report.generatedAt() == null ? Instant.EPOCH : report.generatedAt();
            Map<String, Object> ts = new LinkedHashMap<>();
            ts.put("seconds", at.getEpochSecond());
            ts.put("nanos", at.getNano());
            this.timestamp = ts;
        }

        void emit(List<Finding> findings, List<Coverage.Gap> gaps, List<Coverage.NotEvaluated> blinded) {
            total = findings.size() + gaps.size() + blinded.size();
            for (Coverage.Gap g : gaps) {
                add(gapResult(g));
            }
            for (Coverage.NotEvaluated n : blinded) {
                add(notEvaluatedResult(n));
            }
            for (Finding f : findings) {
                add(findingResult(f, report.acceptance(f)));
            }
            if (!pending.isEmpty() || part == 0) {
                flush();
            }
        }

        private void add(Map<String, Object> result) {
            long size = jsonSize(result);
            if (!pending.isEmpty() && (pending.size() >= limits.maxResults() || pendingBytes + size > limits.maxBytes())) {
                flush();
            }
            pending.add(result);
            pendingBytes += size;
        }

        private void flush() {
            part++;
            sink.accept(document(part, List.copyOf(pending)));
            pending.clear();
            pendingBytes = 0;
        }

        private Map<String, Object> document(int partNo, List<Map<String, Object>> results) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("apiVersion", api.apiVersion());
            doc.put("kind", namespace.isEmpty() ? api.clusterKind() : api.kind());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("name", name(namespace, partNo));
            if (!namespace.isEmpty()) {
                meta.put("namespace", namespace);
            }
            meta.put("labels", Map.of(MANAGED_LABEL, MANAGED_VALUE));
            Map<String, Object> ann = new LinkedHashMap<>();
            ann.put(ANN_SCANNED, String.valueOf(report.generatedAt()));
            ann.put(ANN_SCAN_SOURCE, report.source());
            ann.put(ANN_COMPLETE, String.valueOf(report.coverage() == null || report.coverage().complete()));
            if (report.cisBenchmark() != null) {
                ann.put(ANN_CIS_BENCHMARK, report.cisBenchmark());
            }
            ann.put(ANN_CAP, limits.maxResults() + " results or " + limits.maxBytes() / 1024 + " KiB of results per report");
            // the number of parts is known only at the end (streaming): the part number and the scope's total say it
            ann.put(ANN_PART, partNo + " (" + results.size() + " of " + total + " results of "
                    + (namespace.isEmpty() ? "the cluster report" : "namespace " + namespace) + ")");
            meta.put("annotations", ann);
            doc.put("metadata", meta);
            if (api == Api.OPENREPORTS) {
                doc.put("source", SOURCE);
                doc.put("configuration", Map.of("limits", Map.of("maxResults", limits.maxResults())));
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            for (String k : List.of("pass", "fail", "warn", "error", "skip")) {
                summary.put(k, 0);
            }
            for (Map<String, Object> r : results) {
                summary.merge(String.valueOf(r.get("result")), 1, (a, b) -> (Integer) a + (Integer) b);
            }
            doc.put("summary", summary);
            doc.put("results", results);
            return doc;
        }

        private Map<String, Object> findingResult(Finding f, Acceptance a) {
            Map<String, Object> r = base(f.rule());
            if (!f.cis().isEmpty()) {
                r.put("rule", "CIS " + String.join(", ", f.cis())
                        + (report.cisBenchmark() == null ? "" : " (" + report.cisBenchmark() + ")"));
            }
            r.put("result", "fail");
            r.put("scored", true);
            r.put("severity", ReportWriter.sev(f.severity()));
            r.put("category", f.area());
            r.put("message", f.title());
            Map<String, Object> ref = resourceRef(f);
            if (ref != null) {
                r.put("resources", List.of(ref));
            }
            Map<String, String> p = new LinkedHashMap<>();
            p.put("findingId", f.id());
            p.put("area", f.area());
            p.put("object", f.object().display());
            p.put("explanation", f.explanation());
            p.put("remediation", f.remediation());
            if (!f.cis().isEmpty()) {
                p.put("cis", String.join(",", f.cis()));
                if (report.cisBenchmark() != null) {
                    p.put("cisBenchmark", report.cisBenchmark());
                }
            }
            if (f.system()) {
                p.put("system", "true");
            }
            if (f.fix() != null) {
                p.put("fix", f.fix());
            }
            if (a != null) {
                p.put("accepted", a.expired() ? "expired" : "true");
                p.put("acceptedReason", a.entry().reason());
                p.put("acceptedBy", a.entry().by());
                p.put("acceptedUntil", a.entry().expires().toString());
            }
            r.put("properties", p);
            return r;
        }

        private Map<String, Object> gapResult(Coverage.Gap g) {
            Map<String, Object> r = base(GAP_POLICY);
            r.put("result", "error");
            r.put("scored", false);
            r.put("category", "visibility");
            r.put("message", "Could not see " + ReportWriter.gapText(g));
            Map<String, String> p = new LinkedHashMap<>();
            p.put("kind", g.kind());
            p.put("resource", g.resource());
            p.put("namespace", g.namespace().isEmpty() ? "*" : g.namespace());
            p.put("status", String.valueOf(g.status()));
            p.put("reason", g.reason());
            r.put("properties", p);
            return r;
        }

        private Map<String, Object> notEvaluatedResult(Coverage.NotEvaluated n) {
            Map<String, Object> r = base(n.rule());
            r.put("result", "skip");
            r.put("scored", false);
            r.put("category", "visibility");
            r.put("message", n.rule() + " " + n.reason());
            Map<String, String> p = new LinkedHashMap<>();
            p.put("scope", n.partial() ? "partial" : "none");
            p.put("hiddenResources", String.join(",", n.resources()));
            p.put("description", n.description());
            r.put("properties", p);
            return r;
        }

        private Map<String, Object> base(String policy) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("source", SOURCE);
            r.put("policy", policy);
            r.put("timestamp", timestamp);
            return r;
        }
    }

    /** The object of a finding as an object reference; null for cluster-level findings (no object). */
    static Map<String, Object> resourceRef(Finding f) {
        if (f.object().name().isEmpty()) {
            return null;
        }
        Map<String, Object> ref = new LinkedHashMap<>();
        String apiVersion = API_VERSIONS.get(f.object().kind());
        if (apiVersion != null) {
            ref.put("apiVersion", apiVersion);
        }
        ref.put("kind", f.object().kind());
        if (!f.object().namespace().isEmpty()) {
            ref.put("namespace", f.object().namespace());
        }
        ref.put("name", f.object().name());
        return ref;
    }

    /** apiVersion of the kinds findings name (custom kinds at their stored version); others go without. */
    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Secret", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Pod", "v1"),
            Map.entry("ServiceAccount", "v1"), Map.entry("Namespace", "v1"), Map.entry("Node", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("StatefulSet", "apps/v1"), Map.entry("DaemonSet", "apps/v1"),
            Map.entry("ReplicaSet", "apps/v1"), Map.entry("Job", "batch/v1"), Map.entry("CronJob", "batch/v1"),
            Map.entry("Role", "rbac.authorization.k8s.io/v1"), Map.entry("ClusterRole", "rbac.authorization.k8s.io/v1"),
            Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"),
            Map.entry("ClusterRoleBinding", "rbac.authorization.k8s.io/v1"),
            Map.entry("ExternalSecret", "external-secrets.io/v1"), Map.entry("SecretStore", "external-secrets.io/v1"),
            Map.entry("ClusterSecretStore", "external-secrets.io/v1"),
            Map.entry("ClusterExternalSecret", "external-secrets.io/v1"),
            Map.entry("PushSecret", "external-secrets.io/v1alpha1"), Map.entry("SealedSecret", "bitnami.com/v1alpha1"),
            Map.entry("SecretProviderClass", "secrets-store.csi.x-k8s.io/v1"));

    private static long jsonSize(Map<String, Object> result) {
        try {
            return JSON.writeValueAsBytes(result).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
