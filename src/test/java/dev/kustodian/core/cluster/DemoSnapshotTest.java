package dev.kustodian.core.cluster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo read straight from its files (no API server) is the same cluster as the demo loaded through its API
 * server: the same objects, identity, discovery and version, hence the same findings; and its client starts the
 * API server only when used.
 */
class DemoSnapshotTest {
    private static ClusterSession direct;
    private static ClusterSession served;
    private static boolean directStartedServer;
    private static final Instant LOADED = Instant.now();

    @BeforeAll
    static void load() {
        DemoCluster.stop();
        direct = DemoCluster.open(Progress.NONE, new Cancellation());
        directStartedServer = DemoCluster.running();
        served = LiveLoader.openDemo(Progress.NONE, new Cancellation());
    }

    @AfterAll
    static void close() {
        direct.close();
        served.close();
    }

    @Test
    void readingTheFilesStartsNoApiServer() {
        assertThat(directStartedServer).isFalse();
        assertThat(direct.snapshot().source().kind()).isEqualTo(served.snapshot().source().kind());
        assertThat(direct.snapshot().source().label()).isEqualTo(served.snapshot().source().label());
        assertThat(direct.snapshot().source().serverVersion()).isEqualTo(served.snapshot().source().serverVersion());
        assertThat(direct.snapshot().source().identity()).isEqualTo(served.snapshot().source().identity());
        assertThat(direct.snapshot().gaps()).isEqualTo(served.snapshot().gaps()).isEmpty();
        assertThat(direct.snapshot().notes()).isEqualTo(served.snapshot().notes());
    }

    @Test
    void sameObjectsAsThroughTheApiServer() {
        JsonNode a = normalised(direct.snapshot());
        JsonNode b = normalised(served.snapshot());
        for (String f : b.propertyNames()) {
            assertThat(a.get(f)).as(f).isEqualTo(b.get(f));
        }
        assertThat(a).isEqualTo(b);
        assertThat(direct.snapshot().secrets()).hasSizeGreaterThan(5);
        assertThat(direct.snapshot().apiResources()).containsExactlyElementsOf(served.snapshot().apiResources());
    }

    @Test
    void sameFindings() {
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        List<Finding> a = comparable(Analysis.of(direct.snapshot(), clock).findings());
        List<Finding> b = comparable(Analysis.of(served.snapshot(), clock).findings());
        assertThat(a).hasSizeGreaterThan(50).containsExactlyElementsOf(b);
    }

    /**
     * A snapshot file read back is the snapshot it was written from: the same API resources (the core group's
     * empty name survives the file, which leaves empty strings out) and the same findings and coverage, in YAML and
     * JSON.
     */
    @Test
    void aSnapshotFileReadsBackAsTheSameSnapshot(@TempDir Path dir) throws Exception {
        ClusterSnapshot s = direct.snapshot();
        assertThat(s.apiResources()).anyMatch(r -> r.group().isEmpty());
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        Analysis original = Analysis.of(s, clock);
        for (String name : List.of("demo.yaml", "demo.json")) {
            Path f = dir.resolve(name);
            SnapshotFileWriter.write(s, f);
            ClusterSnapshot read = SnapshotFileLoader.load(f, Progress.NONE, new Cancellation());
            assertThat(read.apiResources()).as(name).containsExactlyElementsOf(s.apiResources());
            assertThat(Coverage.of(read, Analysis.allRules())).as(name)
                    .isEqualTo(Coverage.of(s, Analysis.allRules()));
            assertThat(Analysis.of(read, clock).findings()).as(name)
                    .containsExactlyInAnyOrderElementsOf(original.findings());
        }
    }

    /** The expiring certificate is issued anew on every start: its expiry date is not compared. */
    private static List<Finding> comparable(List<Finding> findings) {
        return findings.stream().map(f -> f.id().equals("SEC-TLS-EXPIRING:Secret/shop/shop-web-tls")
                ? new Finding(f.id(), f.rule(), f.area(), f.severity(), f.title(), "(expiry date of a new certificate)",
                f.object(), f.cis(), f.remediation(), f.system(), f.fix()) : f).toList();
    }

    @Test
    void theClusterReachesTheApiServer() {
        assertThat(direct.cluster().orElseThrow().secretNames("shop")).contains("db-credentials");
    }

    /**
     * The snapshot as its file would hold it, without what differs per load: uids, keyed fingerprints, the load
     * time (the creation time of objects the files give none), the certificate issued anew on every start.
     */
    static JsonNode normalised(ClusterSnapshot s) {
        return ComparableSnapshots.normalised(s, o -> {
            o.remove("uid");
            o.remove("fingerprint");
            for (String time : List.of("created", "lastModified")) {
                if (o.get(time) != null && Instant.parse(o.get(time).asText()).isAfter(LOADED.minusSeconds(600))) {
                    o.put(time, "(load time)");
                }
            }
        }, n -> {
            for (JsonNode secret : n.get("secrets")) {
                if (secret.get("meta").get("name").asText().equals("shop-web-tls")) {
                    ((ObjectNode) secret).remove("tls");
                    ((ObjectNode) secret).remove("keys");
                }
            }
        });
    }
}
