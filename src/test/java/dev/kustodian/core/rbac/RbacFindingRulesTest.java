package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.WorkloadInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.kustodian.core.rbac.Fx.clusterRole;
import static dev.kustodian.core.rbac.Fx.crb;
import static dev.kustodian.core.rbac.Fx.group;
import static dev.kustodian.core.rbac.Fx.named;
import static dev.kustodian.core.rbac.Fx.rb;
import static dev.kustodian.core.rbac.Fx.role;
import static dev.kustodian.core.rbac.Fx.rule;
import static dev.kustodian.core.rbac.Fx.sa;
import static dev.kustodian.core.rbac.Fx.user;
import static org.assertj.core.api.Assertions.assertThat;

class RbacFindingRulesTest {

    private static List<Finding> findings(String ruleId, List<RoleInfo> roles, List<BindingInfo> bindings) {
        return findings(ruleId, Fx.snapshot(roles, bindings));
    }

    private static List<Finding> findings(String ruleId, ClusterSnapshot s) {
        FindingRule rule = new RbacFindingRules().rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        return rule.evaluate(AnalysisContext.of(s));
    }

    /** rule id, the risky rule (granted to User/alice cluster-wide), a harmless near-miss, expected CIS id. */
    static Stream<Arguments> catalogue() {
        String rbac = "rbac.authorization.k8s.io";
        return Stream.of(
                Arguments.of("RBAC-SECRETS-LIST", rule("", "secrets", "list"), named("", "secrets", List.of("a"), "list"), "5.1.2"),
                Arguments.of("RBAC-SECRETS-LIST", rule("", "secrets", "watch"), rule("", "configmaps", "watch"), "5.1.2"),
                Arguments.of("RBAC-SECRETS-GET", rule("", "secrets", "get"), named("", "secrets", List.of("a"), "get"), "5.1.2"),
                Arguments.of("RBAC-WILDCARD", rule("", "*", "get"), rule("", "pods", "get"), "5.1.3"),
                Arguments.of("RBAC-WILDCARD", rule("*", "pods", "get"), rule("apps", "deployments", "get"), "5.1.3"),
                Arguments.of("RBAC-CREATE-PODS", rule("", "pods", "create"), rule("", "pods", "get"), "5.1.4"),
                Arguments.of("RBAC-CREATE-PODS", rule("apps", "deployments", "update"), rule("apps", "deployments", "list"), "5.1.4"),
                Arguments.of("RBAC-CREATE-PODS", rule("batch", "cronjobs", "create"), rule("batch", "cronjobs", "delete"), "5.1.4"),
                Arguments.of("RBAC-IMPERSONATE", rule("", "users", "impersonate"), rule("", "users", "get"), "5.1.8"),
                Arguments.of("RBAC-IMPERSONATE", rule("", "serviceaccounts", "impersonate"), rule("", "serviceaccounts", "list"), "5.1.8"),
                Arguments.of("RBAC-ESCALATE-BIND", rule(rbac, "clusterroles", "escalate"), rule(rbac, "clusterroles", "get"), "5.1.8"),
                Arguments.of("RBAC-ESCALATE-BIND", rule(rbac, "roles", "bind"), rule("", "roles", "bind"), "5.1.8"),
                Arguments.of("RBAC-RBAC-WRITE", rule(rbac, "clusterrolebindings", "create"), rule(rbac, "clusterrolebindings", "list"), null),
                Arguments.of("RBAC-POD-EXEC", rule("", "pods/exec", "create"), rule("", "pods", "create"), null),
                Arguments.of("RBAC-POD-EXEC", rule("", "pods/attach", "create"), rule("", "pods/log", "get"), null),
                Arguments.of("RBAC-POD-EXEC", rule("", "pods/ephemeralcontainers", "patch"), rule("", "pods/status", "patch"), null),
                Arguments.of("RBAC-PV-CREATE", rule("", "persistentvolumes", "create"), rule("", "persistentvolumeclaims", "create"), "5.1.9"),
                Arguments.of("RBAC-NODES-PROXY", rule("", "nodes/proxy", "get"), rule("", "nodes", "get"), "5.1.10"),
                Arguments.of("RBAC-CSR-APPROVE", rule("certificates.k8s.io", "certificatesigningrequests/approval", "update"),
                        rule("certificates.k8s.io", "certificatesigningrequests", "create"), "5.1.11"),
                Arguments.of("RBAC-CSR-APPROVE", rule("certificates.k8s.io", "signers", "approve"),
                        rule("certificates.k8s.io", "signers", "sign"), "5.1.11"),
                Arguments.of("RBAC-WEBHOOK-CONFIG", rule("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "patch"),
                        rule("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "list"), "5.1.12"),
                Arguments.of("RBAC-SA-TOKEN-CREATE", rule("", "serviceaccounts/token", "create"), rule("", "serviceaccounts", "create"), "5.1.13"),
                Arguments.of("RBAC-SECRETS-WRITE-PRIVILEGED", rule("", "secrets", "update"), rule("", "configmaps", "update"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("catalogue")
    void catalogueItemPositiveAndNegative(String ruleId, PolicyRule risky, PolicyRule harmless, String cis) {
        List<Finding> pos = findings(ruleId, List.of(clusterRole("r", risky)), List.of(crb("alice-r", "r", user("alice"))));
        assertThat(pos).singleElement().satisfies(f -> {
            assertThat(f.area()).isEqualTo("rbac");
            assertThat(f.object().display()).isEqualTo("ClusterRoleBinding/alice-r");
            assertThat(f.system()).isFalse();
            assertThat(f.title()).contains("User/alice");
            assertThat(f.explanation()).contains("ClusterRoleBinding/alice-r → ClusterRole/r");
            assertThat(f.remediation()).isNotBlank();
            if (cis == null) {
                assertThat(f.cis()).isEmpty();
            } else {
                assertThat(f.cis()).containsExactly(cis);
            }
        });
        assertThat(findings(ruleId, List.of(clusterRole("r", harmless)), List.of(crb("alice-r", "r", user("alice")))))
                .as("near miss").isEmpty();
    }

    @Test
    void secretsListIsCriticalClusterWideHighInANamespace() {
        List<RoleInfo> roles = List.of(clusterRole("r", rule("", "secrets", "list")));
        assertThat(findings("RBAC-SECRETS-LIST", roles, List.of(crb("c", "r", user("a"))))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        assertThat(findings("RBAC-SECRETS-LIST", roles, List.of(rb("team", "c", "ClusterRole", "r", user("a"))))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void secretsWriteOnlyInPrivilegedNamespaces() {
        List<RoleInfo> roles = List.of(clusterRole("w", rule("", "secrets", "create")));
        assertThat(findings("RBAC-SECRETS-WRITE-PRIVILEGED", roles, List.of(rb("kube-system", "x", "ClusterRole", "w", user("a"))))).hasSize(1);
        assertThat(findings("RBAC-SECRETS-WRITE-PRIVILEGED", roles, List.of(rb("team", "x", "ClusterRole", "w", user("a"))))).isEmpty();
    }

    @Test
    void clusterAdminBindingIsOneFindingNotFifteen() {
        List<RoleInfo> roles = List.of(clusterRole("cluster-admin", rule(List.of("*"), List.of("*"), List.of("*"))));
        List<BindingInfo> b = List.of(crb("ops", "cluster-admin", group("ops")));
        List<Finding> all = Rules.evaluate(AnalysisContext.of(Fx.snapshot(roles, b)), new RbacFindingRules().rules());
        assertThat(all).extracting(Finding::rule).containsExactly("RBAC-CLUSTER-ADMIN");
        assertThat(all.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(all.get(0).cis()).containsExactly("5.1.1");
    }

    @Test
    void fullWildcardRoleIsReportedAsEquivalentToClusterAdmin() {
        List<Finding> f = findings("RBAC-WILDCARD", List.of(clusterRole("god", rule(List.of("*"), List.of("*"), List.of("*")))),
                List.of(crb("g", "god", user("a"))));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.title()).contains("equivalent to cluster-admin");
        });
    }

    @Test
    void publicGroups() {
        List<RoleInfo> roles = List.of(clusterRole("r", rule("", "pods", "get")));
        assertThat(findings("RBAC-PUBLIC-GROUP", roles, List.of(crb("x", "r", group("system:authenticated")))))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.HIGH);
        assertThat(findings("RBAC-PUBLIC-GROUP", roles, List.of(crb("x", "r", group("system:unauthenticated")))))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        assertThat(findings("RBAC-PUBLIC-GROUP", roles, List.of(crb("x", "r", user("system:anonymous"))))).hasSize(1);
        assertThat(findings("RBAC-PUBLIC-GROUP", roles, List.of(crb("x", "r", group("devs"))))).isEmpty();
        // not "system" access even though the group name starts with system:
        assertThat(findings("RBAC-PUBLIC-GROUP", roles, List.of(crb("x", "r", group("system:authenticated")))).get(0).system()).isFalse();
    }

    @Test
    void defaultServiceAccount() {
        List<RoleInfo> roles = List.of(role("team", "r", rule("", "pods", "get")));
        Finding f = findings("RBAC-DEFAULT-SA", roles, List.of(rb("team", "x", "Role", "r", sa("", "default")))).get(0);
        assertThat(f.cis()).containsExactly("5.1.5");
        assertThat(findings("RBAC-DEFAULT-SA", roles, List.of(rb("team", "x", "Role", "r", sa("", "app"))))).isEmpty();
    }

    @Test
    void systemMasters() {
        List<RoleInfo> roles = List.of(clusterRole("r", rule("", "pods", "get")));
        Finding f = findings("RBAC-SYSTEM-MASTERS", roles, List.of(crb("x", "r", group("system:masters")))).get(0);
        assertThat(f.cis()).containsExactly("5.1.7");
        assertThat(f.system()).isTrue();
        assertThat(findings("RBAC-SYSTEM-MASTERS", roles, List.of(crb("x", "r", group("admins"))))).isEmpty();
    }

    @Test
    void danglingBinding() {
        assertThat(findings("RBAC-DANGLING-BINDING", List.of(), List.of(crb("x", "nope", user("a"))))).singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains("ClusterRole/nope"));
    }

    @Test
    void systemComponentsAreFlaggedSystemNotHidden() {
        List<RoleInfo> roles = List.of(clusterRole("r", rule("", "secrets", "list")));
        assertThat(findings("RBAC-SECRETS-LIST", roles, List.of(crb("x", "r", sa("kube-system", "ctrl")))))
                .singleElement().extracting(Finding::system).isEqualTo(true);
        assertThat(findings("RBAC-SECRETS-LIST", roles, List.of(crb("x", "r", sa("kube-system", "ctrl"), user("bob")))))
                .singleElement().extracting(Finding::system).isEqualTo(false);
    }

    @Test
    void tokenMount() {
        ClusterSnapshot.Builder b = Fx.builder();
        b.roles.add(role("team", "r", rule("", "pods", "get")));
        b.bindings.add(rb("team", "x", "Role", "r", sa("", "api")));
        b.workloads.add(deployment("team", "api", "api", null));
        b.workloads.add(deployment("team", "quiet", "api", false));
        b.workloads.add(deployment("team", "other", "nobody", null));
        List<Finding> f = findings("RBAC-SA-TOKEN-MOUNT", b.build());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.object().display()).isEqualTo("Deployment/team/api");
            assertThat(x.cis()).containsExactly("5.1.6");
        });
    }

    private static WorkloadInfo deployment(String ns, String name, String sa, Boolean automount) {
        return new WorkloadInfo("Deployment", ObjectMeta.of(ns, name),
                new PodSpecInfo(sa, automount, List.of(), List.of(), List.of(), List.of(), false, null), null);
    }

    @Test
    void providerIsRegisteredAndCoversTheCatalogue() {
        assertThat(dev.kustodian.core.analysis.Analysis.allRules()).extracting(FindingRule::id)
                .containsAll(RbacRisks.CATALOGUE.stream().map(RiskCheck::id).toList());
        assertThat(RbacRisks.CATALOGUE).flatExtracting(RiskCheck::cis).contains("5.1.1", "5.1.2", "5.1.3",
                "5.1.4", "5.1.5", "5.1.6", "5.1.7", "5.1.8", "5.1.9", "5.1.10", "5.1.11",
                "5.1.12", "5.1.13");
    }

    @Test
    void subjectRiskRanksAndExplains() {
        List<RoleInfo> roles = List.of(clusterRole("reader", rule("", "secrets", "list")),
                clusterRole("viewer", rule("", "pods", "create")));
        AnalysisContext ctx = AnalysisContext.of(Fx.snapshot(roles, List.of(
                crb("a", "reader", user("alice")), rb("t", "b", "ClusterRole", "viewer", user("bob")))));
        List<SubjectRisk> ranked = SubjectRisk.rank(ctx);
        assertThat(ranked).extracting(r -> r.subject().name()).containsExactly("alice", "bob");
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        assertThat(ranked.get(0).reasons()).singleElement().asString().contains("list/watch on secrets");
        assertThat(ranked.get(0).bindings()).containsExactly("ClusterRoleBinding/a");
        assertThat(SubjectRisk.permissions(RbacEngine.of(ctx), SubjectRef.user("bob")))
                .singleElement().extracting(RbacEngine.EffectiveRule::namespace).isEqualTo("t");
    }

    @Test
    void explanationShowsTheRule() {
        List<Finding> f = findings("RBAC-SECRETS-GET", List.of(clusterRole("r", rule("", "secrets", "get"))),
                List.of(crb("x", "r", user("alice"))));
        assertThat(f.get(0).explanation()).contains("verbs=[get]").contains("resources=[secrets]");
    }
}
