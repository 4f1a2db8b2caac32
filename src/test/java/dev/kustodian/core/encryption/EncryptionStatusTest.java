package dev.kustodian.core.encryption;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionStatusTest {
    static ClusterSnapshot snapshot(dev.kustodian.core.model.WorkloadInfo... pods) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "t", "", "", Instant.EPOCH, null));
        b.workloads.addAll(java.util.List.of(pods));
        return b.build();
    }

    @Test
    void describesFlagsMetricsAndConfigHash() {
        byte[] file = "apiVersion: apiserver.config.k8s.io/v1\n".getBytes();
        ApiserverMetrics m = ApiserverMetrics.parse(ApiserverMetricsTest.TEXT.formatted(ApiserverMetrics.sha256Hex(file)));
        EncryptionStatus.Status s = EncryptionStatus.describe(snapshot(EncryptionRulesTest.apiserver("kube-apiserver-cp-1",
                "--encryption-provider-config=/etc/kubernetes/enc/enc.yaml", "--encryption-provider-config-automatic-reload=true")),
                Optional.of(m), Optional.of(file));
        assertThat(s.lines()).contains(
                "kube-apiserver kube-apiserver-cp-1 on cp-1: --encryption-provider-config=/etc/kubernetes/enc/enc.yaml, automatic reload on",
                "Metrics: Secret writes by transformer prefix: k8s:enc:secretbox:v1:key2 × 30, k8s:enc:aesgcm:v1:key1 × 3",
                "Metrics: the API server reports having loaded exactly the given config file.");
        assertThat(s.findings()).isEmpty();
        EncryptionStatus.Status other = EncryptionStatus.describe(snapshot(EncryptionRulesTest.apiserver("a")), Optional.of(m),
                Optional.of("x".getBytes()));
        assertThat(other.lines()).anyMatch(l -> l.contains("NO --encryption-provider-config"))
                .anyMatch(l -> l.contains("differs from the given file"));
        assertThat(other.findings()).extracting(f -> f.rule()).containsExactly("ENC-NOT-CONFIGURED");
        assertThat(EncryptionStatus.describe(snapshot(), Optional.empty(), Optional.empty()).lines())
                .anyMatch(l -> l.startsWith("No kube-apiserver pod is visible"))
                .anyMatch(l -> l.startsWith("Metrics: /metrics not read"));
        assertThat(EncryptionStatus.describe(snapshot(), Optional.of(ApiserverMetrics.parse("")), Optional.empty()).lines())
                .contains("Metrics: no Secret writes recorded since the API server started.");
    }
}
