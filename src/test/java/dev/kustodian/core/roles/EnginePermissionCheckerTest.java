package dev.kustodian.core.roles;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.output.Bundle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnginePermissionCheckerTest {

    static ClusterSnapshot cluster(String user, List<String> groups, RoleInfo role, BindingInfo binding) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.LIVE, "dev", "", "",
                Instant.EPOCH, user == null ? null : new SourceInfo.Identity(user, groups, "SelfSubjectReview")));
        if (role != null) {
            b.roles.add(role);
            b.bindings.add(binding);
        }
        return b.build();
    }

    static ClusterSnapshot janeCanManageShop() {
        RoleInfo role = new RoleInfo(RoleInfo.ROLE, ObjectMeta.of("shop", "shop-admin"), List.of(
                PolicyRule.resources(List.of(""), List.of("configmaps", "pods"), List.of("get", "list", "watch")),
                new PolicyRule(List.of("get"), List.of(""), List.of("secrets"), List.of("db"), List.of())), null);
        BindingInfo bind = new BindingInfo(BindingInfo.ROLE_BINDING, ObjectMeta.of("shop", "jane"),
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", "Role", "shop-admin"),
                List.of(new BindingInfo.Subject("User", "jane", "", "rbac.authorization.k8s.io")));
        return cluster("jane", List.of("system:authenticated"), role, bind);
    }

    @Test
    void holdsExactlyWhatTheApplierIsGrantedInThatScope() {
        EnginePermissionChecker c = EnginePermissionChecker.forApplier(janeCanManageShop());
        assertThat(c.describeApplier()).isEqualTo("user jane");
        assertThat(c.holds("shop", PolicyRule.resources(List.of(""), List.of("pods"), List.of("get", "list")))).isTrue();
        assertThat(c.holds("shop", new PolicyRule(List.of("get"), List.of(""), List.of("secrets"), List.of("db"), List.of()))).isTrue();
        // other namespace, other verb, other secret, no name, wildcard, cluster scope, URL: not held
        assertThat(c.holds("web", PolicyRule.resources(List.of(""), List.of("pods"), List.of("get")))).isFalse();
        assertThat(c.holds("shop", PolicyRule.resources(List.of(""), List.of("pods"), List.of("delete")))).isFalse();
        assertThat(c.holds("shop", new PolicyRule(List.of("get"), List.of(""), List.of("secrets"), List.of("other"), List.of()))).isFalse();
        assertThat(c.holds("shop", PolicyRule.resources(List.of(""), List.of("secrets"), List.of("get")))).isFalse();
        assertThat(c.holds("shop", PolicyRule.resources(List.of(""), List.of("*"), List.of("get")))).isFalse();
        assertThat(c.holds("", PolicyRule.resources(List.of(""), List.of("pods"), List.of("get")))).isFalse();
        assertThat(c.holds("", new PolicyRule(List.of("get"), List.of(), List.of(), List.of(), List.of("/metrics")))).isFalse();
    }

    @Test
    void mastersAndEscalateHoldEverything() {
        EnginePermissionChecker admin = EnginePermissionChecker.forApplier(
                cluster("kubernetes-admin", List.of("system:masters"), null, null));
        assertThat(admin.holds("", PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")))).isTrue();
        RoleInfo esc = new RoleInfo(RoleInfo.CLUSTER_ROLE, ObjectMeta.of("", "escalator"), List.of(
                PolicyRule.resources(List.of("rbac.authorization.k8s.io"), List.of("roles"), List.of("escalate"))), null);
        BindingInfo bind = new BindingInfo(BindingInfo.ROLE_BINDING, ObjectMeta.of("shop", "esc"),
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", "ClusterRole", "escalator"),
                List.of(new BindingInfo.Subject("User", "bob", "", "rbac.authorization.k8s.io")));
        EnginePermissionChecker bob = EnginePermissionChecker.forApplier(cluster("bob", List.of(), esc, bind));
        assertThat(bob.holds("shop", PolicyRule.resources(List.of(""), List.of("secrets"), List.of("list")))).isTrue();
        assertThat(bob.holds("web", PolicyRule.resources(List.of(""), List.of("secrets"), List.of("list")))).isFalse();
    }

    @Test
    void unknownIdentityGivesNoChecker() {
        assertThat(EnginePermissionChecker.forApplier(cluster(null, List.of(), null, null))).isNull();
        assertThat(EnginePermissionChecker.forApplier(null)).isNull();
    }

    @Test
    void theApplierLacksWarningNamesTheMissingRules() {
        EnginePermissionChecker c = EnginePermissionChecker.forApplier(janeCanManageShop());
        Bundle b = RoleGenerator.generate(new RoleRequest(RbacSubject.serviceAccount("shop", "api"), List.of("shop"),
                false, List.of(Permission.of("", List.of("pods"), List.of("get"), null),
                Permission.of("", List.of("secrets"), List.of("list"), null)), null), ScopeTable.builtIn(), c);
        assertThat(b.warnings()).anyMatch(w -> w.startsWith("user jane does not hold list secrets in namespace shop")
                && !w.contains("get pods"));
    }
}
