package dev.kustodian.core.cluster;

import dev.kustodian.core.model.SecretInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Registry facts of .dockerconfigjson / .dockercfg values, read with Jackson's streaming parser. */
class SecretFactsDockerTest {

    private static SecretInfo.DockerConfigFacts docker(String json, boolean legacy) {
        return SecretFacts.docker(json.getBytes(StandardCharsets.UTF_8), legacy);
    }

    @Test
    void registriesAndInlineCredentials() {
        var f = docker("""
                {"credsStore":"desktop","auths":{"ghcr.io":{"auth":"dXNlcjpwYXNz","extra":{"a":[1,2]}},
                 "registry.example":{"username":null,"auth":null}},"proxies":{"default":{}}}""", false);
        assertThat(f.registries()).containsExactly("ghcr.io", "registry.example");
        assertThat(f.inlineAuth()).isTrue();
        assertThat(f.parseError()).isNull();
    }

    @Test
    void helpersOnlyAreNotInline() {
        var f = docker("{\"auths\":{\"ecr.example\":{}},\"credHelpers\":{\"ecr.example\":\"ecr-login\"}}", false);
        assertThat(f.registries()).containsExactly("ecr.example");
        assertThat(f.inlineAuth()).isFalse();
    }

    @Test
    void legacyDockercfgListsRegistriesAtTheTop() {
        var f = docker("{\"https://index.docker.io/v1/\":{\"password\":\"x\",\"email\":\"a@b\"}}", true);
        assertThat(f.registries()).containsExactly("https://index.docker.io/v1/");
        assertThat(f.inlineAuth()).isTrue();
    }

    @Test
    void malformedJsonIsReportedWithoutTheValue() {
        var f = docker("{\"auths\":{\"ghcr.io\":{\"auth\":\"c2VjcmV0\"}", false);
        assertThat(f.parseError()).isEqualTo("not valid JSON");
        assertThat(f.registries()).isEmpty();
        assertThat(docker("[1,2]", false).registries()).isEmpty();
        assertThat(docker("[1,2]", false).parseError()).isNull();
    }
}
