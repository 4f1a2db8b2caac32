package dev.kustodian.core.encryption;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.NodeInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.WorkloadInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionRulesTest {
    static WorkloadInfo apiserver(String name, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("kube-apiserver", "--etcd-servers=https://127.0.0.1:2379"));
        cmd.addAll(List.of(args));
        PodSpecInfo.Container c = new PodSpecInfo.Container("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.31.0",
                false, null, null, null, cmd, false);
        PodSpecInfo spec = new PodSpecInfo("default", null, null, null, List.of(c), null, true, "cp-1");
        ObjectMeta meta = new ObjectMeta("kube-system", name, null, Map.of("component", "kube-apiserver", "tier", "control-plane"),
                null, null, null, null);
        return new WorkloadInfo("Pod", meta, spec, "Running");
    }

    static NodeInfo node(String providerId, Map<String, String> labels) {
        return new NodeInfo(new ObjectMeta("", "n1", null, labels, null, null, null, null), providerId, "v1.31.0", "linux");
    }

    static List<Finding> findings(WorkloadInfo... pods) {
        return findings(List.of(), pods);
    }

    static List<Finding> findings(List<NodeInfo> nodes, WorkloadInfo... pods) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "t", "", "", Instant.EPOCH, null));
        b.workloads.addAll(List.of(pods));
        b.nodes.addAll(nodes);
        return Rules.evaluate(AnalysisContext.of(b.build()), new EncryptionRules().rules());
    }

    @Test
    void notConfigured() {
        List<Finding> f = findings(apiserver("kube-apiserver-cp-1"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("ENC-NOT-CONFIGURED");
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
            assertThat(x.cis()).containsExactly("1.2.27");
            assertThat(x.fix()).isEqualTo("encryption-config");
            assertThat(x.area()).isEqualTo("encryption");
            assertThat(x.object().display()).isEqualTo("Pod/kube-system/kube-apiserver-cp-1");
        });
    }

    @Test
    void configuredWithAndWithoutAutomaticReload() {
        assertThat(findings(apiserver("a", "--encryption-provider-config=/etc/kubernetes/enc/enc.yaml")))
                .extracting(Finding::rule).containsExactly("ENC-NO-AUTO-RELOAD");
        assertThat(findings(apiserver("a", "--encryption-provider-config", "/etc/kubernetes/enc/enc.yaml",
                "--encryption-provider-config-automatic-reload=true"))).isEmpty();
        assertThat(findings(apiserver("a", "--encryption-provider-config=/e.yaml", "--encryption-provider-config-automatic-reload")))
                .isEmpty();
        // two control-plane nodes, one not patched yet
        assertThat(findings(apiserver("a", "--encryption-provider-config=/e.yaml", "--encryption-provider-config-automatic-reload=true"),
                apiserver("b"))).extracting(f -> f.object().name()).containsExactly("b");
    }

    @Test
    void managedClustersGetTheProvidersWay() {
        List<NodeInfo> eks = List.of(node("aws:///eu-west-1a/i-0abc", Map.of("eks.amazonaws.com/nodegroup", "ng-1")));
        List<Finding> f = findings(eks);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("ENC-MANAGED");
            assertThat(x.remediation()).contains("aws eks associate-encryption-config");
            assertThat(x.fix()).isNull();
        });
        assertThat(findings(List.of(node("gce://p/z/n", Map.of("cloud.google.com/gke-nodepool", "default-pool")))))
                .singleElement().satisfies(x -> assertThat(x.remediation()).contains("gcloud container clusters update"));
        assertThat(findings(List.of(node("azure:///subscriptions/x", Map.of("kubernetes.azure.com/cluster", "mc_rg")))))
                .singleElement().satisfies(x -> assertThat(x.remediation()).contains("az aks update"));
        // self-managed on AWS (no EKS labels) is not managed
        assertThat(findings(List.of(node("aws:///eu-west-1a/i-0abc", Map.of())))).isEmpty();
        // a visible unencrypted apiserver on a managed-looking cluster: the provider's way, no kubeadm wizard
        List<Finding> both = findings(eks, apiserver("kube-apiserver-x"));
        assertThat(both).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("ENC-NOT-CONFIGURED");
            assertThat(x.fix()).isNull();
            assertThat(x.remediation()).contains("aws eks");
        });
    }

    @Test
    void registeredInTheAnalysis() {
        assertThat(dev.kustodian.core.analysis.Analysis.allRules()).extracting(r -> r.id()).contains("ENC-NOT-CONFIGURED", "ENC-NO-AUTO-RELOAD", "ENC-MANAGED");
    }
}
