package dev.kustodian.cli;

import dev.kustodian.core.encryption.EncryptionConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = KustodianCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void validateValidInvalidUnreadable(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n"
                + "- resources: [secrets]\n  providers:\n  - aescbc:\n      keys:\n      - {name: a, secret: YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=}\n");
        assertThat(run("encryption", "validate", good.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("valid EncryptionConfiguration");
        assertThat(err.toString()).contains("warning: secrets: aescbc writes; it is weak");

        Path doc = dir.resolve("doc.yaml");
        try (InputStream in = getClass().getResourceAsStream("/encryption/upstream-doc-example.yaml")) {
            Files.write(doc, in.readAllBytes());
        }
        out.getBuffer().setLength(0);
        assertThat(run("encryption", "validate", doc.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                "resources[2].providers[0].aescbc.keys[0].secret: Invalid value: \"REDACTED\": secret is not of the expected length, got 28, expected one of [16 24 32]",
                "resources[3].providers[0].aescbc.keys[0].secret: Invalid value: \"REDACTED\": secret is not of the expected length, got 25, expected one of [16 24 32]");
        assertThat(out + err.toString()).doesNotContain("c2VjcmV0IGlzIHNlY3VyZ");

        assertThat(run("encryption", "validate", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: the EncryptionConfiguration file does not exist");
    }

    @Test
    void validateAutomaticReloadMakesKmsV1NamesUnique(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kms.yaml");
        Files.writeString(f, "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n"
                + "- resources: [secrets]\n  providers:\n  - kms: {name: a, endpoint: 'unix:///a'}\n  - kms: {name: a, endpoint: 'unix:///b'}\n");
        assertThat(run("encryption", "validate", f.toString())).isEqualTo(0);
        assertThat(err.toString()).contains("KMS v1");
        assertThat(run("encryption", "validate", "--automatic-reload", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("duplicate KMS provider name a");
    }

    @Test
    void keygenPrintsOnceOrSavesPrivately(@TempDir Path dir) throws Exception {
        assertThat(run("encryption", "keygen", "--name", "key1")).isEqualTo(0);
        String secret = out.toString().lines().filter(l -> l.contains("secret:")).findFirst().orElseThrow()
                .replace("  secret: ", "");
        assertThat(Base64.getDecoder().decode(secret)).hasSize(32);
        out.getBuffer().setLength(0);
        Path f = dir.resolve("k");
        assertThat(run("encryption", "keygen", "--provider", "aesgcm", "--output", f.toString())).isEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        String saved = Files.readString(f).strip();
        assertThat(out.toString()).doesNotContain(saved);
        assertThat(run("encryption", "keygen", "--output", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already exists").contains("--force");
        assertThat(Files.readString(f).strip()).isEqualTo(saved);
        assertThat(run("encryption", "keygen", "--name", "a:b")).isEqualTo(2);
        assertThat(run("encryption", "keygen", "--provider", "rot13")).isEqualTo(2);
    }

    @Test
    void configWritesAValidPrivateFile(@TempDir Path dir) throws Exception {
        assertThat(run("encryption", "config", "--configmaps")).isEqualTo(0);
        assertThat(out.toString()).contains("<masked").contains("- configmaps");
        Path f = dir.resolve("enc.yaml");
        assertThat(run("encryption", "config", "--key-name", "k1", "--output", f.toString())).isEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(EncryptionConfigParser.parse(Files.readString(f), "f").ok()).isTrue();
        assertThat(run("encryption", "validate", f.toString())).isEqualTo(0);
        // rotation-style: keep the current providers for reading, new key first
        Path f2 = dir.resolve("enc2.yaml");
        assertThat(run("encryption", "config", "--current", f.toString(), "--key-name", "k2", "--output", f2.toString())).isEqualTo(0);
        String two = Files.readString(f2);
        assertThat(two.indexOf("name: k2")).isLessThan(two.indexOf("name: k1"));
        assertThat(run("encryption", "config", "--current", f.toString(), "--key-name", "k1")).isEqualTo(2);
        assertThat(run("encryption", "config", "--output", f.toString())).isEqualTo(2);
        assertThat(run("encryption", "config", "--provider", "kms", "--kms-name", "v", "--kms-endpoint", "unix:///s.sock")).isEqualTo(0);
        assertThat(out.toString()).contains("apiVersion: v2");
    }
}
