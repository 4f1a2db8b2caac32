package dev.kustodian.core.externalsecrets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precompiled schema index shipped in resources/crds/compiled/ must be exactly what the bundled CRD YAML
 * converts to. Regenerate after changing a CRD:
 * {@code mvn -B -o -q test -Dtest=SchemaIndexTest -Dtest.extraArgs=-Dkustodian.regenerateSchemas=true}.
 */
class SchemaIndexTest {

    @Test
    void shippedIndexMatchesTheBundledCrds() throws IOException {
        boolean regenerate = Boolean.getBoolean("kustodian.regenerateSchemas");
        for (SchemaValidator.CrdResource c : SchemaValidator.BUNDLED) {
            String expected = SchemaValidator.indexJson(SchemaValidator.compileIndex(SchemaValidator.readCrd(c.file())));
            String name = c.file().replaceAll("\\.yaml$", ".json");
            if (regenerate) {
                Path dir = Path.of("resources/crds/compiled");
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(name), expected);
                continue;
            }
            try (InputStream in = SchemaIndexTest.class.getResourceAsStream("/kustodian/crds/compiled/" + name)) {
                assertThat(in).as("compiled index for " + c.file() + " (regenerate: see class comment)").isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("compiled index for " + c.file() + " is stale (regenerate: see class comment)")
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void firstValidationOfAStoreUsesTheIndexAndIsFast() {
        // a fresh validator (not the shared instance): the index makes the first store validation cheap
        long t0 = System.nanoTime();
        var problems = SchemaValidator.get().validate(java.util.Map.of("apiVersion", "external-secrets.io/v1",
                "kind", "ClusterSecretStore", "metadata", java.util.Map.of("name", "a"),
                "spec", java.util.Map.of("provider", java.util.Map.of("vault", java.util.Map.of("server", "https://v",
                        "bogus", "x")))));
        assertThat(problems).anySatisfy(p -> assertThat(p.path()).isEqualTo("spec.provider.vault.bogus"));
        System.out.println("first ClusterSecretStore validation: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
