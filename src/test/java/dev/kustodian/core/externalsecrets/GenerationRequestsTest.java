package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.RequestField;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** validate() of every generation request: problems keyed by the request's fields, in the order users meet them. */
class GenerationRequestsTest {

    private static final Function<String, String> FLAGS = k -> "--" + RequestField.kebab(k);

    private static SecretStoreRequest store(String provider, String auth, String namespace, String serviceAccount,
                                            String secretName, String region, String vaultServer, String vaultRole,
                                            String tenant) {
        return new SecretStoreRequest("s", namespace, namespace == null, List.of(), provider, auth, null,
                serviceAccount, null, List.of(), secretName, null, null, region, null, null, null, null,
                vaultServer, null, null, null, null, vaultRole, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, "https://k.vault.azure.net", tenant, null, null, null);
    }

    /** The one problem, rendered with CLI flags. */
    private static Bundle.Problem only(List<Bundle.Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0).render(FLAGS);
    }

    @Test
    void secretStoreDecisionTable() {
        assertThat(store("aws", null, "a", null, null, "eu-central-1", null, null, null).validate()).isEmpty();
        Bundle.Problem region = only(store("aws", null, "a", null, null, null, null, null, null).validate());
        assertThat(region.path()).isEqualTo(SecretStoreRequest.Field.REGION.key()).isEqualTo("region");
        assertThat(region.message()).isEqualTo("Missing --region: the AWS provider needs a region.");
        Bundle.Problem sa = only(store("aws", "jwt", "a", null, null, "r", null, null, null).validate());
        assertThat(sa.path()).isEqualTo("serviceAccount");
        assertThat(sa.message()).isEqualTo("Missing --service-account for --auth jwt.");
        Bundle.Problem secret = only(store("vault", "token", "a", null, null, null, "https://v", null, null).validate());
        assertThat(secret.path()).isEqualTo("secretName");
        assertThat(secret.message()).isEqualTo("Missing --secret-name: --auth token reads credentials from a"
                + " Kubernetes Secret.");
        Bundle.Problem role = only(store("vault", null, "a", null, null, null, "https://v", null, null).validate());
        assertThat(role.path()).isEqualTo("vaultRole");
        Bundle.Problem auth = only(store("gcpsm", "token", "a", null, null, null, null, null, null).validate());
        assertThat(auth.path()).isEqualTo("auth");
        assertThat(auth.message()).isEqualTo("--auth token is not available for gcpsm: use one of workload-identity,"
                + " key, adc.");
        Bundle.Problem provider = only(store("nope", null, "a", null, null, null, null, null, null).validate());
        assertThat(provider.message()).isEqualTo("Unknown --provider 'nope': use aws, vault, akeyless, gcpsm or"
                + " azurekv.");
        // a SecretStore needs its namespace first
        SecretStoreRequest noNs = new SecretStoreRequest("s", null, false, List.of(), "aws", null, null, null, null,
                List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
        assertThat(only(noNs.validate()).message())
                .isEqualTo("Missing --namespace: a SecretStore is namespaced (or use --cluster).");
        // the wizard names its fields by label instead of flag
        assertThat(noNs.validate().get(0).render(k -> k.equals("namespace") ? "Namespace" : "Kind").message())
                .isEqualTo("Missing Namespace: a SecretStore is namespaced (or use Kind).");
        assertThat(store("aws", null, "a", null, null, null, null, null, null).generate().problems())
                .extracting(Bundle.Problem::path).containsExactly("region");
    }

    @Test
    void azureWorkloadIdentityTenantIsOptional() {
        SecretStoreRequest r = store("azurekv", null, "a", "app", null, null, null, null, null);
        assertThat(r.validate()).isEmpty();
        Bundle b = r.generate();
        assertThat(b.problems()).noneMatch(Bundle.Problem::error);
        assertThat(b.combinedYaml()).doesNotContain("tenantId");
    }

    @Test
    void externalSecretParsesRemoteReferences() {
        ExternalSecretRequest ok = new ExternalSecretRequest("db", "a", "vault", null, null, null, null, null, null,
                List.of("password=a/db#password@3"), List.of("a/common"), null, null, List.of());
        assertThat(ok.validate()).isEmpty();
        ExternalSecretSpec spec = ok.spec(new dev.kustodian.core.output.InputProblems());
        assertThat(spec.data()).containsExactly(new ExternalSecretSpec.Data("password", "a/db", "password", "3"));
        assertThat(spec.storeKind()).isEqualTo("SecretStore");
        assertThat(spec.refreshInterval()).isEqualTo("1h");
        assertThat(RemoteRef.parse("team/db#user@v2", ExternalSecretRequest.Field.DATA,
                new dev.kustodian.core.output.InputProblems())).isEqualTo(new RemoteRef("team/db", "user", "v2"));
        Bundle.Problem bad = only(new ExternalSecretRequest("db", "a", "vault", null, null, null, null, null, null,
                List.of("nokey"), List.of(), null, null, List.of()).validate());
        assertThat(bad.path()).isEqualTo("data");
        assertThat(bad.message()).isEqualTo("--data expects KEY=REMOTE[#PROPERTY][@VERSION], got 'nokey'.");
        Bundle.Problem none = only(new ExternalSecretRequest("db", "a", "vault", null, null, null, null, null, null,
                List.of(), List.of(), null, null, List.of()).validate());
        assertThat(none.message()).isEqualTo("Give at least one --data, --extract or --find-name/--find-path/--find-tags.");
        Bundle.Problem remote = only(new ExternalSecretRequest("db", "a", "vault", null, null, null, null, null, null,
                List.of("k="), List.of(), null, null, List.of()).validate());
        assertThat(remote.path()).isEqualTo("data");
        assertThat(remote.message()).isEqualTo("--data needs a remote key.");
        Bundle.Problem tag = only(new ExternalSecretRequest("db", "a", "vault", null, null, null, null, null, null,
                List.of(), List.of(), null, null, List.of("novalue")).validate());
        assertThat(tag.path()).isEqualTo("findTags");
        assertThat(only(new ExternalSecretRequest("db", null, "vault", null, null, null, null, null, null,
                List.of("k=r"), List.of(), null, null, List.of()).validate()).path()).isEqualTo("namespace");
    }

    @Test
    void clusterExternalSecretAndPushSecret() {
        ExternalSecretRequest es = new ExternalSecretRequest(null, null, "aws", "ClusterSecretStore", null, null,
                null, null, null, List.of("token=shared/token"), List.of(), null, null, List.of());
        assertThat(new ClusterExternalSecretRequest("reg", null, List.of("a"), List.of(), null, es).validate())
                .isEmpty();
        Bundle.Problem label = only(new ClusterExternalSecretRequest("reg", null, List.of(), List.of("team"), null,
                es).validate());
        assertThat(label.path()).isEqualTo("namespaceLabels");
        assertThat(new ClusterExternalSecretRequest("reg", null, List.of("a"), List.of(), null, es).generate()
                .combinedYaml()).contains("kind: ClusterExternalSecret").contains("name: reg");
        PushSecretRequest push = new PushSecretRequest("p", "a", "vault", null, "db", List.of("password=a/db#pw"),
                null, null, null);
        assertThat(push.validate()).isEmpty();
        assertThat(push.generate().combinedYaml()).contains("remoteKey: a/db").contains("property: pw");
        Bundle.Problem noSecret = only(new PushSecretRequest("p", "a", "vault", null, null, List.of(), null, null,
                null).validate());
        assertThat(noSecret.path()).isEqualTo("secret");
        Bundle.Problem bad = only(new PushSecretRequest("p", "a", "vault", null, "db", List.of("x"), null, null, null)
                .validate());
        assertThat(bad.message()).isEqualTo("--data expects KEY=REMOTE[#PROPERTY], got 'x'.");
    }

    @Test
    void secretProviderClassAkeylessPolicySops() {
        SecretProviderClassRequest vault = new SecretProviderClassRequest("app", "a", "vault", List.of("pw=a/db#pw"),
                null, List.of(), null, false, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(), null, null);
        Bundle.Problem role = only(vault.validate());
        assertThat(role.path()).isEqualTo("roleName");
        assertThat(role.message()).isEqualTo("Missing --role-name: the vault provider logs in with a Vault role.");
        SecretProviderClassRequest noObjects = new SecretProviderClassRequest("app", "a", "gcp", List.of(), null,
                List.of(), null, false, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, List.of(), null, null);
        assertThat(only(noObjects.validate()).path()).isEqualTo("objects");
        AkeylessOperatorRequest ak = new AkeylessOperatorRequest("a", "ak", null, "kubernetes", null, "p-1", null,
                null, "db", null, null, null, List.of("pw=/a/db"));
        Bundle.Problem conf = only(ak.validate());
        assertThat(conf.path()).isEqualTo("k8sConf");
        assertThat(conf.message()).isEqualTo("Missing --k8s-conf: kubernetes auth needs the config name.");
        StorePolicyRequest gcp = new StorePolicyRequest("gcp", "a", "app", List.of("db"), null, null, null, null,
                null, null, null, null, List.of(), null, null, null, "p", null, null, null, null, null, null, null,
                null, null);
        assertThat(only(gcp.validate()).path()).isEqualTo("gsa");
        assertThat(SopsConfigRequest.ofRules(List.of("age=age1;nope")).validate()).extracting(Bundle.Problem::path)
                .containsExactly("rules");
        SopsConfigRequest typed = new SopsConfigRequest("^prod/", List.of("age1prod"), null, null, null, null,
                List.of("age=age1all"));
        assertThat(typed.validate()).isEmpty();
        String sops = typed.generate().manifests().get(0).content();
        assertThat(sops.indexOf("^prod/")).isLessThan(sops.indexOf("age1all"));
        assertThat(new SopsConfigRequest(null, null, null, null, null, null, null).validate())
                .extracting(Bundle.Problem::path).containsExactly("age");
    }

    @Test
    void migrationChecksInputBeforeTheSecretIsLookedUp() {
        MigrationRequest bad = new MigrationRequest("nslash", "vault", "v", null, null, null, null, null, null, null);
        Bundle.Problem p = only(bad.validate());
        assertThat(p.path()).isEqualTo("secret");
        assertThat(p.message()).isEqualTo("--secret expects NAMESPACE/NAME, got 'nslash'.");
        assertThat(only(new MigrationRequest("a/db", "keepass", "v", null, null, null, null, null, null, null)
                .validate()).path()).isEqualTo("backend");
        assertThat(only(new MigrationRequest("a/db", "vault", "v", null, null, "ftp", null, null, null, null)
                .validate()).path()).isEqualTo("upload");
        MigrationRequest ok = new MigrationRequest("shop/db-credentials", "vault", "v", null, null, "cli", null, null,
                null, null);
        assertThat(ok.validate()).isEmpty();
        // without the Secret nothing is generated: an error at the secret field
        assertThat(ok.generate().problems()).extracting(Bundle.Problem::path).containsExactly("secret");
        ClusterSnapshot snap = dev.kustodian.core.cluster.SnapshotFileLoader.load(
                java.nio.file.Path.of("src/test/resources/snapshots/basic"), (f, m) -> { },
                new dev.kustodian.core.util.Cancellation());
        SecretInfo s = snap.secret("shop", "db-credentials").orElseThrow();
        Bundle b = ok.withSource(s).generate();
        assertThat(b.problems()).noneMatch(Bundle.Problem::error);
        assertThat(b.manifests()).extracting(m -> m.fileName()).contains("upload-shop-db-credentials.sh");
    }

    @Test
    void fieldKeysAreCamelCaseAndConvertFromFlags() {
        assertThat(SecretStoreRequest.Field.AKEYLESS_K8S_CONF.key()).isEqualTo("akeylessK8sConf");
        assertThat(RequestField.kebab("akeylessK8sConf")).isEqualTo("akeyless-k8s-conf");
        assertThat(RequestField.camel("vault-server")).isEqualTo("vaultServer");
        assertThat(RequestField.camel("gcp_kms")).isEqualTo("gcpKms");
        assertThat(SopsConfigRequest.Field.AZURE_KEYVAULT.key()).isEqualTo("azureKeyvault");
    }
}
