package dev.kustodian.core.findings;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CrdInfo;
import dev.kustodian.core.model.VisibilityGap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a scan could not see and which rules that blinded: the snapshot's visibility gaps (403, 404, failures),
 * each with the kind it names, and every rule that reads a hidden resource, "not evaluated" (hidden everywhere) or
 * "partly evaluated" (hidden in some namespaces). A scan is complete when no rule was blinded; an incomplete scan
 * is exit code 5 unless the user allows partial results.
 */
public record Coverage(List<Gap> gaps, List<NotEvaluated> notEvaluated) {

    /** Resources of workloads (the pods and the controllers that template them). */
    public static final Set<String> WORKLOADS = Set.of("pods", "deployments", "statefulsets", "daemonsets",
            "replicasets", "jobs", "cronjobs");
    /** Resources of RBAC. */
    public static final Set<String> RBAC = Set.of("roles", "clusterroles", "rolebindings", "clusterrolebindings");
    /** Custom resources of external secret stores (ESO, Sealed Secrets, CSI, Akeyless). */
    public static final Set<String> STORE_OBJECTS = Set.of("externalsecrets", "clusterexternalsecrets",
            "secretstores", "clustersecretstores", "pushsecrets", "sealedsecrets", "secretproviderclasses",
            "customresourcedefinitions");
    /**
     * The values of secrets (type, key names, sizes, TLS dates, fingerprints, registry hosts): a pseudo-resource a
     * rule reads when it needs them; {@code --secrets metadata} makes it a gap of every scan.
     */
    public static final String SECRET_VALUES = "secret-values";
    /** How a rule blinded only by {@code --secrets metadata} is reported. */
    public static final String METADATA_ONLY = "not evaluated: metadata-only";
    /** A rule that does not say what it reads is blinded by any gap. */
    public static final Set<String> EVERYTHING = Set.of("*");

    private static final Map<String, String> CORE_KINDS = Map.ofEntries(
            Map.entry(SECRET_VALUES, "Secret"), Map.entry("namespaces", "Namespace"), Map.entry("nodes", "Node"),
            Map.entry("customresourcedefinitions", "CustomResourceDefinition"), Map.entry("secrets", "Secret"),
            Map.entry("configmaps", "ConfigMap"), Map.entry("pods", "Pod"), Map.entry("serviceaccounts", "ServiceAccount"),
            Map.entry("deployments", "Deployment"), Map.entry("statefulsets", "StatefulSet"),
            Map.entry("daemonsets", "DaemonSet"), Map.entry("replicasets", "ReplicaSet"), Map.entry("jobs", "Job"),
            Map.entry("cronjobs", "CronJob"), Map.entry("roles", "Role"), Map.entry("clusterroles", "ClusterRole"),
            Map.entry("rolebindings", "RoleBinding"), Map.entry("clusterrolebindings", "ClusterRoleBinding"));

    /**
     * One thing that could not be seen.
     *
     * @param kind      the object kind ({@code Secret}), or the resource when its kind is unknown
     * @param resource  the API resource ({@code secrets}), or {@code file} for an unreadable snapshot file
     * @param namespace the namespace, "" for every namespace (or cluster-scoped)
     * @param status    the HTTP status (403, 404, 5xx), 0 for no answer or an unreadable file
     * @param reason    one sentence: why, and what is needed
     */
    public record Gap(String kind, String resource, String namespace, int status, String reason) {
    }

    /**
     * A rule that could not look at everything it reads.
     *
     * @param partial   true when the resources are hidden in some namespaces only (the rule ran on the rest)
     * @param resources the hidden resources the rule reads
     */
    public record NotEvaluated(String rule, String description, boolean partial, List<String> resources,
                               String reason) {
    }

    public Coverage {
        gaps = List.copyOf(gaps);
        notEvaluated = List.copyOf(notEvaluated);
    }

    public static final Coverage COMPLETE = new Coverage(List.of(), List.of());

    /** True when every rule saw everything it reads. */
    public boolean complete() {
        return notEvaluated.isEmpty();
    }

    /** The coverage of {@code rules} on {@code snapshot}. */
    public static Coverage of(ClusterSnapshot snapshot, Collection<FindingRule> rules) {
        List<Gap> gaps = new ArrayList<>();
        for (VisibilityGap g : snapshot.gaps()) {
            gaps.add(new Gap(kindOf(snapshot, g.resource()), g.resource(), g.namespace(), g.status(), g.message()));
        }
        List<NotEvaluated> blind = new ArrayList<>();
        if (!gaps.isEmpty()) {
            for (FindingRule r : rules) {
                Set<String> reads = r.reads();
                Set<String> hidden = new TreeSet<>();
                boolean everywhere = false;
                for (Gap g : gaps) {
                    boolean file = g.resource().equals("file");
                    if (file || reads.contains("*") || reads.contains(g.resource())) {
                        hidden.add(g.resource());
                        everywhere |= g.namespace().isEmpty() && !file;
                    }
                }
                if (hidden.equals(Set.of(SECRET_VALUES))) {
                    blind.add(new NotEvaluated(r.id(), r.description(), false, List.of(SECRET_VALUES),
                            METADATA_ONLY + " (--secrets metadata: it needs secret values, which were not read)"));
                } else if (!hidden.isEmpty()) {
                    blind.add(new NotEvaluated(r.id(), r.description(), !everywhere, List.copyOf(hidden),
                            (everywhere ? "not evaluated: " : "partly evaluated: ") + String.join(", ", hidden)
                                    + (everywhere ? " could not be listed" : " could not be listed everywhere")
                                    + " (see the visibility gaps)"));
                }
            }
        }
        return new Coverage(gaps, blind);
    }

    /** Resource sets joined, for {@link FindingRule#reads()}. */
    @SafeVarargs
    public static Set<String> reads(Collection<String>... sets) {
        Set<String> s = new LinkedHashSet<>();
        for (Collection<String> c : sets) {
            s.addAll(c);
        }
        return Set.copyOf(s);
    }

    private static String kindOf(ClusterSnapshot snapshot, String resource) {
        String k = CORE_KINDS.get(resource);
        if (k != null) {
            return k;
        }
        for (CrdInfo c : snapshot.crds()) {
            if (resource.equals(c.plural())) {
                return c.kind();
            }
        }
        return resource;
    }
}
