package dev.kustodian.core.cluster;

import com.sun.net.httpserver.HttpServer;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live load whose list pages are streamed into the model gives the same snapshot as fabric8's typed listing and
 * {@link ModelConverter} (on a generated cluster served over loopback, pages of 500 with continue tokens).
 */
class StreamedListsTest {

    @Test
    void sameSnapshotAsTheTypedListing(@TempDir Path dir) throws Exception {
        HttpServer server = SyntheticApiServer.serve(new SyntheticClusterJson.Counts(12, 1_100, 700, 300, 40, 30, 60,
                8, 8));
        try {
            Path kc = TestKubeconfigs.write(dir.resolve("kubeconfig"),
                    Map.of("synthetic", "http://127.0.0.1:" + server.getAddress().getPort()), Map.of());
            ClusterSnapshot streamed;
            ClusterSnapshot typed;
            try (ClusterSession s = LiveLoader.open(SourceSpec.live(kc, "synthetic"), Progress.NONE, new Cancellation())) {
                streamed = s.snapshot();
            }
            StreamedLists.enabled = false;
            try (ClusterSession s = LiveLoader.open(SourceSpec.live(kc, "synthetic"), Progress.NONE, new Cancellation())) {
                typed = s.snapshot();
            } finally {
                StreamedLists.enabled = true;
            }
            assertThat(streamed.secrets()).hasSize(1_100);
            assertThat(streamed.workloads()).hasSize(700);
            assertThat(streamed.gaps()).isEmpty();
            JsonNode a = normalised(streamed);
            JsonNode b = normalised(typed);
            for (String f : b.propertyNames()) {
                assertThat(a.get(f)).as(f).isEqualTo(b.get(f));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPageIsReadItemByItemWithItsContinueToken() {
        String page = """
                {"kind":"SecretList","apiVersion":"v1","metadata":{"resourceVersion":"7","continue":"tok-2"},
                 "items":[{"metadata":{"name":"a","namespace":"n"},"data":{"k":"dg=="}},
                          {"metadata":{"name":"b","namespace":"n"},"type":"kubernetes.io/tls"}],"extra":{"x":[1]}}""";
        StreamedLists.Page p = StreamedLists.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), "v1");
        assertThat(p.items).hasSize(2);
        assertThat(p.items.get(1).get("type")).isEqualTo("kubernetes.io/tls");
        assertThat(p.getMetadata().getContinue()).isEqualTo("tok-2");
        assertThat(p.getItems()).isEmpty();
        StreamedLists.Page last = StreamedLists.parse(new ByteArrayInputStream(
                "{\"metadata\":{\"continue\":\"\"},\"items\":[]}".getBytes(StandardCharsets.UTF_8)), "v1");
        assertThat(last.getMetadata().getContinue()).isNull();
    }

    /** The snapshot as its file holds it, without what differs per load (keyed fingerprints, load time). */
    private static JsonNode normalised(ClusterSnapshot s) {
        return ComparableSnapshots.normalised(s, o -> o.remove("fingerprint"), n -> {
        });
    }
}
