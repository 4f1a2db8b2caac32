package dev.kustodian.ui.fleet;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.KubeContexts;
import dev.kustodian.ui.framework.TestSnapshots;

import java.util.ArrayList;
import java.util.List;

/**
 * Kubeconfig contexts for the Fleet page's test and screenshot: "prod-eu" (production, the demo-like cluster),
 * "staging" and "dev" (the same), "lab-offline" (its API server refuses the connection, as the loader says it).
 */
final class FleetFixture implements KubeContexts {
    static final String UNREACHABLE = "lab-offline";
    final List<String> opened = new ArrayList<>();
    final List<String> loaded = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public List<Entry> list() {
        return List.of(new Entry("prod-eu", "https://prod-eu.k8s.example.com:6443", false, true),
                new Entry("staging", "https://staging.k8s.example.com:6443", true, false),
                new Entry(UNREACHABLE, "https://10.20.0.5:6443", false, false),
                new Entry("dev", "https://127.0.0.1:6443", false, false));
    }

    @Override
    public void open(String context) {
        opened.add(context);
    }

    @Override
    public ClusterSession load(String context, Progress progress, Cancellation cancel) {
        loaded.add(context);
        if (UNREACHABLE.equals(context)) {
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "The API server "
                    + "https://10.20.0.5:6443 of context \"" + UNREACHABLE + "\" refused the connection or could not be "
                    + "reached. Check that the cluster is running and reachable (VPN, proxy, firewall), then retry.",
                    true, null);
        }
        return TestSnapshots.session(SourceSpec.live(null, context));
    }

    /** When the in-cluster scanner of prod-eu last published. */
    static final java.time.Instant PUBLISHED_AT = java.time.Instant.parse("2026-12-04T12:00:00Z");
    final List<String> connected = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * prod-eu: the scanner published PolicyReports (1 critical, 2 high); staging: no report CRDs; lab-offline:
     * unreachable; dev: the identity may not list the reports.
     */
    @Override
    public dev.kustodian.core.cluster.ClusterConnection connect(String context) {
        connected.add(context);
        dev.kustodian.core.port.FakeClusterPort port = new dev.kustodian.core.port.FakeClusterPort(context);
        switch (context) {
            case "prod-eu" -> {
                port.serving("wgpolicyk8s.io/v1alpha2");
                List<dev.kustodian.core.findings.Finding> findings = List.of(
                        finding("RBAC-WILDCARD", "rbac", dev.kustodian.core.findings.Severity.CRITICAL, "admin"),
                        finding("SEC-ENV", "secrets", dev.kustodian.core.findings.Severity.HIGH, "web"),
                        finding("SEC-ENV", "secrets", dev.kustodian.core.findings.Severity.HIGH, "api"));
                dev.kustodian.core.report.PolicyReports.documents(dev.kustodian.core.report.Report.of(findings,
                        "live: in-cluster", PUBLISHED_AT, List.of()).withCoverage(
                        dev.kustodian.core.findings.Coverage.COMPLETE), dev.kustodian.core.report.PolicyReports.Api.WGPOLICY,
                        dev.kustodian.core.report.PolicyReports.Limits.DEFAULTS).forEach(port::object);
            }
            case "dev" -> port.serving("wgpolicyk8s.io/v1alpha2").failingLists(403);
            case UNREACHABLE -> throw new dev.kustodian.core.port.ClusterCallException(0, "", null);
            default -> { }
        }
        return dev.kustodian.core.cluster.ClusterConnection.of(port, () -> { });
    }

    private static dev.kustodian.core.findings.Finding finding(String rule, String area,
                                                               dev.kustodian.core.findings.Severity s, String name) {
        return dev.kustodian.core.findings.Finding.of(rule, area, s, new dev.kustodian.core.findings.ObjectRef(
                "Deployment", "shop", name), "t", "e", "r", List.of());
    }
}
