package dev.kustodian.core.findings;

import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CisBenchmarksTest {

    @ParameterizedTest(name = "encryption providers configured is {1} in {0}")
    @CsvSource({"cis-1.6, 1.2.34", "cis-1.8, 1.2.29", "cis-1.9, 1.2.28", "cis-1.10, 1.2.28", "cis-1.11, 1.2.28",
            "cis-1.12, 1.2.28"})
    void encryptionProvidersConfiguredPerBenchmark(String benchmark, String id) {
        assertThat(CisBenchmarks.text("encryption-providers-configured"))
                .isEqualTo("Ensure that encryption providers are appropriately configured");
        assertThat(CisBenchmarks.id("encryption-providers-configured", benchmark)).contains(id);
    }

    @ParameterizedTest(name = "minimize access to secrets is {1} in {0}")
    @CsvSource({"cis-1.6, 5.1.2", "cis-1.8, 5.1.2", "cis-1.12, 5.1.2", "eks-1.8.0, 4.1.2", "gke-1.9.0, 4.1.2",
            "aks-1.8, 4.1.2"})
    void minimizeAccessToSecretsPerBenchmark(String benchmark, String id) {
        assertThat(CisBenchmarks.control("5.1.2")).contains("minimize-access-to-secrets");
        assertThat(CisBenchmarks.ids(List.of("5.1.2"), benchmark)).containsExactly(id);
    }

    @Test
    void controlsAreMatchedByTextNotNumber() {
        // "The default namespace should not be used" moved from 5.7.4 (cis-1.10) to 5.6.4 (cis-1.11, cis-1.12)
        assertThat(CisBenchmarks.ids(List.of("5.7.4"), "cis-1.10")).containsExactly("5.7.4");
        assertThat(CisBenchmarks.ids(List.of("5.7.4"), "cis-1.12")).containsExactly("5.6.4");
        // --encryption-provider-config: 1.2.27 in cis-1.12, 1.2.33 in cis-1.6, absent from the EKS benchmark
        assertThat(CisBenchmarks.ids(List.of("1.2.27"), "cis-1.6")).containsExactly("1.2.33");
        assertThat(CisBenchmarks.ids(List.of("1.2.27"), "eks-1.8.0")).isEmpty();
        Finding f = Finding.of("R", "rbac", Severity.HIGH, ObjectRef.cluster(), "t", "e", "r",
                List.of("5.1.2", "5.1.8"));
        assertThat(CisBenchmarks.translate(f, "gke-1.9.0").cis()).containsExactly("4.1.2", "4.1.7");
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(nullValues = "-", value = {"v1.27.3, -, cis-1.9", "v1.28.0, -, cis-1.10", "v1.29.1, -, cis-1.11",
            "v1.31.0, -, cis-1.11", "v1.32.2, -, cis-1.12", "v1.34.0, -, cis-1.12", "v1.26.1, -, cis-1.8",
            "v1.25.0, -, cis-1.7", "v1.24.0, -, cis-1.24", "v1.23.0, -, cis-1.23", "v1.20.0, -, cis-1.20",
            "v1.17.0, -, cis-1.6", "v1.15.0, -, cis-1.5", "'', -, cis-1.12", "v1.30.2-eks-1234, EKS, eks-1.8.0",
            "v1.30.0-gke.100, GKE, gke-1.9.0", "v1.30.0, AKS, aks-1.8"})
    void defaultBenchmarkAsKubeBenchMapsIt(String version, String platform, String expected) {
        assertThat(CisBenchmarks.defaultFor(version, platform)).isEqualTo(expected);
        assertThat(CisBenchmarks.names()).contains(expected);
    }

    @Test
    void unknownBenchmarkIsBadInputListingTheValidOnes() {
        assertThat(CisBenchmarks.require("cis-1.9")).isEqualTo("cis-1.9");
        assertThatThrownBy(() -> CisBenchmarks.require("cis-9.9")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("'cis-9.9'").hasMessageContaining("cis-1.12").hasMessageContaining("eks-1.8.0");
    }

    /** The streaming read gives what Jackson's tree of the same file holds: every benchmark, control, text and id. */
    @Test
    void tableIsReadAsJacksonsTreeReadsIt() throws Exception {
        JsonNode root;
        try (InputStream in = CisBenchmarks.class.getResourceAsStream("cis-controls.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        root.get("benchmarks").forEach(n -> names.add(n.asText()));
        assertThat(CisBenchmarks.names()).isEqualTo(names.stream().sorted().toList()).hasSizeGreaterThan(20);
        int controls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("controls").fields(); it.hasNext(); controls++) {
            Map.Entry<String, JsonNode> c = it.next();
            assertThat(CisBenchmarks.text(c.getKey())).isEqualTo(c.getValue().get("text").asText());
            assertThat(CisBenchmarks.control(c.getValue().get("ruleId").asText())).contains(c.getKey());
            for (String benchmark : names) {
                JsonNode id = c.getValue().get("ids").get(benchmark);
                assertThat(CisBenchmarks.id(c.getKey(), benchmark))
                        .isEqualTo(java.util.Optional.ofNullable(id == null ? null : id.asText()));
            }
        }
        assertThat(controls).isGreaterThan(10);
    }
}
