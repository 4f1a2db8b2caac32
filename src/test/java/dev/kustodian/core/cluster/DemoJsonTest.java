package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's JSON form, written by the build from its YAML files ({@link DemoJson}), holds the same objects as the
 * YAML files, and the demo read from it is the same snapshot as the demo read from the YAML.
 */
class DemoJsonTest {

    @Test
    void theBuildWroteTheJsonFormOfTheYamlFiles() throws Exception {
        assertThat(DemoFiles.class.getResource(DemoFiles.JSON)).as("written by the build (process-classes)").isNotNull();
        List<Map<String, Object>> json = DemoFiles.items();
        List<Map<String, Object>> yaml = DemoJson.yamlItems();
        assertThat(json).hasSameSizeAs(yaml).hasSizeGreaterThan(100);
        for (int i = 0; i < yaml.size(); i++) {
            assertThat(json.get(i)).isEqualTo(yaml.get(i));
            assertSameTypes(json.get(i), yaml.get(i));
        }
    }

    @Test
    void sameSnapshotFromTheJsonAsFromTheYaml() throws Exception {
        ClusterSnapshot fromJson = DemoFiles.snapshot(Progress.NONE, new Cancellation());
        ClusterSnapshot fromYaml = DemoFiles.snapshot(DemoJson.yamlItems(), Progress.NONE, new Cancellation());
        assertThat(DemoSnapshotTest.normalised(fromJson)).isEqualTo(DemoSnapshotTest.normalised(fromYaml));
    }

    /** Same value classes throughout (e.g. an Integer stays an Integer), not only equal values. */
    private static void assertSameTypes(Object a, Object b) {
        if (a instanceof Map<?, ?> ma) {
            assertThat(b).isInstanceOf(Map.class);
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                assertSameTypes(e.getValue(), ((Map<?, ?>) b).get(e.getKey()));
            }
        } else if (a instanceof List<?> la) {
            for (int i = 0; i < la.size(); i++) {
                assertSameTypes(la.get(i), ((List<?>) b).get(i));
            }
        } else if (a != null) {
            assertThat(b).isInstanceOf(a.getClass());
        }
    }
}
