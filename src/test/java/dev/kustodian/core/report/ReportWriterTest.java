package dev.kustodian.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {

    static Report sample() {
        Finding env = Finding.of("SEC-ENV", "secrets", Severity.MEDIUM, new ObjectRef("Deployment", "shop", "web"),
                "Deployment/shop/web reads secret db through environment variables", "Containers <app> get key pw.",
                "Mount it as a file.", List.of("5.4.1")).withIdSuffix("db");
        Finding list = Finding.of("RBAC-SECRETS-LIST", "rbac", Severity.HIGH, new ObjectRef("Group", "", "devs|ops"),
                "Group/devs can list secrets", "Reads everything & more.", "Use resourceNames.", List.of("5.1.2"))
                .withFix("role");
        Finding sys = Finding.of("SEC-SA-TOKEN-LEGACY", "secrets", Severity.MEDIUM,
                new ObjectRef("Secret", "kube-system", "old-token"), "Long-lived token", "Never expires.",
                "Delete it.", List.of()).asSystem();
        Finding cluster = Finding.of("SEC-NO-EXTERNAL-STORE", "secrets", Severity.LOW, ObjectRef.cluster(),
                "No external secret manager is installed", "None found.", "Install ESO.", List.of("5.4.2"));
        return new Report(List.of(list, env, sys, cluster), "snapshot: test", Instant.parse("2026-06-01T12:00:00Z"),
                Map.of("SEC-ENV", "Secrets consumed through environment variables."));
    }

    @Test
    void formatsParseByIdOrExtension() {
        assertThat(ReportFormat.parse("SARIF")).isEqualTo(ReportFormat.SARIF);
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
        assertThatThrownBy(() -> ReportFormat.parse("pdf")).hasMessageContaining("table, json, sarif, markdown, html");
    }

    @Test
    void tableListsEveryFindingAndTheSummary() {
        String t = ReportWriter.toString(sample(), ReportFormat.TABLE);
        assertThat(t.lines().findFirst().orElseThrow()).startsWith("SEVERITY").contains("RULE", "OBJECT", "TITLE");
        assertThat(t).contains("RBAC-SECRETS-LIST", "Deployment/shop/web", "Medium (system)", "Cluster")
                .contains("4 finding(s): 0 critical, 1 high, 2 medium, 1 low, 0 info (1 expected system findings)");
        assertThat(ReportWriter.toString(new Report(List.of(), "x", Instant.EPOCH, null), ReportFormat.TABLE))
                .startsWith("No findings.");
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JsonNode n = new ObjectMapper().readTree(ReportWriter.toString(sample(), ReportFormat.JSON));
        JsonNode f = n.get("findings").get(1);
        assertThat(f.get("id").asText()).isEqualTo("SEC-ENV:Deployment/shop/web:db");
        assertThat(f.get("rule").asText()).isEqualTo("SEC-ENV");
        assertThat(f.get("severity").asText()).isEqualTo("medium");
        assertThat(f.get("object").get("kind").asText()).isEqualTo("Deployment");
        assertThat(f.get("object").get("namespace").asText()).isEqualTo("shop");
        assertThat(f.get("object").get("name").asText()).isEqualTo("web");
        assertThat(f.get("cis").get(0).asText()).isEqualTo("5.4.1");
        assertThat(f.get("remediation").asText()).isEqualTo("Mount it as a file.");
        assertThat(n.get("findings").get(0).get("fix").asText()).isEqualTo("role");
        JsonNode s = n.get("summary");
        assertThat(s.get("total").asInt()).isEqualTo(4);
        assertThat(s.get("bySeverity").get("medium").asInt()).isEqualTo(2);
        assertThat(s.get("byArea").get("secrets").asInt()).isEqualTo(3);
        assertThat(s.get("source").asText()).isEqualTo("snapshot: test");
        assertThat(s.get("generatedAt").asText()).isEqualTo("2026-06-01T12:00:00Z");
    }

    @Test
    void sarifIsValid210WithRulesResultsAndLogicalLocations() throws Exception {
        JsonNode n = new ObjectMapper().readTree(ReportWriter.toString(sample(), ReportFormat.SARIF));
        assertThat(n.get("version").asText()).isEqualTo("2.1.0");
        assertThat(n.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = n.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("Kustodian");
        assertThat(rules).hasSize(4);
        JsonNode results = run.get("results");
        assertThat(results).hasSize(4);
        for (JsonNode r : results) {
            int idx = r.get("ruleIndex").asInt();
            assertThat(rules.get(idx).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.get("level").asText()).isIn("error", "warning", "note");
            assertThat(r.get("message").get("text").asText()).isNotBlank();
            JsonNode loc = r.get("locations").get(0);
            assertThat(loc.get("logicalLocations").get(0).get("fullyQualifiedName").asText()).isNotBlank();
            assertThat(loc.get("physicalLocation").get("artifactLocation").get("uri").asText())
                    .doesNotContain(" ", "|");
            assertThat(r.get("partialFingerprints").get("kustodianFindingId/v1").asText()).isNotBlank();
        }
        JsonNode high = results.get(0);
        assertThat(high.get("level").asText()).isEqualTo("error");
        assertThat(high.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("Group/devs%7Cops");
        JsonNode envRule = rules.findParents("id").stream().filter(r -> r.get("id").asText().equals("SEC-ENV"))
                .findFirst().orElseThrow();
        assertThat(envRule.get("shortDescription").get("text").asText())
                .isEqualTo("Secrets consumed through environment variables.");
        assertThat(envRule.get("properties").get("security-severity").asText()).isEqualTo("5.5");
    }

    @Test
    void markdownEscapesAndGroupsByArea() {
        String md = ReportWriter.toString(sample(), ReportFormat.MARKDOWN);
        assertThat(md).startsWith("# Kustodian report").contains("## rbac", "## secrets")
                .contains("devs\\|ops").contains("&lt;app>").contains("CIS 5.4.1");
        assertThat(md.indexOf("## rbac")).isLessThan(md.indexOf("## secrets"));
    }

    @Test
    void htmlIsStandaloneEscapedWithWordChipsAndCollapsedSystemFindings() {
        String h = ReportWriter.toString(sample(), ReportFormat.HTML);
        assertThat(h).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script", "<link ");
        assertThat(h).contains("<span class=\"chip high\">High</span>", "<span class=\"chip medium\">Medium</span>");
        assertThat(h).contains("&lt;app&gt;").contains("everything &amp; more").doesNotContain("<app>");
        int details = h.indexOf("<details>");
        assertThat(details).isPositive();
        assertThat(h.indexOf("old-token")).isGreaterThan(details);
        assertThat(h.indexOf("Deployment/shop/web")).isLessThan(details);
    }

    /** The SARIF object URI's shortcut for plain names is taken only where URLEncoder would change nothing. */
    @Test
    void plainUriPartsAreWhatUrlEncoderLeavesAsTheyAre() {
        for (int c = 0; c < 0x300; c++) {
            String s = "a" + (char) c + "Z9";
            boolean unchanged = java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).equals(s);
            if (SarifReport.plain(s)) {
                assertThat(unchanged).as("char %d", c).isTrue();
            }
        }
        assertThat(SarifReport.plain("kube-system.db_1-Secret")).isTrue();
        assertThat(SarifReport.plain("a b")).isFalse();
        assertThat(SarifReport.plain("a*b")).isFalse();
    }
}
