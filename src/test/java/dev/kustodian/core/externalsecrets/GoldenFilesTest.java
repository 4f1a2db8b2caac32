package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.externalsecrets.SecretStoreSpec.*;
import dev.kustodian.core.output.Bundle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files for a few generators (src/test/resources/golden/). Regenerate after an intended change with
 * {@code -Dtest.extraArgs=-Dkustodian.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {

    static void golden(String name, Bundle b) throws IOException {
        String actual = b.previewText();
        if (Boolean.getBoolean("kustodian.updateGolden")) {
            Files.writeString(Path.of("src/test/resources/golden", name), actual);
            return;
        }
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void vaultSecretStore() throws IOException {
        golden("secretstore-vault.yaml", StoreGenerator.generate(new SecretStoreSpec("vault", "team-a", false,
                new Vault("https://vault.example:8200", "secret", KvVersion.v2, null,
                        new VaultKubernetes(null, "team-a", new ServiceAccountRef("app"))))));
    }

    @Test
    void akeylessClusterSecretStore() throws IOException {
        golden("clustersecretstore-akeyless.yaml", StoreGenerator.generate(new SecretStoreSpec("akeyless", null, true,
                new Akeyless("https://api.akeyless.io", new AkeylessSecretAuth(new SecretKeyRef("ak", "accessId", "eso"),
                        new SecretKeyRef("ak", "accessType", "eso"), new SecretKeyRef("ak", "accessTypeParam", "eso"))),
                null, List.of("team-a"))));
    }

    @Test
    void externalSecret() throws IOException {
        golden("externalsecret-db.yaml", ExternalSecretGenerator.externalSecret(new ExternalSecretSpec("db", "team-a",
                "vault", "SecretStore", "1h", null, null, null, null,
                List.of(new ExternalSecretSpec.Data("password", "team-a/db", "password", null)), List.of())));
    }

    @Test
    void azureSecretProviderClass() throws IOException {
        golden("spc-azure.yaml", CsiGenerator.generate(new CsiSpec("app-azure", "team-a", new CsiSpec.AzureCsi(
                "my-vault", "00000000-0000-0000-0000-000000000000", "11111111-1111-1111-1111-111111111111",
                List.of(new CsiSpec.AzureObject("db-password", "secret", "password"),
                        new CsiSpec.AzureObject("tls-cert", "secret", null))), List.of(), null, "app")));
    }

    @Test
    void vaultSecretProviderClass() throws IOException {
        golden("spc-vault.yaml", CsiGenerator.generate(new CsiSpec("app-vault", "team-a", new CsiSpec.VaultCsi("app",
                "https://vault.example:8200", null, KvVersion.v2,
                List.of(new CsiSpec.VaultObject("password", "secret", "team-a/db", "password"))), List.of(), null, "app")));
    }
}
