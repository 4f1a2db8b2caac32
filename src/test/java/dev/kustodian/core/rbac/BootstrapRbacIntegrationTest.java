package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.model.ClusterSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real default RBAC of a fresh cluster (Kubernetes bootstrap policy golden files, see ORIGIN.md). */
class BootstrapRbacIntegrationTest {

    static ClusterSnapshot snapshot;
    static RbacEngine engine;

    @BeforeAll
    static void load() {
        ClusterSnapshot.Builder b = BootstrapRbac.load();
        b.secrets.add(Fx.secret("default", "app-db"));
        snapshot = b.build();
        engine = RbacEngine.of(snapshot);
    }

    private static List<String> who(String verb, String ns) {
        return engine.whoCan(Request.resource(verb, "", "secrets", ns)).stream().map(a -> a.subject().display()).toList();
    }

    @Test
    void theFilesLoad() {
        assertThat(snapshot.roles()).hasSize(31 + 38 + 7);
        assertThat(snapshot.bindings()).hasSize(10 + 38 + 7);
    }

    @Test
    void whoCanListSecretsClusterWideInAFreshCluster() {
        assertThat(who("list", "")).containsExactly(
                "Group/system:masters",
                "ServiceAccount/kube-system/generic-garbage-collector",
                "ServiceAccount/kube-system/namespace-controller",
                "ServiceAccount/kube-system/resourcequota-controller",
                "User/system:kube-controller-manager");
        assertThat(who("watch", "")).isEqualTo(who("list", ""));
    }

    @Test
    void whoCanGetSecretsClusterWideAndWhy() {
        List<RbacEngine.SubjectAccess> get = engine.whoCan(Request.resource("get", "", "secrets", ""));
        assertThat(get).extracting(a -> a.subject().display()).containsExactly(
                "Group/system:masters",
                "ServiceAccount/kube-system/generic-garbage-collector",
                "ServiceAccount/kube-system/namespace-controller",
                "User/system:kube-controller-manager");
        RbacEngine.SubjectAccess masters = get.get(0);
        assertThat(masters.via()).extracting(Grant::binding)
                .containsExactly(Grant.MASTERS_BINDING, "ClusterRoleBinding/cluster-admin");
        RbacEngine.SubjectAccess kcm = get.get(3);
        assertThat(kcm.via()).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo("ClusterRole/system:kube-controller-manager");
            assertThat(g.rule().resources()).contains("secrets");
        });
        // the garbage collector reads through a wildcard resource rule
        assertThat(get.get(1).via().get(0).rule().resources()).contains("*");
    }

    @Test
    void everyoneAuthenticatedCannotReadSecrets() {
        Identity anyUser = Identity.of("alice", List.of());
        assertThat(engine.allows(anyUser, Request.resource("get", "", "secrets", "default"))).isFalse();
        assertThat(engine.allows(anyUser, Request.nonResource("get", "/healthz"))).isTrue();
        assertThat(engine.allows(anyUser, Request.nonResource("get", "/version"))).isTrue();
        assertThat(engine.allows(Identity.of("system:anonymous", List.of()), Request.nonResource("get", "/healthz"))).isTrue();
        assertThat(engine.allows(Identity.of("system:anonymous", List.of()), Request.nonResource("get", "/api"))).isFalse();
        assertThat(engine.allows(anyUser, Request.resource("create", "authorization.k8s.io", "selfsubjectaccessreviews", ""))).isTrue();
    }

    @Test
    void aggregatedRolesAreComputedViewEditAdmin() {
        assertThat(engine.computedAggregations()).contains("admin", "edit", "view");
        Request readSecrets = Request.resource("get", "", "secrets", "team");
        assertThat(RbacMatch.anyRuleAllows(engine.rulesOf("ClusterRole/view"), readSecrets)).isFalse();
        assertThat(RbacMatch.anyRuleAllows(engine.rulesOf("ClusterRole/edit"), readSecrets)).isTrue();
        assertThat(RbacMatch.anyRuleAllows(engine.rulesOf("ClusterRole/admin"), readSecrets)).isTrue();
        assertThat(RbacMatch.anyRuleAllows(engine.rulesOf("ClusterRole/admin"),
                Request.resource("create", "rbac.authorization.k8s.io", "rolebindings", "team"))).isTrue();
        assertThat(RbacMatch.anyRuleAllows(engine.rulesOf("ClusterRole/edit"),
                Request.resource("create", "rbac.authorization.k8s.io", "rolebindings", "team"))).isFalse();
        assertThat(engine.rulesOf("ClusterRole/view")).isNotEmpty();
    }

    @Test
    void theUpstreamDriftShowsAsADanglingBinding() {
        assertThat(engine.danglingBindings()).singleElement().asString()
                .contains("system:controller:podcheckpoint-controller");
    }

    @Test
    void aFreshClusterHasNoUserRisks() {
        List<Finding> rbac = dev.kustodian.core.analysis.Analysis.of(snapshot).findings().stream()
                .filter(f -> "rbac".equals(f.area())).toList();
        assertThat(rbac).isNotEmpty();
        assertThat(rbac).allSatisfy(f -> assertThat(f.system()).as(f.id()).isTrue());
        assertThat(rbac).extracting(Finding::id).doesNotHaveDuplicates();
        assertThat(rbac).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("RBAC-CLUSTER-ADMIN");
            assertThat(f.cis()).containsExactly("5.1.1");
        });
    }

    @Test
    void readersOfASecretInAFreshCluster() {
        List<Reader> readers = new SecretReaders(engine).readers("default", "app-db");
        assertThat(readers).allMatch(Reader::system);
        assertThat(readers).filteredOn(Reader::direct).extracting(r -> r.subject().display()).contains(
                "Group/system:masters", "User/system:kube-controller-manager",
                "ServiceAccount/kube-system/generic-garbage-collector");
        // controllers that create pods read it indirectly
        assertThat(readers).filteredOn(r -> !r.direct()).extracting(r -> r.subject().display())
                .contains("ServiceAccount/kube-system/replicaset-controller", "ServiceAccount/kube-system/job-controller");
    }
}
