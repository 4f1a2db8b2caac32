package dev.kustodian.core.report;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.externalsecrets.SchemaValidator;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.secrets.ScanBenchmark;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan -o policyreport|openreports}: every emitted object is valid against the bundled CRD schema of its
 * kind (unknown fields rejected, as the API server would prune them), the YAML stream reads back as the same
 * objects, large reports are split under the limits, visibility gaps are error/skip results, and no secret value of
 * the demo cluster appears anywhere.
 */
class PolicyReportsTest {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private static List<Finding> demo;
    private static Report demoReport;

    @BeforeAll
    static void load() {
        try (ClusterSession s = ClusterLoader.open(SourceSpec.demo(), Progress.NONE, new Cancellation())) {
            demo = Analysis.of(s.snapshot(), Clock.fixed(AT, ZoneOffset.UTC)).findings();
        }
        Coverage gaps = new Coverage(List.of(
                new Coverage.Gap("Secret", "secrets", "", 403, "not visible: needs list on secrets"),
                new Coverage.Gap("ConfigMap", "configmaps", "shop", 403, "not visible: needs list on configmaps")),
                List.of(new Coverage.NotEvaluated("SEC-UNUSED", "Unused secrets", false, List.of("secrets"),
                        "not evaluated: secrets could not be listed (see the visibility gaps)")));
        demoReport = Report.of(demo, "the demo cluster", AT, Analysis.allRules()).withCoverage(gaps);
    }

    @SuppressWarnings("unchecked")
    private static void assertValid(List<Map<String, Object>> docs) {
        for (Map<String, Object> d : docs) {
            var problems = SchemaValidator.get().validate(d);
            assertThat(problems).as("schema problems of " + ((Map<String, Object>) d.get("metadata")).get("name"))
                    .isEmpty();
            Map<String, Object> meta = (Map<String, Object>) d.get("metadata");
            assertThat((String) meta.get("name")).matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
            assertThat((Map<String, Object>) meta.get("labels")).containsEntry("app.kubernetes.io/managed-by",
                    "kustodian");
            for (Map<String, Object> r : (List<Map<String, Object>>) d.get("results")) {
                assertThat(r).containsEntry("source", "kustodian").containsKeys("policy", "result", "timestamp");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PolicyReports.Api.class)
    @SuppressWarnings("unchecked")
    void demoReportsAreValidAgainstTheBundledCrds(PolicyReports.Api api) {
        List<Map<String, Object>> docs = PolicyReports.documents(demoReport, api, PolicyReports.Limits.DEFAULTS);
        assertValid(docs);
        assertThat(docs.get(0)).containsEntry("kind", api.clusterKind()).containsEntry("apiVersion", api.apiVersion());
        assertThat(docs.subList(1, docs.size())).allSatisfy(d -> assertThat(d).containsEntry("kind", api.kind()));
        // every finding is one fail result, in its namespace's report or the cluster report
        List<Map<String, Object>> results = new ArrayList<>();
        docs.forEach(d -> results.addAll((List<Map<String, Object>>) d.get("results")));
        assertThat(results.stream().filter(r -> "fail".equals(r.get("result")))).hasSize(demo.size());
        Finding secretFinding = demo.stream().filter(f -> f.object().kind().equals("Secret")
                && !f.cis().isEmpty()).findFirst().orElseThrow();
        Map<String, Object> nsReport = docs.stream().filter(d -> secretFinding.object().namespace()
                .equals(((Map<String, Object>) d.get("metadata")).get("namespace"))).findFirst().orElseThrow();
        Map<String, Object> r = ((List<Map<String, Object>>) nsReport.get("results")).stream()
                .filter(x -> ((Map<String, String>) x.get("properties")).get("findingId").equals(secretFinding.id()))
                .findFirst().orElseThrow();
        assertThat(r).containsEntry("policy", secretFinding.rule()).containsEntry("result", "fail")
                .containsEntry("severity", secretFinding.severity().name().toLowerCase())
                .containsEntry("rule", "CIS " + String.join(", ", secretFinding.cis()))
                .containsEntry("category", secretFinding.area()).containsEntry("message", secretFinding.title());
        assertThat((Map<String, Object>) r.get("timestamp")).containsEntry("seconds", AT.getEpochSecond());
        assertThat((List<Map<String, Object>>) r.get("resources")).containsExactly(Map.of("apiVersion", "v1",
                "kind", "Secret", "namespace", secretFinding.object().namespace(), "name",
                secretFinding.object().name()));
        assertThat((Map<String, String>) r.get("properties")).containsEntry("remediation", secretFinding.remediation())
                .containsEntry("area", secretFinding.area());
        // summary counts match the results
        for (Map<String, Object> d : docs) {
            Map<String, Object> summary = (Map<String, Object>) d.get("summary");
            List<Map<String, Object>> rs = (List<Map<String, Object>>) d.get("results");
            assertThat(summary.get("fail")).isEqualTo((int) rs.stream().filter(x -> "fail".equals(x.get("result"))).count());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void visibilityGapsAreErrorAndSkipResultsNeverASilentPass() {
        List<Map<String, Object>> docs = PolicyReports.documents(demoReport, PolicyReports.Api.WGPOLICY,
                PolicyReports.Limits.DEFAULTS);
        Map<String, Object> cluster = docs.get(0);
        List<Map<String, Object>> results = (List<Map<String, Object>>) cluster.get("results");
        assertThat(results).anySatisfy(r -> assertThat(r).containsEntry("policy", "KUSTODIAN-VISIBILITY")
                .containsEntry("result", "error").extractingByKey("message").asString().contains("Secret")
                .contains("403"));
        assertThat(results).anySatisfy(r -> assertThat(r).containsEntry("policy", "SEC-UNUSED")
                .containsEntry("result", "skip").extractingByKey("message").asString().contains("not evaluated"));
        assertThat((Map<String, Object>) cluster.get("summary")).containsEntry("error", 1).containsEntry("skip", 1);
        assertThat(((Map<String, Map<String, String>>) cluster.get("metadata")).get("annotations"))
                .containsEntry("kustodian.dev/scan-complete", "false");
        Map<String, Object> shop = docs.stream().filter(d -> "kustodian-shop".equals(
                ((Map<String, Object>) d.get("metadata")).get("name"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) shop.get("summary")).containsEntry("error", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void emptyScanStillWritesTheClusterReport() {
        Report empty = new Report(List.of(), "x", AT, null).withCoverage(Coverage.COMPLETE);
        List<Map<String, Object>> docs = PolicyReports.documents(empty, PolicyReports.Api.OPENREPORTS,
                PolicyReports.Limits.DEFAULTS);
        assertThat(docs).hasSize(1);
        assertValid(docs);
        assertThat((List<Object>) docs.get(0).get("results")).isEmpty();
        assertThat(docs.get(0)).containsEntry("source", "kustodian");
        String yaml = ReportWriter.toString(empty, ReportFormat.OPENREPORTS);
        assertThat(YamlReader.read(yaml, "t").get(0).value()).isEqualTo(docs.get(0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void largeReportsAreSplitUnderTheLimits() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            many.add(Finding.of("SEC-ENV", "secrets", Severity.MEDIUM, new ObjectRef("Deployment", "big", "app-" + i),
                    "Secret exposed through env var", "x".repeat(300), "Mount it as a file.", List.of("5.4.1")));
        }
        many.add(Finding.of("RBAC-SECRETS-LIST", "rbac", Severity.HIGH, new ObjectRef("ClusterRole", "", "r"),
                "t", "e", "r", List.of()));
        Report r = Report.of(many, "big", AT, List.of());
        List<Map<String, Object>> docs = PolicyReports.documents(r, PolicyReports.Api.WGPOLICY,
                new PolicyReports.Limits(500, 200 * 1024));
        assertValid(docs);
        List<Map<String, Object>> big = docs.stream().filter(d -> "big".equals(
                ((Map<String, Object>) d.get("metadata")).get("namespace"))).toList();
        assertThat(big.size()).isGreaterThanOrEqualTo(3);
        assertThat(big.stream().map(d -> ((Map<String, Object>) d.get("metadata")).get("name")).toList())
                .startsWith("kustodian-big", "kustodian-big-2", "kustodian-big-3");
        int total = 0;
        for (Map<String, Object> d : big) {
            List<Object> rs = (List<Object>) d.get("results");
            assertThat(rs.size()).isLessThanOrEqualTo(500);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(d).toString().length())
                    .isLessThan(210 * 1024);
            assertThat(((Map<String, Map<String, String>>) d.get("metadata")).get("annotations"))
                    .containsKeys("kustodian.dev/results-cap", "kustodian.dev/part");
            total += rs.size();
        }
        assertThat(total).isEqualTo(1_234);
        // default limits: a 1,234-result namespace is split by count, every report well under etcd's 1.5 MiB
        List<Map<String, Object>> byDefault = PolicyReports.documents(r, PolicyReports.Api.OPENREPORTS,
                PolicyReports.Limits.DEFAULTS);
        assertValid(byDefault);
        for (Map<String, Object> d : byDefault) {
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(d).toString().length())
                    .isLessThan(1024 * 1024);
        }
        assertThat(byDefault).hasSize(1 + 3);
        assertThat(((Map<String, Object>) byDefault.get(1).get("configuration"))).isEqualTo(
                Map.of("limits", Map.of("maxResults", 500)));
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"POLICYREPORT", "OPENREPORTS"})
    void yamlStreamReadsBackAsTheSameValidObjectsAndHoldsNoSecretValue(ReportFormat format) throws Exception {
        String yaml = ReportWriter.toString(demoReport, format);
        List<YamlDocument> read = YamlReader.read(yaml, "scan -o " + format.id());
        List<Map<String, Object>> docs = PolicyReports.documents(demoReport, format.policyApi(),
                PolicyReports.Limits.DEFAULTS);
        assertThat(read).hasSize(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            // YAML reads small integers as Integer and the timestamp seconds as Long: compare as JSON trees
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            String back = mapper.writeValueAsString(read.get(i).value());
            String built = mapper.writeValueAsString(docs.get(i));
            assertThat(back.equals(built)).as("document " + i + " reads back as built").isTrue();
        }
        for (String value : demoSecretValues()) {
            assertThat(yaml).as("a demo secret value").doesNotContain(value);
        }
    }

    @Test
    void writesStreamPerResult() throws Exception {
        Report r = Report.of(Analysis.of(ScanBenchmark.synthetic(5, 400, 60), Clock.fixed(AT, ZoneOffset.UTC))
                .findings(), "synthetic", AT, List.of());
        int[] largest = {0};
        ReportWriter.write(r, ReportFormat.POLICYREPORT, new java.io.Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                largest[0] = Math.max(largest[0], len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        assertThat(largest[0]).isGreaterThan(0).isLessThan(16_384);
    }

    /** The decoded values (6+ characters) of every Secret of the demo cluster's files. */
    @SuppressWarnings("unchecked")
    static Set<String> demoSecretValues() throws Exception {
        Set<String> values = new HashSet<>();
        try (var files = Files.list(Path.of("resources/demo"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (YamlDocument d : YamlReader.read(f)) {
                    if (d.value() instanceof Map<?, ?> m && "Secret".equals(m.get("kind"))) {
                        if (m.get("data") instanceof Map<?, ?> data) {
                            data.values().forEach(v -> values.add(new String(Base64.getDecoder()
                                    .decode(String.valueOf(v)), StandardCharsets.UTF_8)));
                        }
                        if (m.get("stringData") instanceof Map<?, ?> sd) {
                            sd.values().forEach(v -> values.add(String.valueOf(v)));
                        }
                    }
                }
            }
        }
        // short lower-case words (user names such as "payments") are also namespace and object names: not values
        values.removeIf(v -> v.strip().length() < 6 || v.matches("[a-z0-9.-]{1,20}"));
        assertThat(values).hasSizeGreaterThan(5);
        return values;
    }
}
