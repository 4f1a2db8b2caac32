package dev.kustodian.ui.access;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.NamespaceInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.ui.framework.TestSnapshots;

import java.util.List;
import java.util.Map;

/**
 * A small cluster for the Access page tests: alice is cluster-admin, SA team-b/deployer lists secrets everywhere,
 * group devs reads secrets in team-a and SA team-a/backend may exec into team-a pods, plus one bootstrap system
 * binding (system:kube-controller-manager reading secrets).
 */
final class AccessFixtures {
    private AccessFixtures() {
    }

    static ClusterSnapshot snapshot() {
        SourceInfo src = new SourceInfo(SourceInfo.Kind.DEMO, "demo", "https://127.0.0.1:6443", "v1.31.2",
                TestSnapshots.LOADED, null);
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(src);
        for (String ns : List.of("default", "kube-system", "team-a", "team-b")) {
            b.namespaces.add(new NamespaceInfo(ObjectMeta.of("", ns), "Active"));
        }
        b.secrets.add(secret("team-a", "db-credentials"));
        b.secrets.add(secret("team-b", "registry-pull"));
        b.secrets.add(secret("kube-system", "legacy-token"));
        b.roles.add(clusterRole("cluster-admin", PolicyRule.resources(List.of("*"), List.of("*"), List.of("*"))));
        b.roles.add(clusterRole("secret-lister",
                PolicyRule.resources(List.of(""), List.of("secrets"), List.of("get", "list", "watch"))));
        b.roles.add(clusterRole("system:controller:secrets",
                PolicyRule.resources(List.of(""), List.of("secrets"), List.of("get", "list", "watch"))));
        b.roles.add(new RoleInfo(RoleInfo.ROLE, ObjectMeta.of("team-a", "pod-exec"),
                List.of(PolicyRule.resources(List.of(""), List.of("pods/exec"), List.of("create"))), null));
        b.bindings.add(crb("alice-admin", "cluster-admin", subject("User", "alice", null), false));
        b.bindings.add(crb("ci-can-list-secrets", "secret-lister", subject("ServiceAccount", "deployer", "team-b"),
                false));
        b.bindings.add(crb("system:controller:secrets", "system:controller:secrets",
                subject("User", "system:kube-controller-manager", null), true));
        b.bindings.add(new BindingInfo(BindingInfo.ROLE_BINDING, ObjectMeta.of("team-a", "devs-read-secrets"),
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", "ClusterRole", "secret-lister"),
                List.of(subject("Group", "devs", null))));
        b.bindings.add(new BindingInfo(BindingInfo.ROLE_BINDING, ObjectMeta.of("team-a", "backend-exec"),
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", "Role", "pod-exec"),
                List.of(subject("ServiceAccount", "backend", ""))));
        return b.build();
    }

    private static BindingInfo.Subject subject(String kind, String name, String ns) {
        return new BindingInfo.Subject(kind, name, ns, null);
    }

    private static RoleInfo clusterRole(String name, PolicyRule rule) {
        return new RoleInfo(RoleInfo.CLUSTER_ROLE, ObjectMeta.of("", name), List.of(rule), null);
    }

    private static BindingInfo crb(String name, String role, BindingInfo.Subject s, boolean bootstrap) {
        ObjectMeta meta = bootstrap ? new ObjectMeta("", name, null,
                Map.of("kubernetes.io/bootstrapping", "rbac-defaults"), null, null, null, null)
                : ObjectMeta.of("", name);
        return new BindingInfo(BindingInfo.CLUSTER_ROLE_BINDING, meta,
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", "ClusterRole", role), List.of(s));
    }

    private static SecretInfo secret(String ns, String name) {
        return new SecretInfo(ObjectMeta.of(ns, name), SecretInfo.TYPE_OPAQUE, false,
                List.of(new SecretInfo.SecretKeyInfo("password", 32, "0".repeat(32), false)), null, null, null);
    }
}
