package dev.kustodian.core.yaml;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Strategic-merge semantics for the plan's workload patches (what the demo's mock server cannot do). */
class StrategicMergeTest {

    @Test
    void mergesContainersByNameDeletesEnvAndAddsMountsAndVolumes() {
        Map<String, Object> target = YamlWriter.map("spec", YamlWriter.map("template", YamlWriter.map("spec",
                YamlWriter.map("containers", List.of(
                        YamlWriter.map("name", "app", "image", "shop:1", "env", List.of(
                                YamlWriter.map("name", "DB_PASSWORD", "valueFrom", YamlWriter.map("secretKeyRef",
                                        YamlWriter.map("name", "db", "key", "password"))),
                                YamlWriter.map("name", "MODE", "value", "prod"))),
                        YamlWriter.map("name", "sidecar", "image", "proxy:2"))))));
        Map<String, Object> patch = YamlWriter.map("spec", YamlWriter.map("template", YamlWriter.map("spec",
                YamlWriter.map("automountServiceAccountToken", false,
                        "containers", List.of(YamlWriter.map("name", "app",
                                "env", List.of(YamlWriter.map("name", "DB_PASSWORD", "$patch", "delete")),
                                "volumeMounts", List.of(YamlWriter.map("name", "secret-db", "mountPath",
                                        "/etc/secrets/db", "readOnly", true)))),
                        "volumes", List.of(YamlWriter.map("name", "secret-db", "secret",
                                YamlWriter.map("secretName", "db")))))));

        Map<String, Object> out = StrategicMerge.apply(target, patch);

        String yaml = YamlWriter.write(out);
        assertThat(yaml).contains("image: shop:1").contains("image: proxy:2").contains("name: MODE")
                .doesNotContain("DB_PASSWORD").doesNotContain("$patch").contains("mountPath: /etc/secrets/db")
                .contains("secretName: db").contains("automountServiceAccountToken: false");
        assertThat(YamlWriter.write(target)).as("the input is not changed").contains("DB_PASSWORD");
    }

    @Test
    void nullRemovesAKeyAndPlainListsAreReplaced() {
        Map<String, Object> target = YamlWriter.map("a", 1, "args", List.of("x", "y"));
        Map<String, Object> patch = new java.util.LinkedHashMap<>();
        patch.put("a", null);
        patch.put("args", List.of("z"));
        assertThat(StrategicMerge.apply(target, patch)).isEqualTo(Map.of("args", List.of("z")));
    }
}
