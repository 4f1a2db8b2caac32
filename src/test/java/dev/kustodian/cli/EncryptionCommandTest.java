package dev.kustodian.cli;

import dev.kustodian.core.encryption.EncryptionConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionCommandTest {
    final CliRun.Last cli = new CliRun.Last();

    /** Writes an EncryptionConfiguration whose one entry encrypts secrets with these provider lines. */
    static Path secretsConfig(Path file, String providers) throws java.io.IOException {
        return Files.writeString(file, "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n"
                + "resources:\n- resources: [secrets]\n  providers:\n" + providers);
    }

    @Test
    void validateValidInvalidUnreadable(@TempDir Path dir) throws Exception {
        Path good = secretsConfig(dir.resolve("good.yaml"),
                "  - aescbc:\n      keys:\n      - {name: a, secret: YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=}\n");
        assertThat(cli.run("encryption", "validate", good.toString())).isEqualTo(0);
        assertThat(cli.out()).contains("valid EncryptionConfiguration");
        assertThat(cli.err()).contains("warning: secrets: aescbc writes; it is weak");

        Path doc = dir.resolve("doc.yaml");
        try (InputStream in = getClass().getResourceAsStream("/encryption/upstream-doc-example.yaml")) {
            Files.write(doc, in.readAllBytes());
        }
        assertThat(cli.run("encryption", "validate", doc.toString())).isEqualTo(1);
        assertThat(cli.out().lines()).containsExactly(
                "resources[2].providers[0].aescbc.keys[0].secret: Invalid value: \"REDACTED\": secret is not of the expected length, got 28, expected one of [16 24 32]",
                "resources[3].providers[0].aescbc.keys[0].secret: Invalid value: \"REDACTED\": secret is not of the expected length, got 25, expected one of [16 24 32]");
        assertThat(cli.out() + cli.err()).doesNotContain("c2VjcmV0IGlzIHNlY3VyZ");

        assertThat(cli.run("encryption", "validate", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("missing.yaml: the EncryptionConfiguration file does not exist");
    }

    @Test
    void validateAutomaticReloadMakesKmsV1NamesUnique(@TempDir Path dir) throws Exception {
        Path f = secretsConfig(dir.resolve("kms.yaml"),
                "  - kms: {name: a, endpoint: 'unix:///a'}\n  - kms: {name: a, endpoint: 'unix:///b'}\n");
        assertThat(cli.run("encryption", "validate", f.toString())).isEqualTo(0);
        assertThat(cli.err()).contains("KMS v1");
        assertThat(cli.run("encryption", "validate", "--automatic-reload", f.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("duplicate KMS provider name a");
    }

    @Test
    void keygenPrintsOnceOrSavesPrivately(@TempDir Path dir) throws Exception {
        assertThat(cli.run("encryption", "keygen", "--name", "key1")).isEqualTo(0);
        String secret = cli.out().lines().filter(l -> l.contains("secret:")).findFirst().orElseThrow()
                .replace("  secret: ", "");
        assertThat(Base64.getDecoder().decode(secret)).hasSize(32);
        Path f = dir.resolve("k");
        assertThat(cli.run("encryption", "keygen", "--provider", "aesgcm", "--output", f.toString())).isEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        String saved = Files.readString(f).strip();
        assertThat(cli.out()).doesNotContain(saved);
        assertThat(cli.run("encryption", "keygen", "--output", f.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(f).strip()).isEqualTo(saved);
        assertThat(cli.run("encryption", "keygen", "--name", "a:b")).isEqualTo(2);
        assertThat(cli.run("encryption", "keygen", "--provider", "rot13")).isEqualTo(2);
    }

    @Test
    void configWritesAValidPrivateFile(@TempDir Path dir) throws Exception {
        assertThat(cli.run("encryption", "config", "--configmaps")).isEqualTo(0);
        assertThat(cli.out()).contains("<masked").contains("- configmaps");
        Path f = dir.resolve("enc.yaml");
        assertThat(cli.run("encryption", "config", "--key-name", "k1", "--output", f.toString())).isEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(EncryptionConfigParser.parse(Files.readString(f), "f").ok()).isTrue();
        assertThat(cli.run("encryption", "validate", f.toString())).isEqualTo(0);
        // rotation-style: keep the current providers for reading, new key first
        Path f2 = dir.resolve("enc2.yaml");
        assertThat(cli.run("encryption", "config", "--current", f.toString(), "--key-name", "k2", "--output", f2.toString())).isEqualTo(0);
        String two = Files.readString(f2);
        assertThat(two.indexOf("name: k2")).isLessThan(two.indexOf("name: k1"));
        assertThat(cli.run("encryption", "config", "--current", f.toString(), "--key-name", "k1")).isEqualTo(2);
        assertThat(cli.run("encryption", "config", "--output", f.toString())).isEqualTo(2);
        assertThat(cli.run("encryption", "config", "--provider", "kms", "--kms-name", "v", "--kms-endpoint", "unix:///s.sock")).isEqualTo(0);
        assertThat(cli.out()).contains("apiVersion: v2");
    }
}
