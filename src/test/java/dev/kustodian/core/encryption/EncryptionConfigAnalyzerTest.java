package dev.kustodian.core.encryption;

import dev.kustodian.core.findings.Severity;
import org.junit.jupiter.api.Test;

import static dev.kustodian.core.encryption.EncryptionConfigValidatorTest.K16;
import static dev.kustodian.core.encryption.EncryptionConfigValidatorTest.K32;
import static dev.kustodian.core.encryption.EncryptionConfigValidatorTest.config;
import static org.assertj.core.api.Assertions.assertThat;

class EncryptionConfigAnalyzerTest {
    static EncryptionConfigAnalyzer.Analysis analyze(String yaml) {
        return EncryptionConfigAnalyzer.analyze(EncryptionConfigParser.parse(yaml, "t").config());
    }

    static String codes(EncryptionConfigAnalyzer.Analysis a) {
        return a.observations().stream().map(EncryptionConfigAnalyzer.Observation::code).toList().toString();
    }

    @Test
    void identityFirstIsNotEncrypted() {
        var a = analyze(config("[secrets]", "- identity: {}\n- secretbox:\n    keys:\n    - {name: a, secret: " + K32 + "}\n"));
        assertThat(a.secretsEncrypted()).isFalse();
        assertThat(a.secretsWriter()).isEqualTo("identity");
        assertThat(codes(a)).contains("IDENTITY-FIRST", "READ-ONLY-KEYS");
        assertThat(a.observations().get(0).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void providerStrengths() {
        assertThat(codes(analyze(config("[secrets]", "- aescbc:\n    keys:\n    - {name: a, secret: " + K32 + "}\n")))).contains("AESCBC-WEAK");
        assertThat(codes(analyze(config("[secrets]", "- aesgcm:\n    keys:\n    - {name: a, secret: " + K16 + "}\n")))).contains("AESGCM-ROTATE");
        var sb = analyze(config("[secrets]", "- secretbox:\n    keys:\n    - {name: a, secret: " + K32 + "}\n- identity: {}\n"));
        assertThat(codes(sb)).contains("SECRETBOX-STRONG", "IDENTITY-READ").doesNotContain("READ-ONLY-KEYS");
        assertThat(sb.secretsEncrypted()).isTrue();
        assertThat(sb.coverage().get(0).writeKey()).isEqualTo("a");
        assertThat(codes(analyze(config("[secrets]", "- kms:\n    apiVersion: v2\n    name: v\n    endpoint: unix:///s\n")))).contains("KMS-V2-STRONGEST");
        assertThat(codes(analyze(config("[secrets]", "- kms:\n    name: v\n    endpoint: unix:///s\n")))).contains("KMS-V1-DEPRECATED");
    }

    @Test
    void secretsNotCovered() {
        var a = analyze(config("[configmaps]", "- secretbox:\n    keys:\n    - {name: a, secret: " + K32 + "}\n"));
        assertThat(codes(a)).contains("SECRETS-NOT-COVERED");
        assertThat(a.secretsEncrypted()).isFalse();
        var wildcard = analyze(config("['*.']", "- secretbox:\n    keys:\n    - {name: a, secret: " + K32 + "}\n"));
        assertThat(codes(wildcard)).doesNotContain("SECRETS-NOT-COVERED");
        assertThat(wildcard.secretsEncrypted()).isTrue();
    }

    @Test
    void keysNeverUsedForWritingAreListedByNameOnly() {
        var a = analyze(config("[secrets]", "- aesgcm:\n    keys:\n    - {name: new, secret: " + K32 + "}\n    - {name: old, secret: " + K16 + "}\n"));
        assertThat(a.coverage().get(0).readOnly()).containsExactly("aesgcm/old");
        assertThat(a.observations().toString()).doesNotContain(K32, K16);
    }
}
