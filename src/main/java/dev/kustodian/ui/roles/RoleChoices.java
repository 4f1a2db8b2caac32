package dev.kustodian.ui.roles;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CrdInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.roles.RbacSubject;
import dev.kustodian.core.util.UserFacingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** What the roles wizards offer from the cluster: subjects, resources from API discovery (CRDs, subresources). */
final class RoleChoices {
    private RoleChoices() {
    }

    static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection", "impersonate", "bind", "escalate", "use", "approve", "*");

    /** Used when the snapshot has no API discovery. */
    static final List<String> BUILT_IN_RESOURCES = List.of("configmaps", "endpoints", "events", "namespaces", "nodes",
            "persistentvolumeclaims", "persistentvolumes", "pods", "pods/attach", "pods/exec", "pods/log",
            "pods/portforward", "secrets", "serviceaccounts", "serviceaccounts/token", "services",
            "daemonsets.apps", "deployments.apps", "deployments/scale.apps", "replicasets.apps",
            "statefulsets.apps", "statefulsets/scale.apps", "cronjobs.batch", "jobs.batch",
            "leases.coordination.k8s.io", "ingresses.networking.k8s.io", "networkpolicies.networking.k8s.io",
            "roles.rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io",
            "clusterroles.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io",
            "customresourcedefinitions.apiextensions.k8s.io", "*");

    /** Every subject in the cluster: service accounts and the subjects of bindings, as serviceaccount:NS/NAME etc. */
    static List<String> subjects(ClusterSnapshot s) {
        TreeSet<String> out = new TreeSet<>();
        if (s == null) {
            return List.of();
        }
        for (ServiceAccountInfo sa : s.serviceAccounts()) {
            out.add("serviceaccount:" + sa.meta().namespace() + "/" + sa.meta().name());
        }
        for (BindingInfo b : s.bindings()) {
            String ns = b.isClusterRoleBinding() ? "" : b.meta().namespace();
            for (BindingInfo.Subject sub : b.subjects()) {
                SubjectRef ref = SubjectRef.of(sub, ns);
                if (ref != null) {
                    out.add(text(ref));
                }
            }
        }
        return List.copyOf(out);
    }

    static String text(SubjectRef ref) {
        return switch (ref.kind()) {
            case SubjectRef.SERVICE_ACCOUNT -> "serviceaccount:" + ref.namespace() + "/" + ref.name();
            case SubjectRef.GROUP -> "group:" + ref.name();
            default -> "user:" + ref.name();
        };
    }

    /** The subject for a pre-fill target: a ServiceAccount/User/Group, or the first subject of a binding. */
    static Optional<String> subjectFor(ObjectRef target, ClusterSnapshot s) {
        if (target == null) {
            return Optional.empty();
        }
        switch (target.kind()) {
            case "ServiceAccount":
                return Optional.of("serviceaccount:" + target.namespace() + "/" + target.name());
            case "User":
                return Optional.of("user:" + target.name());
            case "Group":
                return Optional.of("group:" + target.name());
            case "RoleBinding", "ClusterRoleBinding":
                if (s == null) {
                    return Optional.empty();
                }
                return s.bindings().stream()
                        .filter(b -> b.kind().equals(target.kind()) && b.meta().name().equals(target.name())
                                && (b.isClusterRoleBinding() || b.meta().namespace().equals(target.namespace())))
                        .flatMap(b -> b.subjects().stream().map(sub -> SubjectRef.of(sub,
                                b.isClusterRoleBinding() ? "" : b.meta().namespace())))
                        .filter(r -> r != null && !r.isPublicGroup())
                        .map(RoleChoices::text).findFirst();
            default:
                return Optional.empty();
        }
    }

    /** Resources as {@code resource[/sub][.group]}: API discovery (with subresources) and CRDs, else built in. */
    static List<String> resources(ClusterSnapshot s) {
        TreeSet<String> out = new TreeSet<>();
        if (s != null) {
            for (ApiResourceInfo a : s.apiResources()) {
                out.add(display(a.group(), a.resource()));
            }
            for (CrdInfo c : s.crds()) {
                out.add(display(c.group(), c.plural()));
            }
        }
        if (s == null || s.apiResources().isEmpty()) {
            out.addAll(BUILT_IN_RESOURCES);
        }
        List<String> l = new ArrayList<>(out);
        return l;
    }

    static String display(String group, String resource) {
        return group == null || group.isEmpty() ? resource : resource + "." + group;
    }

    /** {@code resource[/sub][.group]} → {group, resource[/sub]}; {@code *.*} is every group. */
    static String[] parse(String text) {
        String t = text.trim();
        int dot = t.indexOf('.');
        return dot < 0 ? new String[]{"", t} : new String[]{t.substring(dot + 1), t.substring(0, dot)};
    }

    /** The subject from the picker, or the typed one (which wins); an error problem on {@code path} if invalid. */
    static RbacSubject subject(String picked, String typed, String path, List<Bundle.Problem> problems) {
        String text = typed != null && !typed.isBlank() ? typed.trim() : picked;
        if (text == null || text.isBlank()) {
            problems.add(new Bundle.Problem(path, "Pick a subject from the cluster, or type one: "
                    + "serviceaccount:NAMESPACE/NAME, user:NAME or group:NAME.", true));
            return null;
        }
        try {
            return RbacSubject.parse(text);
        } catch (UserFacingException e) {
            problems.add(new Bundle.Problem(path, e.getMessage(), true));
            return null;
        }
    }
}
