package dev.kustodian.core.cluster;

import dev.kustodian.core.model.SecretInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Registry facts of .dockerconfigjson / .dockercfg values, read with Jackson's streaming parser. */
class SecretFactsDockerTest {

    private static SecretInfo.DockerConfigFacts docker(String json, boolean legacy) {
        return SecretFacts.docker(json.getBytes(StandardCharsets.UTF_8), legacy);
    }

    /**
     * Registries and inline credentials: auths with an auth field (extra fields and nulls skipped), auths served by
     * credential helpers only (not inline), a legacy .dockercfg whose registries are at the top.
     */
    static Stream<Arguments> configs() {
        return Stream.of(
                arguments("""
                        {"credsStore":"desktop","auths":{"ghcr.io":{"auth":"dXNlcjpwYXNz","extra":{"a":[1,2]}},
                         "registry.example":{"username":null,"auth":null}},"proxies":{"default":{}}}""", false,
                        List.of("ghcr.io", "registry.example"), true),
                arguments("{\"auths\":{\"ecr.example\":{}},\"credHelpers\":{\"ecr.example\":\"ecr-login\"}}", false,
                        List.of("ecr.example"), false),
                arguments("{\"https://index.docker.io/v1/\":{\"password\":\"x\",\"email\":\"a@b\"}}", true,
                        List.of("https://index.docker.io/v1/"), true));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void registriesAndInlineCredentials(String json, boolean legacy, List<String> registries, boolean inline) {
        var f = docker(json, legacy);
        assertThat(f.registries()).containsExactlyElementsOf(registries);
        assertThat(f.inlineAuth()).isEqualTo(inline);
        assertThat(f.parseError()).isNull();
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
