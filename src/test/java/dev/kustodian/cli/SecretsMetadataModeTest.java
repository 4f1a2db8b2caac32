package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.findings.Coverage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --secrets metadata} for the demo and snapshot sources (the live and in-cluster loads are in
 * InClusterPublishTest and ScanCoverageTest): every rule that needs secret values is "not evaluated: metadata-only"
 * in every output format, never a silent pass; exit 5 unless --allow-partial; the rules that need only metadata
 * (RBAC, references) still report.
 */
class SecretsMetadataModeTest {
    /** The rules that need secret values (type, keys, TLS dates, fingerprints, registry hosts). */
    static final Set<String> VALUE_RULES = Set.of("SEC-TLS-EXPIRED", "SEC-SHARED-VALUE", "SEC-DEFAULT-NAMESPACE");

    private static List<String> rules(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void theDemoInMetadataModeReportsTheValueChecksAsNotEvaluatedInEveryFormat() throws Exception {
        CliRun full = CliRun.run("scan", "--demo", "-q", "-o", "json");
        JsonNode fullRoot = new ObjectMapper().readTree(full.out());
        List<String> fullRules = rules(fullRoot.path("findings"), "rule");
        assertThat(fullRules).contains("SEC-TLS-EXPIRED", "RBAC-SECRETS-LIST");

        CliRun json = CliRun.run("scan", "--demo", "-q", "-o", "json", "--secrets",
                "metadata");
        assertThat(json.code()).as(json.err()).isEqualTo(ScanCommand.EXIT_INCOMPLETE);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("summary").path("complete").asBoolean(true)).isFalse();
        JsonNode gap = root.path("gaps").get(0);
        assertThat(gap.path("resource").asText()).isEqualTo(Coverage.SECRET_VALUES);
        assertThat(gap.path("reason").asText()).contains("metadata-only", "TLS dates", "fingerprints");
        List<String> notEvaluated = new ArrayList<>();
        root.path("notEvaluated").forEach(n -> {
            notEvaluated.add(n.path("rule").asText());
            assertThat(n.path("reason").asText()).startsWith("not evaluated: metadata-only");
        });
        assertThat(notEvaluated).containsAll(VALUE_RULES).doesNotContain("RBAC-SECRETS-LIST", "SEC-ENV");
        List<String> metadataRules = rules(root.path("findings"), "rule");
        assertThat(metadataRules).doesNotContainAnyElementsOf(VALUE_RULES).contains("RBAC-SECRETS-LIST", "SEC-ENV");

        CliRun table = CliRun.run("scan", "--demo", "-q", "--secrets", "metadata",
                "--allow-partial");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("VISIBILITY GAPS (1)", "SEC-TLS-EXPIRED: not evaluated: metadata-only");
        for (String format : List.of("markdown", "html", "sarif", "policyreport")) {
            CliRun out = CliRun.run("scan", "--demo", "-q", "--secrets", "metadata",
                    "--allow-partial", "-o", format);
            assertThat(out.code()).as(format + ": " + out.err()).isZero();
            assertThat(out.out()).as(format).contains("metadata-only").contains("SEC-TLS-EXPIRED");
        }
    }

    @Test
    void aSnapshotInMetadataModeKeepsNoValueFacts() throws Exception {
        Path snap = Path.of("src/test/resources/snapshots/basic");
        CliRun json = CliRun.run("scan", "--snapshot", snap.toString(), "-q", "-o",
                "json", "--secrets", "metadata", "--allow-partial");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(rules(root.path("gaps"), "resource")).contains(Coverage.SECRET_VALUES);
        assertThat(rules(root.path("notEvaluated"), "rule")).isNotEmpty();
        assertThat(rules(root.path("findings"), "rule")).doesNotContainAnyElementsOf(VALUE_RULES);
    }

    @Test
    void anUnknownModeIsBadInput() {
        CliRun bad = CliRun.run("scan", "--demo", "--secrets", "some");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--secrets", "use metadata or full");
    }
}
