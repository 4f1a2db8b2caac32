package dev.kustodian.core.encryption;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ApiserverMetricsTest {
    static final String TEXT = """
            # HELP apiserver_storage_transformation_operations_total [ALPHA] Total number of transformations.
            # TYPE apiserver_storage_transformation_operations_total counter
            apiserver_storage_transformation_operations_total{resource="secrets",status="OK",transformation_type="from_storage",transformer_prefix="identity"} 40
            apiserver_storage_transformation_operations_total{resource="secrets",status="OK",transformation_type="from_storage",transformer_prefix="k8s:enc:secretbox:v1:key2"} 12
            apiserver_storage_transformation_operations_total{resource="secrets",status="OK",transformation_type="to_storage",transformer_prefix="k8s:enc:secretbox:v1:key2"} 30
            apiserver_storage_transformation_operations_total{resource="secrets",status="OK",transformation_type="to_storage",transformer_prefix="k8s:enc:aesgcm:v1:key1"} 3
            apiserver_storage_transformation_operations_total{resource="secrets",status="Unknown",transformation_type="to_storage",transformer_prefix="k8s:enc:aesgcm:v1:key1"} 9
            apiserver_storage_transformation_operations_total{resource="configmaps",status="OK",transformation_type="to_storage",transformer_prefix="identity"} 99
            # TYPE apiserver_encryption_config_controller_last_config_info gauge
            apiserver_encryption_config_controller_last_config_info{apiserver_id_hash="sha256:abc",hash="sha256:%s"} 1
            """;

    @Test
    void parsesSecretWritesReadsAndTheConfigHash() {
        byte[] file = "apiVersion: apiserver.config.k8s.io/v1\n".getBytes(StandardCharsets.UTF_8);
        ApiserverMetrics m = ApiserverMetrics.parse(TEXT.formatted(ApiserverMetrics.sha256Hex(file)));
        assertThat(m.secretWritesByPrefix()).containsExactly(
                java.util.Map.entry("k8s:enc:secretbox:v1:key2", 30.0), java.util.Map.entry("k8s:enc:aesgcm:v1:key1", 3.0));
        assertThat(m.secretReadsByPrefix()).containsEntry("identity", 40.0).containsEntry("k8s:enc:secretbox:v1:key2", 12.0);
        assertThat(m.dominantWritePrefix()).isEqualTo("k8s:enc:secretbox:v1:key2");
        assertThat(m.reportsConfig(file)).isTrue();
        assertThat(m.reportsConfig("other".getBytes())).isFalse();
        // the double-hash form some versions report
        ApiserverMetrics twice = ApiserverMetrics.parse(TEXT.formatted(
                ApiserverMetrics.sha256Hex(ApiserverMetrics.sha256Hex(file).getBytes(StandardCharsets.US_ASCII))));
        assertThat(twice.reportsConfig(file)).isTrue();
        assertThat(ApiserverMetrics.parse("garbage\n{}\n").secretWritesByPrefix()).isEmpty();
    }
}
