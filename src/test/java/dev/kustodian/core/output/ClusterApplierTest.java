package dev.kustodian.core.output;

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
class ClusterApplierTest {
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
        List<ClusterApplier.Outcome> dry = ClusterApplier.apply(client, configMap("a"), true, new Cancellation());
        assertThat(dry).singleElement().satisfies(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.message()).startsWith("dry run rejected: ");
        });
    }

    @Test
    void dryRunChangesNothingAndApplyCreatesThenUpdates() {
        List<ClusterApplier.Outcome> dry = ClusterApplier.apply(client, configMap("a"), true, new Cancellation(), false);
        assertThat(dry).singleElement().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.message()).contains("would be created").contains("unvalidated");
        });
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNull();

        List<ClusterApplier.Outcome> created = ClusterApplier.apply(client, configMap("a"), false, new Cancellation(), false);
        assertThat(created).singleElement().satisfies(o -> assertThat(o.ok()).as(o.message()).isTrue());
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("mode", "a");

        List<ClusterApplier.Outcome> updated = ClusterApplier.apply(client, configMap("b"), false, new Cancellation(), false);
        assertThat(updated).singleElement().satisfies(o -> assertThat(o.message()).contains("updated"));
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("mode", "b");
    }
}
