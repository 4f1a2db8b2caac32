package dev.kustodian.core.roles;

import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.ClusterSnapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which resources are cluster-scoped: from API discovery ({@link ClusterSnapshot#apiResources()}) when known,
 * else a built-in table of the core and common add-on kinds. Subresources take their parent's scope.
 */
public final class ScopeTable {
    /** group "|" resource → namespaced */
    private final Map<String, Boolean> namespaced = new HashMap<>();

    private static final List<String> BUILT_IN_CLUSTER_SCOPED = List.of(
            "|nodes", "|namespaces", "|persistentvolumes", "|componentstatuses",
            "rbac.authorization.k8s.io|clusterroles", "rbac.authorization.k8s.io|clusterrolebindings",
            "apiextensions.k8s.io|customresourcedefinitions", "apiregistration.k8s.io|apiservices",
            "storage.k8s.io|storageclasses", "storage.k8s.io|csidrivers", "storage.k8s.io|csinodes",
            "storage.k8s.io|volumeattachments", "scheduling.k8s.io|priorityclasses",
            "admissionregistration.k8s.io|mutatingwebhookconfigurations",
            "admissionregistration.k8s.io|validatingwebhookconfigurations",
            "admissionregistration.k8s.io|validatingadmissionpolicies",
            "admissionregistration.k8s.io|validatingadmissionpolicybindings",
            "certificates.k8s.io|certificatesigningrequests", "node.k8s.io|runtimeclasses",
            "networking.k8s.io|ingressclasses", "flowcontrol.apiserver.k8s.io|flowschemas",
            "flowcontrol.apiserver.k8s.io|prioritylevelconfigurations",
            "authentication.k8s.io|tokenreviews", "authentication.k8s.io|selfsubjectreviews",
            "authorization.k8s.io|subjectaccessreviews", "authorization.k8s.io|selfsubjectaccessreviews",
            "authorization.k8s.io|selfsubjectrulesreviews",
            "cert-manager.io|clusterissuers", "external-secrets.io|clustersecretstores",
            "external-secrets.io|clusterexternalsecrets");

    private ScopeTable() {
    }

    /** The built-in table only. */
    public static ScopeTable builtIn() {
        ScopeTable t = new ScopeTable();
        for (String k : BUILT_IN_CLUSTER_SCOPED) {
            t.namespaced.put(k, false);
        }
        return t;
    }

    /** Discovery from the snapshot first, the built-in table for what discovery does not list. */
    public static ScopeTable of(ClusterSnapshot snapshot) {
        ScopeTable t = builtIn();
        if (snapshot != null) {
            for (ApiResourceInfo r : snapshot.apiResources()) {
                t.namespaced.put(r.group() + "|" + base(r.resource()), r.namespaced());
            }
        }
        return t;
    }

    /** Whether (group, resource[/sub]) is namespaced; empty when unknown. */
    public Optional<Boolean> namespaced(String group, String resource) {
        return Optional.ofNullable(namespaced.get((group == null ? "" : group) + "|" + base(resource)));
    }

    /** Known to be cluster-scoped. Unknown resources are treated as namespaced. */
    public boolean clusterScoped(String group, String resource) {
        return namespaced(group, resource).map(n -> !n).orElse(false);
    }

    private static String base(String resource) {
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }
}
