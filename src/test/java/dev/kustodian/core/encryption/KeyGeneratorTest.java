package dev.kustodian.core.encryption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyGeneratorTest {
    @Test
    void keysAre32RandomBytesInStandardBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            KeyGenerator.GeneratedKey k = KeyGenerator.generate("k" + i);
            byte[] raw = Base64.getDecoder().decode(k.secretBase64());
            assertThat(raw).hasSize(32);
            assertThat(k.secretBase64()).matches("[A-Za-z0-9+/]{43}=");
            assertThat(seen.add(k.secretBase64())).isTrue();
            assertThat(k.toString()).doesNotContain(k.secretBase64());
        }
        assertThat(KeyGenerator.random().getAlgorithm()).isEqualTo("DRBG");
    }

    @Test
    void generatedKeysPassTheValidatorForEveryProvider() {
        KeyGenerator.GeneratedKey k = KeyGenerator.generate("key1");
        for (String p : List.of("secretbox", "aesgcm", "aescbc")) {
            String yaml = EncryptionConfigValidatorTest.config("[secrets]", "- " + p + ":\n    keys:\n    - {name: key1, secret: "
                    + k.secretBase64() + "}\n");
            assertThat(EncryptionConfigValidatorTest.errors(yaml)).isEmpty();
        }
    }

    @Test
    void namesWithoutColonAndUnique() {
        assertThatThrownBy(() -> KeyGenerator.generate("a:b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("':'");
        assertThatThrownBy(() -> KeyGenerator.generate("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGenerator.generate("has space")).isInstanceOf(IllegalArgumentException.class);
        Clock c = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        assertThat(KeyGenerator.uniqueName(List.of(), c)).isEqualTo("key-20260102t030405z");
        assertThat(KeyGenerator.uniqueName(List.of("key-20260102t030405z", "key-20260102t030405z-2"), c))
                .isEqualTo("key-20260102t030405z-3");
    }

    @Test
    void savedPrivatelyAndNeverOverwrittenWithoutForce(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("key.b64");
        KeyGenerator.GeneratedKey k = KeyGenerator.generate("k");
        KeyGenerator.save(k, f, false);
        assertThat(Files.readString(f)).isEqualTo(k.secretBase64() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        KeyGenerator.GeneratedKey k2 = KeyGenerator.generate("k2");
        assertThatThrownBy(() -> KeyGenerator.save(k2, f, false)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(f)).isEqualTo(k.secretBase64() + "\n");
        KeyGenerator.save(k2, f, true);
        assertThat(Files.readString(f)).isEqualTo(k2.secretBase64() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (var s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(1); // no temp file left behind
        }
    }
}
