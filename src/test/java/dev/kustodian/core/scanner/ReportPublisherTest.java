package dev.kustodian.core.scanner;

import dev.kustodian.core.cluster.ApplyingCrudServer;
import dev.kustodian.core.cluster.Fabric8ClusterPort;
import dev.kustodian.core.externalsecrets.SchemaValidator;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.core.port.FakeClusterPort;
import dev.kustodian.core.report.PolicyReports;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Publishing through the port: reports split at the limits and each part valid against the bundled CRD schema,
 * parts a later, smaller run no longer produces deleted, the API chosen by discovery, failures as sentences.
 */
class ReportPublisherTest {
    private static final Instant AT = Instant.parse("2026-12-05T07:00:00Z");

    private static Report report(int findings) {
        List<Finding> list = new ArrayList<>();
        for (int i = 0; i < findings; i++) {
            list.add(Finding.of("SEC-ENV", "secrets", Severity.MEDIUM, new ObjectRef("Deployment", "big", "app-" + i),
                    "Secret exposed through env var", "e".repeat(200), "Mount it as a file.", List.of("5.4.1")));
        }
        return Report.of(list, "in-cluster", AT, List.of()).withCoverage(Coverage.COMPLETE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void largeReportsAreSplitAndTheNextSmallerRunDeletesTheExtraParts() {
        try (ApplyingCrudServer server = new ApplyingCrudServer(false); KubernetesClient client = server.client()) {
            server.createCrd(client, "/crds/policy-reports/openreports.io_reports.yaml");
            server.createCrd(client, "/crds/policy-reports/openreports.io_clusterreports.yaml");
            ClusterPort port = new Fabric8ClusterPort(client, "test", true);
            PolicyReports.Limits limits = new PolicyReports.Limits(4, 64 * 1024);

            ReportPublisher.Outcome first = ReportPublisher.publish(report(10), PolicyReports.Api.OPENREPORTS, false,
                    limits, port, new Cancellation());
            assertThat(first.ok()).as(first.failures().toString()).isTrue();
            assertThat(first.results()).isEqualTo(10);
            assertThat(first.applied()).extracting(ClusterPort.ApplyOutcome::object).containsExactly(
                    "ClusterReport/kustodian-cluster", "Report/big/kustodian-big", "Report/big/kustodian-big-2",
                    "Report/big/kustodian-big-3");
            var stored = port.listLabelled(ReportPublisher.kinds(PolicyReports.Api.OPENREPORTS).get(0),
                    PolicyReports.SELECTOR);
            assertThat(stored).hasSize(3).allSatisfy(r -> {
                assertThat(SchemaValidator.get().validate(r)).isEmpty();
                assertThat(((List<Object>) r.get("results")).size()).isLessThanOrEqualTo(4);
                assertThat(((Map<String, Object>) r.get("configuration"))).isEqualTo(
                        Map.of("limits", Map.of("maxResults", 4)));
                assertThat(((Map<String, Map<String, String>>) r.get("metadata")).get("annotations"))
                        .containsEntry("kustodian.dev/results-cap", "4 results or 64 KiB of results per report");
            });

            ReportPublisher.Outcome second = ReportPublisher.publish(report(3), PolicyReports.Api.OPENREPORTS, false,
                    limits, port, new Cancellation());
            assertThat(second.ok()).isTrue();
            assertThat(second.deleted()).extracting(ClusterPort.ApplyOutcome::object)
                    .containsExactlyInAnyOrder("Report/big/kustodian-big-2", "Report/big/kustodian-big-3");
            var left = port.listLabelled(ReportPublisher.kinds(PolicyReports.Api.OPENREPORTS).get(0),
                    PolicyReports.SELECTOR);
            assertThat(left).singleElement().satisfies(r -> assertThat((List<Object>) r.get("results")).hasSize(3));
        }
    }

    @Test
    void autoPrefersOpenReportsThenPolicyReportsAndNamesTheMissingCrds() {
        assertThat(ReportPublisher.choose(null, new FakeClusterPort("c").serving("wgpolicyk8s.io/v1alpha2",
                "openreports.io/v1alpha1"))).isEqualTo(PolicyReports.Api.OPENREPORTS);
        assertThat(ReportPublisher.choose(null, new FakeClusterPort("c").serving("wgpolicyk8s.io/v1alpha2")))
                .isEqualTo(PolicyReports.Api.WGPOLICY);
        assertThat(ReportPublisher.choose(PolicyReports.Api.WGPOLICY, new FakeClusterPort("c").serving(
                "wgpolicyk8s.io/v1alpha2", "openreports.io/v1alpha1"))).isEqualTo(PolicyReports.Api.WGPOLICY);
        UserFacingException none = catchThrowableOfType(UserFacingException.class,
                () -> ReportPublisher.choose(null, new FakeClusterPort("c")));
        assertThat(none.getMessage()).contains("serves neither openreports.io/v1alpha1 nor wgpolicyk8s.io/v1alpha2");
    }

    @Test
    void aForbiddenListIsASentenceNamingTheGrant() {
        FakeClusterPort port = new FakeClusterPort("c").serving("wgpolicyk8s.io/v1alpha2").failingLists(403);
        UserFacingException e = catchThrowableOfType(UserFacingException.class, () -> ReportPublisher.publish(
                report(1), PolicyReports.Api.WGPOLICY, false, PolicyReports.Limits.DEFAULTS, port, new Cancellation()));
        assertThat(e.category()).isEqualTo(UserFacingException.Category.FAILED);
        assertThat(e.getMessage()).contains("Forbidden (403)", "get/list/create/patch/delete");
    }
}
