package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustodian.core.cluster.ApplyingCrudServer;
import dev.kustodian.core.cluster.ClusterConnection;
import dev.kustodian.core.cluster.Fabric8ClusterPort;
import dev.kustodian.core.cluster.TestKubeconfigs;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.port.ClusterCallException;
import dev.kustodian.core.report.PolicyReports;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.scanner.ReportPublisher;
import dev.kustodian.core.util.Cancellation;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kustodian contexts --published}: each context's last in-cluster scan read from the reports the scanner
 * published (against the CRUD mock server with reports published through the real port), a context without reports,
 * and an unreachable one, in the table and in JSON valid against docs/schemas/contexts.schema.json.
 */
class ContextsPublishedTest {
    private static final Instant AT = Instant.parse("2026-12-05T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eachContextSaysWhenTheScannerLastPublishedAndWhatItFound() throws Exception {
        Map<String, String> contexts = new java.util.LinkedHashMap<>();
        for (String name : List.of("scanned", "bare", "gone")) {
            contexts.put(name, "https://a.example:6443");
        }
        Path kubeconfig = TestKubeconfigs.write(dir.resolve("config"), contexts, Map.of());
        try (ApplyingCrudServer server = new ApplyingCrudServer(false); KubernetesClient client = server.client()) {
            server.createCrd(client, "/crds/policy-reports/v1alpha2-wgpolicyk8s.io_policyreports.yaml", "v1alpha2");
            server.createCrd(client, "/crds/policy-reports/v1alpha2-wgpolicyk8s.io_clusterpolicyreports.yaml",
                    "v1alpha2");
            Fabric8ClusterPort port = new Fabric8ClusterPort(client, "scanned", true);
            Report report = Report.of(List.of(
                    Finding.of("RBAC-WILDCARD", "rbac", Severity.CRITICAL, new ObjectRef("ClusterRole", "", "x"),
                            "t", "e", "r", List.of()),
                    Finding.of("SEC-ENV", "secrets", Severity.HIGH, new ObjectRef("Deployment", "shop", "web"),
                            "t", "e", "r", List.of())), "live: in-cluster", AT, List.of())
                    .withCoverage(Coverage.COMPLETE);
            assertThat(ReportPublisher.publish(report, PolicyReports.Api.WGPOLICY, false, PolicyReports.Limits.DEFAULTS,
                    port, new Cancellation()).ok()).isTrue();

            java.util.function.Function<String, ClusterConnection> connector = name -> switch (name) {
                case "scanned" -> ClusterConnection.of(port, () -> { });
                case "bare" -> ClusterConnection.of(new dev.kustodian.core.port.FakeClusterPort(name), () -> { });
                default -> throw new ClusterCallException(0, "", null);
            };
            java.util.function.Consumer<CommandLine> published = cl ->
                    ((ContextsCommand) cl.getSubcommands().get("contexts").getCommand()).connector = connector;
            CliRun json = CliRun.run(published, "contexts", "--kubeconfig", kubeconfig.toString(), "--published",
                    "-o", "json");
            assertThat(json.code()).as(json.err()).isZero();
            JsonNode root = JsonSchemas.assertValid("contexts", json.out());
            JsonNode scanned = root.path("contexts").get(0).path("inClusterScan");
            assertThat(scanned.path("status").asText()).isEqualTo("found");
            assertThat(scanned.path("last").path("scannedAt").asText()).isEqualTo(AT.toString());
            assertThat(scanned.path("last").path("findings").asInt()).isEqualTo(2);
            assertThat(scanned.path("last").path("bySeverity").path("critical").asInt()).isEqualTo(1);
            assertThat(scanned.path("last").path("reports").asInt()).isEqualTo(2);
            assertThat(root.path("contexts").get(1).path("inClusterScan").path("status").asText()).isEqualTo("none");
            assertThat(root.path("contexts").get(2).path("inClusterScan").path("status").asText())
                    .isEqualTo("unreachable");

            CliRun table = CliRun.run(published, "contexts", "--kubeconfig", kubeconfig.toString(), "--published");
            assertThat(table.code()).isZero();
            assertThat(table.out()).contains("LAST IN-CLUSTER SCAN", "2026-12-05T06:00:00Z",
                    "2 finding(s) (1 critical, 1 high)", "none published", "unreachable");
        }
    }
}
