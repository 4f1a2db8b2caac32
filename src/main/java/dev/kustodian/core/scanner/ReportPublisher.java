package dev.kustodian.core.scanner;

import dev.kustodian.core.port.ClusterCallException;
import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.core.report.PolicyReports;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scan --publish}: a scan's report written into the scanned cluster as policy reports through the
 * {@link ClusterPort} (server-side apply, field manager {@code kustodian}): one PolicyReport per namespace + one
 * ClusterPolicyReport ({@code wgpolicyk8s.io/v1alpha2}), or OpenReports Report/ClusterReport
 * ({@code openreports.io/v1alpha1}); the reports an earlier run published and this one does not produce are deleted
 * (found by the {@value PolicyReports#SELECTOR} label), so each run replaces the last. Reports are cut at
 * {@link PolicyReports.Limits} (well under etcd's ~1.5 MiB per object), which each report states.
 */
public final class ReportPublisher {

    private ReportPublisher() {
    }

    /** What one publication did. */
    public record Outcome(PolicyReports.Api api, List<ClusterPort.ApplyOutcome> applied,
                          List<ClusterPort.ApplyOutcome> deleted, int results, List<String> notes) {
        public Outcome {
            applied = List.copyOf(applied);
            deleted = List.copyOf(deleted);
            notes = List.copyOf(notes);
        }

        /** The objects that could not be applied or deleted (each names the object and the server's reason). */
        public List<ClusterPort.ApplyOutcome> failures() {
            List<ClusterPort.ApplyOutcome> out = new ArrayList<>();
            applied.stream().filter(o -> !o.ok()).forEach(out::add);
            deleted.stream().filter(o -> !o.ok()).forEach(out::add);
            return out;
        }

        public boolean ok() {
            return failures().isEmpty();
        }
    }

    /** The two kinds of an API, as the port addresses them. */
    public static List<ClusterPort.KindRef> kinds(PolicyReports.Api api) {
        return api.kinds();
    }

    /**
     * The API to publish with: {@code requested}, or (null: auto) OpenReports when the cluster serves
     * {@code openreports.io/v1alpha1}, else {@code wgpolicyk8s.io/v1alpha2}. A format whose CRDs are not installed is
     * a failure naming them (nothing can be published).
     */
    public static PolicyReports.Api choose(PolicyReports.Api requested, ClusterPort port) {
        if (requested != null) {
            if (!serves(port, requested)) {
                throw new UserFacingException(UserFacingException.Category.FAILED, "The cluster does not serve "
                        + requested.apiVersion() + " (" + requested.kind() + "/" + requested.clusterKind() + "): "
                        + "install its CRDs (" + crdHint(requested) + "), or use --report-format auto.");
            }
            return requested;
        }
        if (serves(port, PolicyReports.Api.OPENREPORTS)) {
            return PolicyReports.Api.OPENREPORTS;
        }
        if (serves(port, PolicyReports.Api.WGPOLICY)) {
            return PolicyReports.Api.WGPOLICY;
        }
        throw new UserFacingException(UserFacingException.Category.FAILED, "The cluster serves neither "
                + PolicyReports.Api.OPENREPORTS.apiVersion() + " nor " + PolicyReports.Api.WGPOLICY.apiVersion()
                + ", so there is nowhere to publish: install the OpenReports CRDs (" + crdHint(PolicyReports.Api.OPENREPORTS)
                + ") or the PolicyReport CRDs (" + crdHint(PolicyReports.Api.WGPOLICY) + ").");
    }

    private static String crdHint(PolicyReports.Api api) {
        return api == PolicyReports.Api.OPENREPORTS ? "github.com/openreports/reports-api, config/crd"
                : "github.com/kubernetes-sigs/wg-policy-prototypes, policy-report/crd/v1alpha2; Kyverno installs them";
    }

    private static boolean serves(ClusterPort port, PolicyReports.Api api) {
        try {
            return port.serves(api.apiVersion());
        } catch (ClusterCallException e) {
            throw callFailure(e, "asking whether it serves " + api.apiVersion());
        }
    }

    /**
     * Publishes {@code report} with {@code api}. With {@code auto} (the format was chosen by discovery), Kustodian's
     * reports of the other API are deleted too (a cluster that gained the OpenReports CRDs keeps no stale
     * PolicyReports); with an explicit format the other API is not touched (the scanner's role may not reach it).
     */
    public static Outcome publish(Report report, PolicyReports.Api api, boolean auto, PolicyReports.Limits limits,
                                  ClusterPort port, Cancellation cancel) {
        List<Map<String, Object>> docs = PolicyReports.documents(report, api, limits);
        int results = 0;
        for (Map<String, Object> d : docs) {
            results += d.get("results") instanceof List<?> l ? l.size() : 0;
        }
        ClusterPort.Published published;
        try {
            published = port.publish(docs, kinds(api), PolicyReports.SELECTOR, cancel);
        } catch (ClusterCallException e) {
            throw callFailure(e, "publishing " + api.kind() + "s");
        }
        List<ClusterPort.ApplyOutcome> deleted = new ArrayList<>(published.deleted());
        List<String> notes = new ArrayList<>();
        PolicyReports.Api other = api == PolicyReports.Api.WGPOLICY ? PolicyReports.Api.OPENREPORTS
                : PolicyReports.Api.WGPOLICY;
        if (auto) {
            try {
                if (port.serves(other.apiVersion())) {
                    deleted.addAll(port.publish(List.of(), kinds(other), PolicyReports.SELECTOR, cancel).deleted());
                }
            } catch (ClusterCallException e) {
                notes.add("Kustodian's earlier " + other.kind() + "s could not be looked for (HTTP " + e.code()
                        + "); delete them by hand if there are any: kubectl delete "
                        + String.join(",", other.resources()) + " -A -l "
                        + PolicyReports.SELECTOR);
            }
        }
        return new Outcome(api, published.applied(), deleted, results, notes);
    }

    /** A failed call while publishing as a sentence: unreachable (exit 3), forbidden (what to grant), else failed. */
    static UserFacingException callFailure(ClusterCallException e, String doing) {
        return switch (e.code()) {
            case 0 -> new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "The API server "
                    + "could not be reached while " + doing + ": check that it is running and reachable, then retry.");
            case 401 -> new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "The API server "
                    + "rejected the credentials (401) while " + doing + ": the token expired or was revoked.");
            case 403 -> new UserFacingException(UserFacingException.Category.FAILED, "Forbidden (403) while " + doing
                    + ": the identity needs get/list/create/patch/delete on Kustodian's report kinds (the ClusterRole "
                    + "of kustodian generate scanner grants exactly that).");
            default -> new UserFacingException(UserFacingException.Category.FAILED, "The API server answered HTTP "
                    + e.code() + (e.reason().isEmpty() ? "" : " " + e.reason()) + " while " + doing + "; retry.");
        };
    }
}
