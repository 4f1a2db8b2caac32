package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle.Problem;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaValidatorTest {

    static List<YamlDocument> resource(String path) throws Exception {
        try (InputStream in = SchemaValidatorTest.class.getResourceAsStream(path)) {
            return YamlReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"eso/akeyless.yaml", "eso/aws-parameterstore.yaml", "eso/aws-secretsmanager.yaml",
            "eso/azurekv.yaml", "eso/clusterexternalsecret-find.yaml", "eso/gcpsm.yaml", "eso/vault-kubernetes.yaml",
            "csi/spc-aws.yaml", "csi/spc-azure.yaml", "csi/spc-gcp.yaml", "csi/spc-vault.yaml"})
    void groundTruthExamplesAreValid(String file) throws Exception {
        int checked = 0;
        for (YamlDocument d : resource("/groundtruth/" + file)) {
            Map<String, Object> o = (Map<String, Object>) d.value();
            if (SchemaValidator.knows((String) o.get("apiVersion"), (String) o.get("kind"))) {
                assertThat(SchemaValidator.get().validate(o)).as(file + " " + o.get("kind")).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(String file, String kind) throws Exception {
        return resource("/groundtruth/" + file).stream().map(d -> (Map<String, Object>) d.value())
                .filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
    }

    /** The store's {@code spec.provider.<name>} mapping (to change in place). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> provider(Map<String, Object> store, String name) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) store.get("spec"))
                .get("provider")).get(name);
    }

    @Test
    void unknownFieldIsAnErrorWithItsPath() throws Exception {
        Map<String, Object> store = first("eso/vault-kubernetes.yaml", "SecretStore");
        Map<String, Object> vault = provider(store, "vault");
        vault.put("serverUrl", "https://x");
        List<Problem> p = SchemaValidator.get().validate(store);
        assertThat(p).extracting(Problem::path).containsExactly("spec.provider.vault.serverUrl");
        assertThat(p.get(0).error()).isTrue();
        assertThat(p.get(0).message()).contains("unknown field");
    }

    @Test
    void missingRequiredAndBadEnumAreReported() throws Exception {
        Map<String, Object> store = first("eso/aws-secretsmanager.yaml", "SecretStore");
        Map<String, Object> aws = provider(store, "aws");
        aws.remove("region");
        aws.put("service", "SecretManager");
        List<Problem> p = SchemaValidator.get().validate(store);
        assertThat(p).extracting(Problem::path).contains("spec.provider.aws.region", "spec.provider.aws.service");
    }

    @Test
    void unservedVersionIsAnError() throws Exception {
        Map<String, Object> store = first("eso/gcpsm.yaml", "SecretStore");
        store.put("apiVersion", "external-secrets.io/v1beta1");
        List<Problem> p = SchemaValidator.get().validate(store);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("apiVersion");
            assertThat(x.message()).contains("not served").contains("external-secrets.io/v1");
        });
    }

    @SuppressWarnings("unchecked")
    @Test
    void nonStringCsiParameterIsAnError() throws Exception {
        Map<String, Object> spc = first("csi/spc-aws.yaml", "SecretProviderClass");
        ((Map<String, Object>) ((Map<String, Object>) spc.get("spec")).get("parameters")).put("usePodIdentity", true);
        assertThat(SchemaValidator.get().validate(spc)).extracting(Problem::path)
                .containsExactly("spec.parameters.usePodIdentity");
    }

    @Test
    void preloadCompilesEveryServedVersion() {
        SchemaValidator.get().preload();
        assertThat(SchemaValidator.get().versions("external-secrets.io", "SecretStore"))
                .containsEntry("v1", true).containsEntry("v1beta1", false);
        assertThat(SchemaValidator.get().versions("secrets-store.csi.x-k8s.io", "SecretProviderClass"))
                .containsEntry("v1", true).containsEntry("v1alpha1", true);
    }

    @Test
    void unknownKindsAreIgnored() {
        assertThat(SchemaValidator.get().validate(new java.util.HashMap<>(Map.of("apiVersion", "v1", "kind", "Pod"))))
                .isEmpty();
    }
}
