package dev.kustodian.core.cluster;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.port.ClusterPort;

import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.yaml.YamlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Apply against fabric8's CRUD mock server (the demo cluster's engine), which has no server-side apply. */
class Fabric8ClusterPortApplyTest {
    @RegisterExtension
    final MockApiServer mock = MockApiServer.crud();

    private static Bundle configMap(String value) {
        return Bundle.of("t", List.of(Bundle.yamlObject("cm.yaml", YamlWriter.map("apiVersion", "v1",
                "kind", "ConfigMap", "metadata", YamlWriter.map("name", "settings", "namespace", "shop"),
                "data", YamlWriter.map("mode", value)), null)));
    }

    @Test
    void serverSideApplyErrorsAreReportedAsSentencesNotExceptions() {
        // the mock server has no server-side apply: the real path must report the server's answer, not throw
        List<ClusterPort.ApplyOutcome> dry = new Fabric8ClusterPort(mock.client(), "test", true).apply(configMap("a"), true, new Cancellation());
        assertThat(dry).singleElement().satisfies(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.message()).startsWith("dry run rejected: ");
        });
    }

    @Test
    void dryRunChangesNothingAndApplyCreatesThenUpdates() {
        List<ClusterPort.ApplyOutcome> dry = new Fabric8ClusterPort(mock.client(), "demo", false).apply(configMap("a"), true, new Cancellation());
        assertThat(dry).singleElement().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.message()).contains("would be created").contains("unvalidated");
        });
        assertThat(mock.client().configMaps().inNamespace("shop").withName("settings").get()).isNull();

        List<ClusterPort.ApplyOutcome> created = new Fabric8ClusterPort(mock.client(), "demo", false).apply(configMap("a"), false, new Cancellation());
        assertThat(created).singleElement().satisfies(o -> assertThat(o.ok()).as(o.message()).isTrue());
        assertThat(mock.client().configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("mode", "a");

        List<ClusterPort.ApplyOutcome> updated = new Fabric8ClusterPort(mock.client(), "demo", false).apply(configMap("b"), false, new Cancellation());
        assertThat(updated).singleElement().satisfies(o -> assertThat(o.message()).contains("updated"));
        assertThat(mock.client().configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("mode", "b");
    }
}
