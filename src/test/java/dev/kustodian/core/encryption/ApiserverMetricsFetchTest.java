package dev.kustodian.core.encryption;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ApiserverMetrics#fetch}: kube-apiserver's exposition is parsed; anything else is "not read". */
@EnableKubernetesMockClient
class ApiserverMetricsFetchTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void readsTheApiserverExposition() {
        server.expect().get().withPath("/metrics").andReturn(200, ApiserverMetricsTest.TEXT.formatted("00")).once();
        assertThat(ApiserverMetrics.fetch(new dev.kustodian.core.cluster.Fabric8ClusterPort(client, "test", true))).hasValueSatisfying(m ->
                assertThat(m.secretWritesByPrefix()).containsKey("k8s:enc:secretbox:v1:key2"));
    }

    @Test
    void anAnswerThatIsNotTheApiserverExpositionIsNotRead() {
        server.expect().get().withPath("/metrics").andReturn(200, "{}").once();
        assertThat(ApiserverMetrics.fetch(new dev.kustodian.core.cluster.Fabric8ClusterPort(client, "test", true))).isEmpty();
    }

    @Test
    void forbiddenIsNotRead() {
        server.expect().get().withPath("/metrics").andReturn(403, "forbidden").once();
        assertThat(ApiserverMetrics.fetch(new dev.kustodian.core.cluster.Fabric8ClusterPort(client, "test", true))).isEmpty();
    }
}
