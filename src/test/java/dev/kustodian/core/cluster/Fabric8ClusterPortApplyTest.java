package dev.kustodian.core.cluster;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.port.ClusterPort;

import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.yaml.YamlWriter;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Apply against fabric8's CRUD mock server (the demo cluster's engine), which has no server-side apply. */
class Fabric8ClusterPortApplyTest {
    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(),
                new io.fabric8.mockwebserver.MockWebServer(), new java.util.HashMap<>(),
                new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static Bundle configMap(String value) {
        return Bundle.of("t", List.of(Bundle.yamlObject("cm.yaml", YamlWriter.map("apiVersion", "v1",
                "kind", "ConfigMap", "metadata", YamlWriter.map("name", "settings", "namespace", "shop"),
                "data", YamlWriter.map("mode", value)), null)));
    }

    @Test
    void serverSideApplyErrorsAreReportedAsSentencesNotExceptions() {
        // the mock server has no server-side apply: the real path must report the server's answer, not throw
        List<ClusterPort.ApplyOutcome> dry = new Fabric8ClusterPort(client, "test", true).apply(configMap("a"), true, new Cancellation());
        assertThat(dry).singleElement().satisfies(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.message()).startsWith("dry run rejected: ");
        });
    }

    @Test
    void dryRunChangesNothingAndApplyCreatesThenUpdates() {
        List<ClusterPort.ApplyOutcome> dry = new Fabric8ClusterPort(client, "demo", false).apply(configMap("a"), true, new Cancellation());
        assertThat(dry).singleElement().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.message()).contains("would be created").contains("unvalidated");
        });
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNull();

        List<ClusterPort.ApplyOutcome> created = new Fabric8ClusterPort(client, "demo", false).apply(configMap("a"), false, new Cancellation());
        assertThat(created).singleElement().satisfies(o -> assertThat(o.ok()).as(o.message()).isTrue());
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("mode", "a");

        List<ClusterPort.ApplyOutcome> updated = new Fabric8ClusterPort(client, "demo", false).apply(configMap("b"), false, new Cancellation());
        assertThat(updated).singleElement().satisfies(o -> assertThat(o.message()).contains("updated"));
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("mode", "b");
    }
}
