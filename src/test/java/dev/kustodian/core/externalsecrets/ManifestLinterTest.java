package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.externalsecrets.ManifestLinter.LintResult;
import dev.kustodian.core.output.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One negative (and where useful a positive) test per lint rule. */
class ManifestLinterTest {
    @TempDir
    Path dir;

    LintResult lint(String yaml) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, yaml);
        return new ManifestLinter(List.of()).lint(List.of(f));
    }

    static final String STORE = """
            apiVersion: external-secrets.io/v1
            kind: SecretStore
            metadata: {name: s, namespace: team-a}
            spec:
              provider:
                vault:
                  server: https://vault:8200
                  path: secret
                  version: v2
                  auth:
                    kubernetes: {mountPath: kubernetes, role: r}
            """;

    @Test
    void groundTruthExamplesHaveNoErrors() throws Exception {
        for (String f : List.of("eso/akeyless.yaml", "eso/aws-parameterstore.yaml", "eso/aws-secretsmanager.yaml",
                "eso/azurekv.yaml", "eso/clusterexternalsecret-find.yaml", "eso/gcpsm.yaml", "eso/vault-kubernetes.yaml",
                "csi/spc-aws.yaml", "csi/spc-azure.yaml", "csi/spc-gcp.yaml", "csi/spc-vault.yaml")) {
            try (InputStream in = getClass().getResourceAsStream("/groundtruth/" + f)) {
                Files.write(dir.resolve(f.replace('/', '-')), in.readAllBytes());
            }
        }
        LintResult r = new ManifestLinter(List.of()).lint(List.of(dir));
        assertThat(r.files()).isEqualTo(11);
        assertThat(r.problems().stream().filter(p -> p.error())).isEmpty();
        assertThat(r.exitCode(false)).isZero();
        // the examples keep a credential Secret in plain text (akeyless) -> a warning, fails only with --strict
        assertThat(r.problems()).anyMatch(p -> p.rule().equals("plaintext-secret"));
        assertThat(r.exitCode(true)).isEqualTo(1);
    }

    @Test
    void validStoreIsClean() throws Exception {
        LintResult r = lint(STORE);
        assertThat(r.problems()).isEmpty();
        assertThat(r.exitCode(true)).isZero();
    }

    @Test
    void unservedV1beta1IsAnError() throws Exception {
        LintResult r = lint(STORE.replace("external-secrets.io/v1", "external-secrets.io/v1beta1"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("unserved-version");
            assertThat(p.error()).isTrue();
            assertThat(p.line()).isEqualTo(1);
        });
        assertThat(r.exitCode(false)).isEqualTo(1);
    }

    @Test
    void deprecatedServedVersionIsAWarning() throws Exception {
        LintResult r = lint(SPC.formatted("gcp", """
                    secrets: |
                      - resourceName: projects/p/secrets/s/versions/1
                        path: s
                """).replace("secrets-store.csi.x-k8s.io/v1", "secrets-store.csi.x-k8s.io/v1alpha1"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("deprecated-version");
            assertThat(p.error()).isFalse();
        });
    }

    @Test
    void caProviderInOtherNamespaceIsAnErrorOnASecretStore() throws Exception {
        LintResult r = lint(STORE.replace("version: v2", "version: v2\n      caProvider: {type: Secret, name: ca, namespace: other}"));
        assertThat(r.problems()).extracting(Bundle.Problem::field).containsExactly("spec.provider.vault.caProvider.namespace");
    }

    @Test
    void schemaViolationPointsAtTheField() throws Exception {
        LintResult r = lint(STORE.replace("server:", "serverURL:"));
        assertThat(r.problems()).extracting(Bundle.Problem::field)
                .contains("spec.provider.vault.serverURL", "spec.provider.vault.server");
        assertThat(r.problems()).allMatch(p -> p.rule().equals("schema"));
        // each problem points at its field's line; a missing field at its parent's
        assertThat(r.problems()).filteredOn(p -> p.field().equals("spec.provider.vault.serverURL")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(7));
        assertThat(r.problems()).filteredOn(p -> p.field().equals("spec.provider.vault.server")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(6));
    }

    @Test
    void problemsInAListAndInALaterDocumentPointAtTheirFieldLines() throws Exception {
        String list = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Secret
                  metadata: {name: plain, namespace: a}
                  stringData: {password: x}
                """;
        LintResult r = lint(STORE + "---\n" + list);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("plaintext-secret");
            assertThat(p.field()).isEqualTo("stringData");
            assertThat(p.line()).isEqualTo(19);
        });
    }

    @Test
    void secretStoreRefToOtherNamespaceIsAnError() throws Exception {
        LintResult r = lint(STORE.replace("kubernetes: {mountPath: kubernetes, role: r}",
                "kubernetes: {mountPath: kubernetes, role: r, serviceAccountRef: {name: app, namespace: other}}"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("provider-rule");
            assertThat(p.field()).isEqualTo("spec.provider.vault.auth.kubernetes.serviceAccountRef.namespace");
        });
    }

    @Test
    void akeylessClusterStoreWithoutNamespaceIsAnError() throws Exception {
        LintResult r = lint("""
                apiVersion: external-secrets.io/v1
                kind: ClusterSecretStore
                metadata: {name: ak}
                spec:
                  provider:
                    akeyless:
                      akeylessGWApiURL: https://api.akeyless.io
                      authSecretRef:
                        secretRef:
                          accessID: {name: a, key: id, namespace: eso}
                          accessType: {name: a, key: type}
                          accessTypeParam: {name: a, key: param, namespace: eso}
                """);
        assertThat(r.problems()).extracting(Bundle.Problem::field)
                .containsExactly("spec.provider.akeyless.authSecretRef.secretRef.accessType.namespace");
    }

    @Test
    void externalSecretWebhookRules() throws Exception {
        LintResult r = lint("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: e, namespace: a}
                spec:
                  secretStoreRef: {name: s, kind: SecretStore}
                  target: {name: t, creationPolicy: Orphan, deletionPolicy: Delete}
                  data:
                  - {secretKey: k, remoteRef: {key: a}}
                  - {secretKey: k, remoteRef: {key: b}}
                """);
        assertThat(r.problems()).extracting(Bundle.Problem::field)
                .contains("spec.target.deletionPolicy", "spec.data[1].secretKey");
        LintResult empty = lint("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: e, namespace: a}
                spec:
                  secretStoreRef: {name: s}
                """);
        assertThat(empty.problems()).anyMatch(p -> p.message().contains("needs data or dataFrom"));
    }

    static final String SPC = """
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata: {name: s, namespace: a}
            spec:
              provider: %s
              parameters:
            %s
            """;

    @Test
    void arrayOutsideAzureIsAnError() throws Exception {
        LintResult r = lint(SPC.formatted("vault", """
                    roleName: app
                    objects: |
                      array:
                        - |
                          objectName: x
                          secretPath: secret/data/x
                """));
        assertThat(r.problems()).anyMatch(p -> p.field().equals("spec.parameters.objects")
                && p.message().contains("'array:'") && p.error());
    }

    @Test
    void nonStringParameterIsAnError() throws Exception {
        LintResult r = lint(SPC.formatted("aws", """
                    usePodIdentity: true
                    objects: |
                      - objectName: x
                        objectType: secretsmanager
                """));
        assertThat(r.problems()).filteredOn(p -> p.field().equals("spec.parameters.usePodIdentity"))
                .isNotEmpty().allMatch(p -> p.error());
    }

    @Test
    void vaultPathWithoutDataIsAWarning() throws Exception {
        LintResult r = lint(SPC.formatted("vault", """
                    roleName: app
                    objects: |
                      - objectName: x
                        secretPath: secret/x
                        secretKey: k
                """));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("spec.parameters.objects[0].secretPath");
            assertThat(p.error()).isFalse();
        });
        assertThat(r.exitCode(false)).isZero();
        assertThat(r.exitCode(true)).isEqualTo(1);
    }

    @Test
    void gcpNeedsSecretsAndAzureNeedsArray() throws Exception {
        assertThat(lint(SPC.formatted("gcp", """
                    objects: |
                      - resourceName: projects/p/secrets/s/versions/1
                """)).problems()).anyMatch(p -> p.field().equals("spec.parameters.secrets"));
        assertThat(lint(SPC.formatted("azure", """
                    keyvaultName: v
                    tenantId: t
                    objects: |
                      - objectName: x
                """)).problems()).anyMatch(p -> p.message().contains("expects 'array:'"));
    }

    /** The upstream Azure example's shape, with {@code objectEncoding: "SECRET_ALIAS"} (an alias, not an encoding). */
    static final String AZURE_UPSTREAM = """
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata:
              name: azure-kvname
            spec:
              provider: azure
              parameters:
                usePodIdentity: "false"
                keyvaultName: "kvname"
                objects:  |
                  array:
                    - |
                      objectName: secret1
                      objectType: secret
                      objectVersion: ""
                    - |
                      objectName: secret2
                      objectType: secret
                      objectEncoding: "SECRET_ALIAS"
                    - |
                      objectName: key1
                      objectType: KEY
                      objectEncoding: Base64
                tenantId: "tid"
            """;

    @Test
    void azureObjectEncodingAndTypeInsideTheEmbeddedStringsAreCheckedAndLocated() throws Exception {
        LintResult r = lint(AZURE_UPSTREAM);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("spec.parameters.objects.array[1].objectEncoding");
            assertThat(p.line()).as("the line of objectEncoding in the file").isEqualTo(19);
            assertThat(p.message()).contains("'SECRET_ALIAS'", "utf-8, hex or base64", "objectAlias");
            assertThat(p.error()).isTrue();
        });
        assertThat(r.exitCode(false)).isEqualTo(1);
        LintResult type = lint(AZURE_UPSTREAM.replace("objectEncoding: \"SECRET_ALIAS\"", "objectEncoding: hex")
                .replace("objectType: KEY", "objectType: certificate"));
        assertThat(type.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("spec.parameters.objects.array[2].objectType");
            assertThat(p.line()).isEqualTo(22);
            assertThat(p.message()).contains("'certificate'", "secret, key or cert");
        });
        assertThat(lint(AZURE_UPSTREAM.replace("objectName: secret1\n          ", "")).problems())
                .anyMatch(p -> p.field().equals("spec.parameters.objects.array[0]") && p.line() == 12
                        && p.message().startsWith("objectName is required"));
    }

    @Test
    void awsObjectTypeMustBeSecretsmanagerOrSsmparameter() throws Exception {
        LintResult r = lint(SPC.formatted("aws", """
                    objects: |
                      - objectName: db
                        objectType: secretsmanager
                      - objectName: api
                        objectType: parameterstore
                """));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("spec.parameters.objects[1].objectType");
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("'parameterstore'", "secretsmanager or ssmparameter");
            assertThat(p.error()).isTrue();
        });
    }

    @Test
    void vaultObjectsNeedObjectNameAndSecretPath() throws Exception {
        LintResult r = lint(SPC.formatted("vault", """
                    roleName: app
                    objects: |
                      - objectName: db
                        secretPath: secret/data/db
                        secretKey: password
                      - objectName: api
                        secretKey: token
                      - secretPath: secret/data/x
                """));
        assertThat(r.problems()).extracting(Bundle.Problem::field, Bundle.Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("spec.parameters.objects[1]", 12),
                org.assertj.core.groups.Tuple.tuple("spec.parameters.objects[2]", 14));
        assertThat(r.problems()).extracting(Bundle.Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("secretPath is required by the vault provider"),
                m -> assertThat(m).startsWith("objectName is required by the vault provider"));
    }

    @Test
    void gcpResourceNameMustBeASecretManagerVersion() throws Exception {
        LintResult r = lint(SPC.formatted("gcp", """
                    secrets: |
                      - resourceName: projects/p/secrets/db/versions/latest
                        fileName: db
                      - resourceName: projects/p/locations/europe-west1/secrets/api/versions/3
                        fileName: api
                      - resourceName: projects/p/secrets/token
                        fileName: token
                      - fileName: none
                """));
        assertThat(r.problems()).extracting(Bundle.Problem::field, Bundle.Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("spec.parameters.secrets[2].resourceName", 12),
                org.assertj.core.groups.Tuple.tuple("spec.parameters.secrets[3]", 14));
        assertThat(r.problems().get(0).message()).contains("projects/PROJECT/secrets/NAME/versions/VERSION");
        assertThat(r.errors()).isEqualTo(2);
    }

    @Test
    void aGroupNoCurrentCrdServesIsAnErrorNamingTheServedOne() throws Exception {
        LintResult r = lint(AZURE_UPSTREAM.replace("secrets-store.csi.x-k8s.io/v1", "secrets-store.csi.k8s.com/v1alpha1")
                .replace("\"SECRET_ALIAS\"", "utf-8").replace("KEY", "key") + """
                ---
                apiVersion: kubernetes-client.io/v1
                kind: ExternalSecret
                metadata: {name: legacy}
                spec:
                  backendType: secretsManager
                  data: [{key: db, name: password}]
                ---
                apiVersion: external-secrets.io/v1alpha1
                kind: ExternalSecret
                metadata: {name: old}
                spec: {}
                """);
        assertThat(r.problems()).filteredOn(p -> p.rule().equals("unserved-version"))
                .extracting(Bundle.Problem::name, Bundle.Problem::line, Bundle.Problem::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("azure-kvname", 1, "secrets-store.csi.k8s.com/v1alpha1 is"
                                + " served by no current CRD: the Secrets Store CSI Driver's group until 2020, renamed to"
                                + " secrets-store.csi.x-k8s.io; no current driver serves it; SecretProviderClass is"
                                + " served as secrets-store.csi.x-k8s.io/v1"),
                        org.assertj.core.groups.Tuple.tuple("legacy", 26, "kubernetes-client.io/v1 is served by no"
                                + " current CRD: the group of kubernetes-external-secrets, archived in 2022; its"
                                + " ExternalSecret has another spec (rewrite it, e.g. with 'kustodian generate"
                                + " externalsecret'); ExternalSecret is served as external-secrets.io/v1"),
                        org.assertj.core.groups.Tuple.tuple("old", 33, "external-secrets.io/v1alpha1 is not served for"
                                + " ExternalSecret (the current CRD defines v1, v1beta1); use external-secrets.io/v1"));
        assertThat(r.problems()).allMatch(Bundle.Problem::error);
    }

    @Test
    void sealedSecretWithBadCiphertextIsAnError() throws Exception {
        LintResult r = lint("""
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata: {name: s, namespace: a}
                spec:
                  encryptedData:
                    password: not-base64!!
                """);
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("spec.encryptedData.password"));
    }

    @Test
    void akeylessIoApiVersionDoesNotExist() throws Exception {
        LintResult r = lint("""
                apiVersion: akeyless.io/v1
                kind: ExternalSecret
                metadata: {name: s, namespace: a}
                spec: {}
                """);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("nonexistent-api");
            assertThat(p.error()).isTrue();
        });
    }

    @Test
    void plaintextSecretIsAWarningButSopsEncryptedIsNot() throws Exception {
        LintResult r = lint("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: a}
                stringData: {password: hunter2}
                """);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("plaintext-secret");
            assertThat(p.error()).isFalse();
            assertThat(p.message()).doesNotContain("hunter2");
        });
        assertThat(lint("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: a}
                data: {password: ENC[AES256_GCM,data:abc]}
                sops: {version: 3.9.0}
                """).problems()).isEmpty();
    }

    @Test
    void riskyRbac() throws Exception {
        LintResult r = lint("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: r}
                rules:
                - apiGroups: [""]
                  resources: [secrets]
                  verbs: [get, list, watch]
                - apiGroups: ["*"]
                  resources: ["*"]
                  verbs: ["*"]
                - apiGroups: [rbac.authorization.k8s.io]
                  resources: [clusterroles]
                  verbs: [escalate, bind]
                - apiGroups: [""]
                  resources: [users]
                  verbs: [impersonate]
                """);
        assertThat(r.problems()).extracting(Bundle.Problem::rule)
                .contains("rbac-secrets-list", "rbac-wildcard", "rbac-escalation");
        assertThat(r.problems()).filteredOn(p -> p.rule().equals("rbac-escalation")).hasSize(3);
        assertThat(lint("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: r, namespace: a}
                rules:
                - apiGroups: [""]
                  resources: [secrets]
                  resourceNames: [db]
                  verbs: [get]
                """).problems()).isEmpty();
    }

    @Test
    void encryptionConfigurationUsesTheHookOrSaysItCheckedOnlyTheKind() throws Exception {
        String enc = """
                apiVersion: apiserver.config.k8s.io/v1
                kind: EncryptionConfiguration
                resources:
                - resources: [secrets]
                  providers:
                  - identity: {}
                """;
        Path f = dir.resolve("enc.yaml");
        Files.writeString(f, enc);
        LintResult none = new ManifestLinter(List.of()).lint(List.of(f));
        assertThat(none.problems()).isEmpty();
        assertThat(none.notes()).anyMatch(n -> n.contains("only apiVersion and kind"));
        LintResult hooked = new ManifestLinter(List.of(o -> List.of(new Bundle.Problem("resources[0].providers[0]",
                "identity first", true)))).lint(List.of(f));
        assertThat(hooked.problems()).singleElement().satisfies(p -> assertThat(p.rule()).isEqualTo("encryption-config"));
        assertThat(hooked.notes()).isEmpty();
        assertThat(lint(enc.replace("apiserver.config.k8s.io/v1", "apiserver.config.k8s.io/v1beta1")).problems())
                .anyMatch(p -> p.field().equals("apiVersion"));
    }

    @Test
    void unreadableInputIsExit2AndLinesAreDocumentLines() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "a: [\n");
        LintResult r = new ManifestLinter(List.of()).lint(List.of(bad, dir.resolve("missing.yaml")));
        assertThat(r.unreadable()).hasSize(2);
        assertThat(r.exitCode(false)).isEqualTo(2);

        LintResult multi = lint(STORE + "---\n" + STORE.replace("external-secrets.io/v1", "external-secrets.io/v1beta1"));
        assertThat(multi.objects()).isEqualTo(2);
        assertThat(multi.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(13));
    }

    @SuppressWarnings("unused")
    private static final java.nio.charset.Charset CS = StandardCharsets.UTF_8;
}
