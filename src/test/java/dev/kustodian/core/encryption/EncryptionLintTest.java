package dev.kustodian.core.encryption;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionLintTest {
    @Test
    void lintUsesTheApiserverRulesAndNeverEchoesKeys() {
        var problems = new EncryptionLint().check(Map.of("apiVersion", "apiserver.config.k8s.io/v1",
                "kind", "EncryptionConfiguration",
                "resources", List.of(Map.of("resources", List.of("secrets"), "providers", List.of(
                        Map.of("aescbc", Map.of("keys", List.of(Map.of("name", "key1",
                                "secret", "c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ=")))))))));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.error()).isTrue();
            assertThat(p.path()).isEqualTo("resources[0].providers[0].aescbc.keys[0].secret");
            assertThat(p.message()).contains("expected one of [16 24 32]").doesNotContain("c2VjcmV0");
        });
    }

    @Test
    void aValidConfigHasNoProblem() {
        assertThat(new EncryptionLint().check(Map.of("apiVersion", "apiserver.config.k8s.io/v1",
                "kind", "EncryptionConfiguration",
                "resources", List.of(Map.of("resources", List.of("secrets"), "providers", List.of(
                        Map.of("secretbox", Map.of("keys", List.of(Map.of("name", "key1",
                                "secret", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")))),
                        Map.of("identity", Map.of())))))))
                .isEmpty();
    }
}
