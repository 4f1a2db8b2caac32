package dev.kustodian.ui.encryption;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.encryption.EncryptionConfigBuilder;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.port.FakeClusterPort;
import dev.kustodian.ui.framework.QueuedTaskExecutor;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The page model on a live cluster (a fake port): /metrics prefixes per operation and the loaded-config hash. */
class EncryptionViewModelTest {
    private final FakeClusterPort cluster = new FakeClusterPort("prod");

    static final String METRICS = """
            # TYPE apiserver_storage_transformation_operations_total counter
            apiserver_storage_transformation_operations_total{resource="secrets",status="OK",transformation_type="to_storage",transformer_prefix="k8s:enc:secretbox:v1:key2"} 30
            apiserver_storage_transformation_operations_total{resource="secrets",status="OK",transformation_type="from_storage",transformer_prefix="identity"} 7
            # TYPE apiserver_encryption_config_controller_last_config_info gauge
            apiserver_encryption_config_controller_last_config_info{apiserver_id_hash="sha256:abc",hash="sha256:%s"} 1
            """;

    static String sha256Hex(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void metricsPerOperationAndTheLoadedFileComparison(@TempDir Path dir) throws Exception {
        Path file = EncryptionWizardsTest.currentConfig(dir, "key2");
        byte[] bytes = Files.readAllBytes(file);
        cluster.metrics(METRICS.formatted(sha256Hex(bytes)));
        ClusterSnapshot snap = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.LIVE, "prod", "", "v1.31.2",
                Instant.EPOCH, null)).build();
        EncryptionViewModel vm = new EncryptionViewModel(new SameThreadTaskExecutor());
        vm.update(snap, ClusterSession.over(SourceSpec.demo(), snap, cluster, "prod"));
        assertThat(vm.metricsTextProperty().get())
                .contains("Secret writes by transformer prefix: k8s:enc:secretbox:v1:key2 × 30")
                .contains("Secret reads by transformer prefix: identity × 7")
                .contains("loaded config hash sha256:");
        vm.openConfig(file);
        assertThat(vm.configSummaryProperty().get()).contains("The API servers report having loaded exactly this file.");
        Path other = EncryptionWizardsTest.currentConfig(dir.resolve("o"), "key3");
        vm.openConfig(other);
        assertThat(vm.configSummaryProperty().get()).contains("report a different loaded config");
        assertThat(vm.configSummaryProperty().get() + vm.coverage()).doesNotContain(EncryptionConfigBuilder.MASK);
    }

    /** A /metrics answer for the previous cluster that arrives after a new load does not repaint the page. */
    @Test
    void aLateMetricsAnswerOfThePreviousLoadIsDropped() {
        cluster.metrics(METRICS.formatted("00"));
        ClusterSnapshot live = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.LIVE, "prod", "", "v1.31.2",
                Instant.EPOCH, null)).build();
        ClusterSnapshot offline = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "audit.yaml", "",
                "v1.31.2", Instant.EPOCH, null)).build();
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        EncryptionViewModel vm = new EncryptionViewModel(tasks);
        vm.update(live, ClusterSession.over(SourceSpec.demo(), live, cluster, "prod"));
        assertThat(vm.metricsTextProperty().get()).isEqualTo("Metrics: reading /metrics…");
        vm.update(offline, new ClusterSession(SourceSpec.demo(), offline, null, null));
        String offlineText = vm.metricsTextProperty().get();
        assertThat(offlineText).startsWith("Metrics: not read");

        tasks.runNext(); // the first cluster's /metrics answer arrives late

        assertThat(vm.metricsTextProperty().get()).isEqualTo(offlineText).doesNotContain("transformer prefix");
    }
}
