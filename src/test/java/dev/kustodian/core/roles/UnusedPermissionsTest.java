package dev.kustodian.core.roles;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.output.Manifest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.kustodian.core.roles.RoleSynthesizerTest.SA;
import static dev.kustodian.core.roles.RoleSynthesizerTest.res;
import static org.assertj.core.api.Assertions.assertThat;

class UnusedPermissionsTest {
    static final String RBAC = "rbac.authorization.k8s.io";

    static BindingInfo binding(String kind, String ns, String name, String roleKind, String role,
                               BindingInfo.Subject... subjects) {
        return new BindingInfo(kind, ObjectMeta.of(ns, name), new BindingInfo.RoleRef(RBAC, roleKind, role), List.of(subjects));
    }

    static BindingInfo.Subject sa(String ns, String name) {
        return new BindingInfo.Subject("ServiceAccount", name, ns, "");
    }

    /** shop/api: a RoleBinding to a broad "shop-edit" role (its own), a shared view binding, and a group binding. */
    static ClusterSnapshot shop() {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.LIVE, "dev", "", "",
                Instant.EPOCH, new SourceInfo.Identity("admin", List.of("system:masters"), "test")));
        b.roles.add(new RoleInfo(RoleInfo.ROLE, ObjectMeta.of("shop", "shop-edit"), List.of(
                PolicyRule.resources(List.of(""), List.of("secrets", "configmaps"), List.of("get", "list", "watch")),
                PolicyRule.resources(List.of("apps"), List.of("deployments"), List.of("*"))), null));
        b.roles.add(new RoleInfo(RoleInfo.CLUSTER_ROLE, ObjectMeta.of("", "node-view"), List.of(
                PolicyRule.resources(List.of(""), List.of("nodes"), List.of("get", "list"))), null));
        b.roles.add(new RoleInfo(RoleInfo.CLUSTER_ROLE, ObjectMeta.of("", "ns-view"), List.of(
                PolicyRule.resources(List.of(""), List.of("namespaces"), List.of("get"))), null));
        b.bindings.add(binding(BindingInfo.ROLE_BINDING, "shop", "api-edit", "Role", "shop-edit", sa("shop", "api")));
        b.bindings.add(binding(BindingInfo.CLUSTER_ROLE_BINDING, "", "nodes", "ClusterRole", "node-view",
                sa("shop", "api"), sa("shop", "worker")));
        b.bindings.add(binding(BindingInfo.CLUSTER_ROLE_BINDING, "", "all-sa-ns", "ClusterRole", "ns-view",
                new BindingInfo.Subject("Group", "system:serviceaccounts", "", RBAC)));
        return b.build();
    }

    static RightSize.Outcome run(ClusterSnapshot s, AuditEvent... events) {
        RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(SA, RoleSynthesizer.Options.defaults());
        for (AuditEvent e : events) {
            c.accept(e);
        }
        return RightSize.analyse(s, SA, c, null);
    }

    @Test
    void effectivePermissionsMinusObservedUseAndTheBindingChanges() {
        RightSize.Outcome o = run(shop(), res("get", "", "secrets", "", "shop", "db", 200),
                res("list", "", "configmaps", "", "shop", "", 200), res("list", "", "nodes", "", "", "", 200));
        UnusedPermissions.Result u = o.unused();
        assertThat(u.bindings()).extracting(UnusedPermissions.BindingUse::ref)
                .containsExactlyInAnyOrder("RoleBinding/shop/api-edit", "ClusterRoleBinding/nodes", "ClusterRoleBinding/all-sa-ns");
        UnusedPermissions.BindingUse edit = u.bindings().stream()
                .filter(b -> b.ref().equals("RoleBinding/shop/api-edit")).findFirst().orElseThrow();
        assertThat(edit.rules().get(0).used()).containsExactly("get secrets", "list configmaps");
        assertThat(edit.rules().get(0).unused()).containsExactlyInAnyOrder("get configmaps", "list secrets",
                "watch secrets", "watch configmaps");
        assertThat(edit.rules().get(1).unused()).containsExactly("* deployments.apps");
        assertThat(edit.rules().get(1).wildcard()).isTrue();
        assertThat(u.changes()).extracting(UnusedPermissions.Change::describe).anyMatch(d -> d.startsWith(
                "delete RoleBinding/shop/api-edit: 5 permission(s) it grants were not used (and it grants wildcards)"));
        assertThat(u.changes()).anyMatch(c -> c.action() == UnusedPermissions.Action.REMOVE_SUBJECT
                && c.object().equals("ClusterRoleBinding/nodes") && c.reason().contains("ServiceAccount/shop/worker"));
        assertThat(u.changes()).anyMatch(c -> c.action() == UnusedPermissions.Action.KEEP
                && c.object().equals("ClusterRoleBinding/all-sa-ns") && c.reason().contains("Group/system:serviceaccounts"));
        assertThat(u.changes()).anyMatch(c -> c.action() == UnusedPermissions.Action.CREATE
                && c.object().equals("Role/shop/api-observed"));
        // the bundle: the generated role, the nodes binding without shop/api, the reports and the delete script
        assertThat(u.bundle().manifests()).extracting(Manifest::fileName).contains("role-shop-api-observed.yaml",
                "clusterrolebinding-nodes.yaml", "unused-permissions.txt", "delete-bindings.sh", "recheck.txt",
                "usage-report.txt");
        Manifest nodes = u.bundle().manifests().stream().filter(m -> m.fileName().equals("clusterrolebinding-nodes.yaml"))
                .findFirst().orElseThrow();
        assertThat(nodes.content()).contains("name: worker").doesNotContain("name: api\n");
        assertThat(u.report()).contains("can go:").contains("kubectl delete rolebinding api-edit -n shop");
        assertThat(o.recheck().passed()).isTrue();
    }

    @Test
    void aBindingWhoseEveryPermissionWasUsedIsKept() {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "x", "", "",
                Instant.EPOCH, null));
        b.roles.add(new RoleInfo(RoleInfo.ROLE, ObjectMeta.of("shop", "r"), List.of(
                new PolicyRule(List.of("get"), List.of(""), List.of("secrets"), List.of("db"), List.of())), null));
        b.bindings.add(binding(BindingInfo.ROLE_BINDING, "shop", "rb", "Role", "r", sa("shop", "api")));
        RightSize.Outcome o = run(b.build(), res("get", "", "secrets", "", "shop", "db", 200));
        assertThat(o.unused().unusedCells()).isZero();
        assertThat(o.unused().changes()).extracting(UnusedPermissions.Change::action)
                .containsExactly(UnusedPermissions.Action.KEEP);
        assertThat(o.unused().bundle().objects()).isEmpty();
    }

    @Test
    void aBindingUsedFullyButMoreWidelyThanNeededIsReplaced() {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "x", "", "",
                Instant.EPOCH, null));
        b.roles.add(new RoleInfo(RoleInfo.CLUSTER_ROLE, ObjectMeta.of("", "get-secrets"), List.of(
                PolicyRule.resources(List.of(""), List.of("secrets"), List.of("get"))), null));
        b.bindings.add(binding(BindingInfo.CLUSTER_ROLE_BINDING, "", "everywhere", "ClusterRole", "get-secrets",
                sa("shop", "api")));
        RightSize.Outcome o = run(b.build(), res("get", "", "secrets", "", "shop", "db", 200));
        assertThat(o.unused().unusedCells()).isZero();
        assertThat(o.unused().bindings().get(0).rules().get(0).broader())
                .containsExactly("get secrets: granted in every namespace, used only in shop");
        assertThat(o.unused().changes()).anyMatch(c -> c.action() == UnusedPermissions.Action.DELETE_BINDING
                && c.reason().startsWith("1 permission(s) it grants more widely than they were used"));
        assertThat(o.unused().report()).contains("too wide:  get secrets: granted in every namespace, used only in shop");
    }

    @Test
    void useInAnotherNamespaceDoesNotCountForARoleBinding() {
        RightSize.Outcome o = run(shop(), res("get", "", "secrets", "", "web", "db", 403),
                res("get", "", "secrets", "", "other", "db", 200));
        UnusedPermissions.BindingUse edit = o.unused().bindings().stream()
                .filter(b -> b.ref().equals("RoleBinding/shop/api-edit")).findFirst().orElseThrow();
        assertThat(edit.usedCells()).isZero();
        assertThat(o.unused().changes()).anyMatch(c -> c.describe().startsWith(
                "delete RoleBinding/shop/api-edit: nothing it grants was used"));
    }
}
