package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleGeneratorTest {
    static final RbacSubject SA = RbacSubject.serviceAccount("ci", "deployer");

    @Test
    void parsesRules() {
        assertThat(Permission.parse(":secrets:get:db-creds,api-key")).isEqualTo(
                new Permission("", List.of("secrets"), List.of("get"), List.of("db-creds", "api-key"), List.of(), null));
        assertThat(Permission.parse("core:pods,pods/log:get,list")).extracting(Permission::apiGroup, Permission::resources)
                .containsExactly("", List.of("pods", "pods/log"));
        assertThat(Permission.parse("apps:deployments/scale:patch").apiGroup()).isEqualTo("apps");
        assertThat(Permission.parse(":/metrics,/healthz:get").nonResourceURLs()).containsExactly("/metrics", "/healthz");
        for (String bad : List.of("secrets", ":secrets", "::get", ":/metrics,pods:get", "apps:/metrics:get", "a:b:c:d:e")) {
            assertThatThrownBy(() -> Permission.parse(bad)).as(bad).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void oneRoleAndBindingPerNamespace() {
        RoleRequest req = new RoleRequest(SA, List.of("shop", "blog"), false,
                List.of(Permission.parse(":secrets:get:db")), null);
        Bundle b = RoleGenerator.generate(req, ScopeTable.builtIn(), null);
        assertThat(b.problems()).isEmpty();
        assertThat(b.objects()).extracting(Manifest::kind, Manifest::namespace).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Role", "blog"), org.assertj.core.groups.Tuple.tuple("RoleBinding", "blog"),
                org.assertj.core.groups.Tuple.tuple("Role", "shop"), org.assertj.core.groups.Tuple.tuple("RoleBinding", "shop"));
        assertThat(b.objects()).extracting(Manifest::name).containsOnly("deployer-access");
        String binding = b.objects().get(1).content();
        assertThat(YamlReader.readMap(binding, "b")).containsEntry("subjects",
                List.of(java.util.Map.of("kind", "ServiceAccount", "name", "deployer", "namespace", "ci")));
        assertThat(b.warnings()).isEmpty();
    }

    @Test
    void clusterScopeMakesAClusterRole() {
        RoleRequest req = new RoleRequest(RbacSubject.group("auditors"), List.of(), true, RolePresets.permissions("auditor"), "auditor");
        Bundle b = RoleGenerator.generate(req, ScopeTable.builtIn(), null);
        assertThat(b.objects()).extracting(Manifest::kind).containsExactly("ClusterRole", "ClusterRoleBinding");
        assertThat(b.objects().get(0).content()).doesNotContain("- secrets").doesNotContain("- '*'")
                .contains("# who can do what");
        assertThat(b.objects().get(1).content()).contains("kind: Group").contains("apiGroup: rbac.authorization.k8s.io");
    }

    @Test
    void clusterScopedPermissionsInANamespacedRequestGoToAClusterRole() {
        RoleRequest req = new RoleRequest(SA, List.of("shop"), false, List.of(
                Permission.parse(":pods,nodes:get"), Permission.parse(":/metrics:get")), null);
        List<ScopedRule> rules = RoleGenerator.scopedRules(req, ScopeTable.builtIn());
        assertThat(rules).containsExactly(
                new ScopedRule("shop", PolicyRule.resources(List.of(""), List.of("pods"), List.of("get")), null),
                new ScopedRule("", PolicyRule.resources(List.of(""), List.of("nodes"), List.of("get")),
                        "nodes are cluster-scoped: a Role cannot grant them"),
                new ScopedRule("", new PolicyRule(List.of("get"), List.of(), List.of(), List.of(), List.of("/metrics")), null));
        Bundle b = RoleGenerator.generate(req, ScopeTable.builtIn(), null);
        assertThat(b.objects()).extracting(Manifest::kind).containsExactly("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
        assertThat(b.warnings()).anyMatch(w -> w.contains("cluster-scoped"));
    }

    @Test
    void problemsBlockGeneration() {
        assertThat(RoleGenerator.problems(new RoleRequest(SA, List.of(), false, List.of(Permission.parse(":pods:get")), null)))
                .anyMatch(p -> p.error() && p.message().contains("namespace"));
        assertThat(RoleGenerator.problems(new RoleRequest(SA, List.of("a"), true, List.of(Permission.parse(":pods:get")), null)))
                .anyMatch(p -> p.error() && p.message().contains("not both"));
        assertThat(RoleGenerator.problems(new RoleRequest(SA, List.of("Bad_NS"), false, List.of(Permission.parse(":pods:get")), null)))
                .anyMatch(p -> p.error() && p.message().contains("Bad_NS"));
        assertThat(RoleGenerator.problems(new RoleRequest(SA, List.of("a"), false, List.of(), null)))
                .anyMatch(p -> p.error() && p.message().contains("at least one permission"));
        assertThat(RoleGenerator.problems(new RoleRequest(SA, List.of("a"), false, List.of(Permission.parse(":pods:frobnicate")), null)))
                .singleElement().satisfies(p -> assertThat(p.error()).isFalse());
        Bundle b = RoleGenerator.generate(new RoleRequest(SA, List.of(), false, List.of(), null), ScopeTable.builtIn(), null);
        assertThat(b.hasErrors()).isTrue();
        assertThat(b.objects()).isEmpty();
    }

    @Test
    void everyPresetGeneratesValidYamlWithItsGuidance() {
        for (RolePresets.Preset p : RolePresets.all()) {
            String spec = p.argument() == null ? p.name() : p.name() + "=db-creds";
            RoleRequest req = new RoleRequest(SA, List.of("shop"), false, RolePresets.permissions(spec), null);
            Bundle b = RoleGenerator.generate(req, ScopeTable.builtIn(), null);
            assertThat(b.hasErrors()).as(p.name()).isFalse();
            for (Manifest m : b.objects()) {
                assertThat(YamlReader.read(m.content(), m.fileName())).hasSize(1);
            }
        }
        Bundle ci = RoleGenerator.generate(new RoleRequest(SA, List.of("shop"), false, RolePresets.permissions("ci-deployer"), null),
                ScopeTable.builtIn(), null);
        assertThat(ci.warnings()).anyMatch(w -> w.contains("mounts any secret"));
        Bundle eso = RoleGenerator.generate(new RoleRequest(SA, List.of(), true, RolePresets.permissions("eso-controller"), null),
                ScopeTable.builtIn(), null);
        assertThat(eso.warnings()).anyMatch(w -> w.contains("returns every secret"))
                .anyMatch(w -> w.contains("serviceaccounts/token"));
        Bundle one = RoleGenerator.generate(new RoleRequest(SA, List.of("shop"), false, RolePresets.permissions("read-secret=db"), null),
                ScopeTable.builtIn(), null);
        assertThat(one.warnings()).isEmpty();
        assertThatThrownBy(() -> RolePresets.permissions("read-secret")).hasMessageContaining("read-secret=NAME");
        assertThatThrownBy(() -> RolePresets.permissions("nope")).hasMessageContaining("ci-deployer");
    }

    @Test
    void subjects() {
        assertThat(RbacSubject.parse("serviceaccount:shop/api")).isEqualTo(RbacSubject.serviceAccount("shop", "api"));
        assertThat(RbacSubject.parse("sa:shop/api").userName()).isEqualTo("system:serviceaccount:shop:api");
        assertThat(RbacSubject.parse("user:jane@example.com")).isEqualTo(RbacSubject.user("jane@example.com"));
        assertThat(RbacSubject.parse("group:system:masters").name()).isEqualTo("system:masters");
        for (String bad : List.of("shop/api", "serviceaccount:api", "serviceaccount:/api", "robot:x", "user:", "serviceaccount:a/b/c")) {
            assertThatThrownBy(() -> RbacSubject.parse(bad)).as(bad).isInstanceOf(UserFacingException.class);
        }
        AuditEvent e = new AuditEvent("", "get", "", "pods", "", "", "", null, "jane", List.of("devs"), 200, null);
        assertThat(RbacSubject.user("jane").matches(e)).isTrue();
        assertThat(RbacSubject.user("devs").matches(e)).isFalse();
        assertThat(RbacSubject.group("devs").matches(e)).isTrue();
        assertThat(RbacSubject.serviceAccount("x", "jane").matches(e)).isFalse();
    }
}
