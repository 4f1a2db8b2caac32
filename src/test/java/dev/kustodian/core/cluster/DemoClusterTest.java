package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded demo cluster, loaded through the live loader (CRUD-mode mock server). */
class DemoClusterTest {

    static ClusterSession session;

    @BeforeAll
    static void load() {
        long t0 = System.nanoTime();
        DemoCluster.start();
        long t1 = System.nanoTime();
        session = LiveLoader.openDemo(Progress.NONE, new Cancellation());
        long t2 = System.nanoTime();
        System.out.printf("demo start %d ms, load %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void sourceIsDemoWithVersionAndIdentity() {
        SourceInfo src = session.snapshot().source();
        assertThat(src.kind()).isEqualTo(SourceInfo.Kind.DEMO);
        assertThat(src.label()).isEqualTo(DemoCluster.CONTEXT);
        assertThat(src.serverVersion()).isEqualTo("v1.31.4");
        assertThat(src.server()).startsWith("http://127.0.0.1:");
        assertThat(src.identity().user()).isEqualTo("kubernetes-admin");
        assertThat(src.identity().groups()).contains("system:masters");
        assertThat(session.spec().kind()).isEqualTo(SourceSpec.Kind.DEMO);
        assertThat(session.cluster()).isPresent();
    }

    @Test
    void loadsEveryKindWithoutGaps() {
        ClusterSnapshot s = session.snapshot();
        assertThat(s.gaps()).isEmpty();
        var counts = s.counts();
        assertThat(counts.get("Namespace")).isEqualTo(8);
        assertThat(counts.get("Node")).isEqualTo(3);
        assertThat(counts.get("CustomResourceDefinition")).isEqualTo(5);
        assertThat(counts.get("Secret")).isGreaterThanOrEqualTo(16);
        assertThat(counts.get("ClusterRole")).isGreaterThan(60);
        assertThat(counts.get("ClusterRoleBinding")).isGreaterThan(45);
        assertThat(counts.get("Pod")).isGreaterThan(10);
        assertThat(counts).containsKeys("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "CronJob");
        assertThat(s.customObjects("external-secrets.io", "ExternalSecret")).hasSize(2);
        assertThat(s.customObjects("external-secrets.io", "ClusterSecretStore")).hasSize(2);
        assertThat(s.customObjects("external-secrets.io", "SecretStore")).hasSize(1);
        assertThat(s.apiResources()).anyMatch(r -> r.resource().equals("pods/exec"));
        assertThat(s.apiResources()).anyMatch(r -> r.group().equals("external-secrets.io"));
    }

    @Test
    void demoRbacHasNoDanglingBindingsSoNoNoteOnEveryRun() {
        // issue 15: the upstream podcheckpoint-controller binding without its role printed a note on every demo run
        assertThat(dev.kustodian.core.rbac.RbacEngine.of(session.snapshot()).danglingBindings()).isEmpty();
    }

    @Test
    void demoDataTriggersTheLaterFeatures() {
        ClusterSnapshot s = session.snapshot();
        var apiserver = s.pods().stream().filter(p -> "kube-apiserver".equals(p.meta().label("component"))).findFirst();
        assertThat(apiserver).isPresent();
        assertThat(s.secret("shop", "shop-web-tls").orElseThrow().tls().notAfter())
                .isBetween(java.time.Instant.now(), java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
        assertThat(s.secret("payments", "payments-legacy-tls").orElseThrow().tls().notAfter())
                .isBefore(java.time.Instant.now());
        assertThat(s.secret("ci", "registry-pull").orElseThrow().dockerConfig().inlineAuth()).isTrue();
        assertThat(s.secret("ci", "ci-deployer-token").orElseThrow().serviceAccountName()).isEqualTo("ci-deployer");
        String a = s.secret("shop", "db-credentials").orElseThrow().keys().stream()
                .filter(k -> k.name().equals("DB_PASSWORD")).findFirst().orElseThrow().fingerprint();
        String b = s.secret("payments", "legacy-db").orElseThrow().keys().get(0).fingerprint();
        assertThat(a).isEqualTo(b);
        assertThat(s.secret("payments", "payments-db").orElseThrow().meta().owners())
                .anyMatch(o -> o.kind().equals("ExternalSecret") && o.name().equals("payments-db"));
        assertThat(s.secret("monitoring", "grafana-admin").orElseThrow().meta().lastModified())
                .isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(90)));
        assertThat(s.configMaps()).anyMatch(c -> c.meta().name().equals("shop-config") && !c.leaks().isEmpty());
        assertThat(s.secrets()).anyMatch(x -> x.type().equals("helm.sh/release.v1"));
        assertThat(s.bindings()).anyMatch(bd -> bd.roleRef().name().equals("cluster-admin")
                && bd.subjects().stream().anyMatch(sub -> sub.kind().equals("Group") && sub.name().equals("platform-team")));
    }
}
