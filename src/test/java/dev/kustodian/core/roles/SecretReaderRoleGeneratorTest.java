package dev.kustodian.core.roles;

import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.yaml.YamlReader;
import dev.kustodian.ui.framework.TestSnapshots;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretReaderRoleGeneratorTest {

    @Test
    void generatesRoleWithGetOnNamedSecretsAndBinding() {
        Bundle b = SecretReaderRoleGenerator.generate(new SecretReaderRoleGenerator.Input("team-a",
                List.of("db-credentials", "api-token", "db-credentials"), "backend", "", ""), null);
        assertThat(b.hasErrors()).isFalse();
        assertThat(b.objects()).extracting(m -> m.kind() + "/" + m.namespace() + "/" + m.name())
                .containsExactly("Role/team-a/backend-secret-reader", "RoleBinding/team-a/backend-secret-reader");
        Map<String, Object> role = YamlReader.readMap(b.objects().get(0).content(), "role");
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = ((List<Map<String, Object>>) role.get("rules")).get(0);
        assertThat(rule.get("verbs")).isEqualTo(List.of("get"));
        assertThat(rule.get("resources")).isEqualTo(List.of("secrets"));
        assertThat(rule.get("resourceNames")).isEqualTo(List.of("db-credentials", "api-token"));
        Map<String, Object> binding = YamlReader.readMap(b.objects().get(1).content(), "binding");
        assertThat(binding.get("subjects")).isEqualTo(List.of(Map.of("kind", "ServiceAccount", "name", "backend",
                "namespace", "team-a")));
        assertThat(b.objects().get(0).content()).contains("# get on these names only");
    }

    @Test
    void problemsNameTheField() {
        Bundle b = SecretReaderRoleGenerator.generate(new SecretReaderRoleGenerator.Input("Team_A", List.of(),
                "", null, null), null);
        assertThat(b.hasErrors()).isTrue();
        assertThat(b.objects()).isEmpty();
        assertThat(b.problems()).extracting(Bundle.Problem::path)
                .contains("namespace", "secretNames", "serviceAccount");
        assertThat(b.problems().stream().filter(p -> p.path().equals("secretNames")).findFirst().orElseThrow()
                .message()).contains("resourceNames");
    }

    @Test
    void invalidSecretNameIsAnError() {
        Bundle b = SecretReaderRoleGenerator.generate(new SecretReaderRoleGenerator.Input("team-a",
                List.of("Bad Name"), "backend", null, "reader"), null);
        assertThat(b.problems()).anyMatch(p -> p.path().equals("secretNames") && p.error()
                && p.message().contains("'Bad Name'"));
    }

    @Test
    void warnsAboutObjectsMissingFromTheSnapshot() {
        var snap = TestSnapshots.demoLike(SourceInfo.Kind.DEMO, "demo");
        Bundle ok = SecretReaderRoleGenerator.generate(new SecretReaderRoleGenerator.Input("team-a",
                List.of("db-credentials"), "backend", null, null), snap);
        assertThat(ok.warnings()).isEmpty();
        Bundle missing = SecretReaderRoleGenerator.generate(new SecretReaderRoleGenerator.Input("team-a",
                List.of("nope"), "ghost", null, null), snap);
        assertThat(missing.hasErrors()).isFalse();
        assertThat(missing.warnings()).hasSize(2).anyMatch(w -> w.contains("team-a/nope"))
                .anyMatch(w -> w.contains("team-a/ghost"));
    }

    @Test
    void serviceAccountInAnotherNamespace() {
        Bundle b = SecretReaderRoleGenerator.generate(new SecretReaderRoleGenerator.Input("payments",
                List.of("stripe-keys"), "deployer", "ci", "ci-reader"), null);
        assertThat(b.objects().get(1).content()).contains("namespace: ci").contains("name: ci-reader");
    }
}
