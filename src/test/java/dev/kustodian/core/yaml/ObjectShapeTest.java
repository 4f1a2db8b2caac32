package dev.kustodian.core.yaml;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectShapeTest {
    private static List<String> problems(String yaml) {
        return ObjectShape.check(YamlReader.read(yaml, "t.yaml").get(0).value()).stream().map(Object::toString).toList();
    }

    @Test
    void aWellFormedObjectHasNoProblem() {
        assertThat(problems("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, labels: {app: web}}
                spec:
                  template:
                    spec:
                      containers: [{name: app, env: [{name: A, value: b}]}]
                """)).isEmpty();
    }

    @Test
    void wrongTypesAreNamedByPathInWords() {
        assertThat(problems("apiVersion: v1\nkind: Secret\nmetadata: db\n"))
                .containsExactly("metadata must be a mapping, found a string");
        assertThat(problems("apiVersion: v1\nkind: Secret\nmetadata: {name: 5, labels: [a]}\ndata: {k: 1}\n"))
                .containsExactly("metadata.name must be a string, found a number",
                        "metadata.labels must be a mapping, found a list", "data.k must be a string, found a number");
        assertThat(problems("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: {name: app}}\n"))
                .containsExactly("spec.containers must be a list, found a mapping");
        assertThat(problems("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: r}
                rules: [{verbs: get}, 7]
                """)).containsExactly("rules[0].verbs must be a list, found a string",
                "rules[1] must be a mapping, found a number");
        assertThat(problems("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\n"
                + "spec: {jobTemplate: {spec: {template: {spec: {containers: x}}}}}\n"))
                .containsExactly("spec.jobTemplate.spec.template.spec.containers must be a list, found a string");
    }

    @Test
    void aDocumentThatIsNotAMappingOrLacksApiVersionIsOneProblem() {
        assertThat(ObjectShape.check("hello").toString()).contains("must be a mapping (a Kubernetes object), found a string");
        assertThat(ObjectShape.check(Map.of("kind", "Secret")).toString()).contains("apiVersion is missing");
        assertThat(ObjectShape.check(Map.of("apiVersion", 1, "kind", "Secret")).toString())
                .contains("apiVersion must be a string, found a number");
    }
}
