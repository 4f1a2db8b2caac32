package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreRulesTest {
    private static final String V1 = "external-secrets.io/v1";

    private static ClusterSnapshot.Builder builder() {
        return ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "t", "", "", null, null));
    }

    private static CustomObjectInfo object(String kind, String ns, String name, Map<String, Object> spec) {
        return new CustomObjectInfo(kind.equals("PushSecret") ? "external-secrets.io/v1alpha1" : V1, kind,
                ObjectMeta.of(ns, name), spec);
    }

    private static Map<String, Object> provider(String name, Map<String, Object> config) {
        return Map.of("provider", Map.of(name, config));
    }

    private static Map<String, Object> keyRef(String secret, String key) {
        return Map.of("name", secret, "key", key);
    }

    private static SecretInfo secret(String ns, String name) {
        return new SecretInfo(ObjectMeta.of(ns, name), "Opaque", false,
                List.of(new SecretInfo.SecretKeyInfo("k", 12, "f" + ns + name, false)), null, null, null);
    }

    private static List<Finding> run(String id, ClusterSnapshot s) {
        FindingRule rule = new StoreRules().rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        return rule.evaluate(AnalysisContext.of(s));
    }

    @Test
    void everyRuleIsRegisteredInTheExternalStoresArea() {
        assertThat(dev.kustodian.core.analysis.Analysis.allRules()).extracting(FindingRule::id).contains(StoreRules.NOT_ADOPTED,
                StoreRules.STATIC_CREDENTIALS, StoreRules.OPEN_CLUSTER_STORE, StoreRules.MISSING_STORE);
    }

    @Test
    void staticCredentialsPerProvider() {
        ClusterSnapshot.Builder b = builder();
        b.customObjects.add(object("SecretStore", "a", "aws-keys", provider("aws", Map.of("service", "SecretsManager",
                "region", "eu-west-1", "auth", Map.of("secretRef", Map.of(
                        "accessKeyIDSecretRef", keyRef("aws-creds", "id"),
                        "secretAccessKeySecretRef", keyRef("aws-creds", "secret")))))));
        b.customObjects.add(object("SecretStore", "a", "aws-irsa", provider("aws", Map.of("service", "SecretsManager",
                "region", "eu-west-1", "auth", Map.of("jwt", Map.of("serviceAccountRef", Map.of("name", "app")))))));
        b.customObjects.add(object("SecretStore", "a", "aws-controller", provider("aws", Map.of("service",
                "ParameterStore", "region", "eu-west-1"))));
        b.customObjects.add(object("ClusterSecretStore", "", "vault-token", Map.of("conditions",
                List.of(Map.of("namespaces", List.of("a"))), "provider", Map.of("vault", Map.of("server", "https://v",
                        "auth", Map.of("tokenSecretRef", Map.of("name", "vault-token", "key", "token",
                                "namespace", "ops")))))));
        b.customObjects.add(object("SecretStore", "a", "vault-k8s", provider("vault", Map.of("server", "https://v",
                "auth", Map.of("kubernetes", Map.of("mountPath", "kubernetes", "role", "r"))))));
        b.customObjects.add(object("SecretStore", "a", "vault-approle", provider("vault", Map.of("server", "https://v",
                "auth", Map.of("appRole", Map.of("path", "approle", "roleId", "x",
                        "secretRef", keyRef("approle", "secret-id")))))));
        b.customObjects.add(object("SecretStore", "a", "gcp-key", provider("gcpsm", Map.of("projectID", "p",
                "auth", Map.of("secretRef", Map.of("secretAccessKeySecretRef", keyRef("gcp-sa", "key.json")))))));
        b.customObjects.add(object("SecretStore", "a", "gcp-wi", provider("gcpsm", Map.of("projectID", "p",
                "auth", Map.of("workloadIdentity", Map.of("serviceAccountRef", Map.of("name", "app")))))));
        b.customObjects.add(object("SecretStore", "a", "azure-sp", provider("azurekv", Map.of("vaultUrl", "https://k",
                "tenantId", "t", "authSecretRef", Map.of("clientId", keyRef("azure-sp", "id"),
                        "clientSecret", keyRef("azure-sp", "secret"))))));
        b.customObjects.add(object("SecretStore", "a", "azure-wi", provider("azurekv", Map.of("vaultUrl", "https://k",
                "authType", "WorkloadIdentity", "serviceAccountRef", Map.of("name", "app")))));

        b.customObjects.add(object("SecretStore", "a", "vault-k8s-stored-token", provider("vault", Map.of("server",
                "https://v", "auth", Map.of("kubernetes", Map.of("mountPath", "kubernetes", "role", "r",
                        "secretRef", keyRef("sa-token", "token")))))));
        b.customObjects.add(object("SecretStore", "a", "gcp-wif-aws", provider("gcpsm", Map.of("projectID", "p",
                "auth", Map.of("workloadIdentityFederation", Map.of("audience", "x", "awsSecurityCredentials",
                        Map.of("awsCredentialsSecretRef", Map.of("name", "aws-for-gcp", "key", "k"))))))));

        List<Finding> f = run(StoreRules.STATIC_CREDENTIALS, b.build());
        assertThat(f).extracting(x -> x.object().name())
                .containsExactlyInAnyOrder("aws-keys", "vault-token", "vault-approle", "gcp-key", "azure-sp",
                        "vault-k8s-stored-token", "gcp-wif-aws");
        Finding aws = f.stream().filter(x -> x.object().name().equals("aws-keys")).findFirst().orElseThrow();
        assertThat(aws.title()).contains("static AWS access keys");
        assertThat(aws.explanation()).contains("Secret a/aws-creds").contains("read that Secret");
        assertThat(aws.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(aws.area()).isEqualTo(StoreRules.AREA);
        assertThat(aws.fix()).isEqualTo("secret-store");
        Finding vault = f.stream().filter(x -> x.object().name().equals("vault-token")).findFirst().orElseThrow();
        assertThat(vault.object().kind()).isEqualTo("ClusterSecretStore");
        assertThat(vault.explanation()).contains("a static Vault token").contains("Secret ops/vault-token");
    }

    @Test
    void clusterStoreWithoutConditionsIsOpenToEveryNamespace() {
        ClusterSnapshot.Builder b = builder();
        Map<String, Object> vault = Map.of("vault", Map.of("server", "https://v", "auth",
                Map.of("kubernetes", Map.of("mountPath", "kubernetes", "role", "r"))));
        b.customObjects.add(object("ClusterSecretStore", "", "open", Map.of("provider", vault)));
        b.customObjects.add(object("ClusterSecretStore", "", "limited", Map.of("provider", vault,
                "conditions", List.of(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("team", "x")))))));
        b.customObjects.add(object("SecretStore", "a", "namespaced", Map.of("provider", vault)));
        b.customObjects.add(object("ClusterSecretStore", "", "none-allowed", Map.of("provider", vault,
                "conditions", List.of(Map.of()))));
        assertThat(run(StoreRules.OPEN_CLUSTER_STORE, b.build())).singleElement().satisfies(x -> {
            assertThat(x.object().display()).isEqualTo("ClusterSecretStore/open");
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
            assertThat(x.remediation()).contains("spec.conditions");
        });
    }

    @Test
    void externalAndPushSecretsWhoseStoreIsMissing() {
        ClusterSnapshot.Builder b = builder();
        b.customObjects.add(object("SecretStore", "a", "vault", provider("vault", Map.of("server", "https://v"))));
        b.customObjects.add(object("ClusterSecretStore", "", "shared", provider("vault", Map.of("server", "https://v"))));
        b.customObjects.add(object("ExternalSecret", "a", "ok", Map.of("secretStoreRef", Map.of("name", "vault"))));
        b.customObjects.add(object("ExternalSecret", "a", "ok-cluster", Map.of("secretStoreRef",
                Map.of("name", "shared", "kind", "ClusterSecretStore"))));
        b.customObjects.add(object("ExternalSecret", "b", "other-namespace", Map.of("secretStoreRef",
                Map.of("name", "vault"))));
        b.customObjects.add(object("ExternalSecret", "a", "typo", Map.of("secretStoreRef",
                Map.of("name", "shraed", "kind", "ClusterSecretStore"))));
        b.customObjects.add(object("ExternalSecret", "a", "per-item", Map.of("data", List.of(Map.of("secretKey", "k",
                "remoteRef", Map.of("key", "x"), "sourceRef", Map.of("storeRef", Map.of("name", "gone")))))));
        b.customObjects.add(object("ExternalSecret", "a", "generator", Map.of("dataFrom", List.of(Map.of("sourceRef",
                Map.of("generatorRef", Map.of("kind", "Password", "name", "pw")))))));
        b.customObjects.add(object("PushSecret", "a", "push", Map.of("secretStoreRefs", List.of(
                Map.of("name", "vault"), Map.of("name", "nope", "kind", "SecretStore")))));
        List<Finding> f = run(StoreRules.MISSING_STORE, b.build());
        assertThat(f).extracting(x -> x.object().name())
                .containsExactlyInAnyOrder("other-namespace", "typo", "per-item", "push");
        assertThat(f).filteredOn(x -> x.object().name().equals("typo")).singleElement()
                .satisfies(x -> assertThat(x.explanation()).contains("ClusterSecretStore/shraed"));
        assertThat(f).filteredOn(x -> x.object().name().equals("other-namespace")).singleElement()
                .satisfies(x -> assertThat(x.explanation()).contains("SecretStore/b/vault"));
        assertThat(f).filteredOn(x -> x.object().name().equals("push")).singleElement()
                .satisfies(x -> assertThat(x.explanation()).contains("SecretStore/a/nope").contains("nothing is pushed"));
    }

    @Test
    void storesThatCannotBeListedAreNotReportedMissing() {
        ClusterSnapshot.Builder b = builder();
        b.customObjects.add(object("ExternalSecret", "a", "es", Map.of("secretStoreRef", Map.of("name", "vault"))));
        b.gaps.add(new VisibilityGap("secretstores", "", 403, "not visible"));
        assertThat(run(StoreRules.MISSING_STORE, b.build())).isEmpty();
    }

    @Test
    void adoptionCountsApplicationSecretsOnly() {
        ClusterSnapshot.Builder b = builder();
        b.customObjects.add(object("ExternalSecret", "a", "db", Map.of("secretStoreRef", Map.of("name", "vault"),
                "target", Map.of("name", "db"))));
        b.secrets.add(secret("a", "db"));
        b.secrets.add(secret("a", "api-key"));
        b.secrets.add(secret("b", "token"));
        b.secrets.add(secret("b", "password"));
        b.secrets.add(secret("kube-system", "bootstrap-ish"));
        b.secrets.add(new SecretInfo(new ObjectMeta("a", "sh.helm.release.v1.x.v1", null, null, null, null, null, null),
                SecretInfo.TYPE_HELM_RELEASE, false, List.of(), null, null, null));
        b.secrets.add(new SecretInfo(new ObjectMeta("a", "cert", null, null,
                Map.of("cert-manager.io/certificate-name", "cert"), null, null, null),
                SecretInfo.TYPE_TLS, false, List.of(), null, null, null));
        assertThat(run(StoreRules.NOT_ADOPTED, b.build())).singleElement().satisfies(x -> {
            assertThat(x.title()).isEqualTo("3 of 4 application secrets are kept only in the cluster");
            assertThat(x.explanation()).contains("1 of 4 application secrets (25%)").contains("b (2), a (1)")
                    .contains("No external secret manager is installed");
            assertThat(x.cis()).containsExactly("5.4.2");
            assertThat(x.object().kind()).isEqualTo("Cluster");
        });
    }

    @Test
    void noAdoptionFindingWhenEverySecretComesFromAStore() {
        ClusterSnapshot.Builder b = builder();
        b.customObjects.add(object("ExternalSecret", "a", "db", Map.of("secretStoreRef", Map.of("name", "vault"))));
        b.secrets.add(secret("a", "db"));
        b.secrets.add(new SecretInfo(new ObjectMeta("a", "sa-token", null, null, null, null, null, null),
                SecretInfo.TYPE_SA_TOKEN, false, List.of(), null, null, null));
        assertThat(run(StoreRules.NOT_ADOPTED, b.build())).isEmpty();
    }

    @Test
    void conditionsThatMatchEveryNamespaceDoNotLimitAStore() {
        assertThat(StoreRules.allowsEveryNamespace(List.of())).isTrue();
        assertThat(StoreRules.allowsEveryNamespace(List.of(Map.of("namespaceSelector", Map.of())))).isTrue();
        assertThat(StoreRules.allowsEveryNamespace(List.of(Map.of("namespaceRegexes", List.of("^team-a$", ".*")))))
                .isTrue();
        assertThat(StoreRules.allowsEveryNamespace(List.of(Map.of()))).isFalse();
        assertThat(StoreRules.allowsEveryNamespace(List.of(Map.of("namespaces", List.of("a"))))).isFalse();
        assertThat(StoreRules.allowsEveryNamespace(List.of(Map.of("namespaceSelector",
                Map.of("matchLabels", Map.of("team", "a")))))).isFalse();
        assertThat(StoreRules.allowsEveryNamespace(List.of(Map.of("namespaceRegexes", List.of("^team-.*$")))))
                .isFalse();
    }
}
