package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.externalsecrets.SecretStoreSpec.*;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every generator, every provider and auth choice: the output re-read from YAML validates against the CRD schema. */
class GeneratorsValidateTest {

    static final SecretKeyRef S = new SecretKeyRef("creds", "k");

    static List<Provider> providers() {
        return List.of(
                new Aws(AwsService.SecretsManager, "eu-central-1", null, new AwsControllerIdentity()),
                new Aws(AwsService.ParameterStore, "eu-central-1", "arn:aws:iam::1:role/r",
                        new AwsJwt(new ServiceAccountRef("app", null, List.of("sts.amazonaws.com")))),
                new Aws(AwsService.SecretsManager, "eu-central-1", null, new AwsStaticKeys(new SecretKeyRef("aws", "id"),
                        new SecretKeyRef("aws", "secret"), null)),
                new Vault("https://vault:8200", "secret", KvVersion.v2, null,
                        new VaultKubernetes(null, "team-a", new ServiceAccountRef("app"))),
                new Vault("https://vault:8200", "kv", KvVersion.v1, "ns1", new VaultKubernetes("k8s", "team-a", null)),
                new Vault("https://vault:8200", "secret", KvVersion.v2, null, new VaultToken(new SecretKeyRef("vault", "token"))),
                new Vault("https://vault:8200", "secret", KvVersion.v2, null,
                        new VaultAppRole(null, "role-id", new SecretKeyRef("vault", "secret-id"))),
                new Vault("https://vault:8200", "secret", KvVersion.v2, null,
                        new VaultJwt(null, "team-a", new ServiceAccountRef("app"))),
                new Akeyless("https://api.akeyless.io", new AkeylessSecretAuth(new SecretKeyRef("ak", "accessId"),
                        new SecretKeyRef("ak", "accessType"), new SecretKeyRef("ak", "accessTypeParam"))),
                new Akeyless("https://gw:8080/v2", new AkeylessKubernetesAuth("p-123", "k8s-conf",
                        new ServiceAccountRef("app"))),
                new Gcp("proj", null, new GcpWorkloadIdentity(new ServiceAccountRef("app"), "europe-west1", "c1", "proj")),
                new Gcp("proj", "europe-west1", new GcpServiceAccountKey(new SecretKeyRef("gcp", "credentials.json"))),
                new Gcp(null, null, new GcpDefaultCredentials()),
                new Azure("https://v.vault.azure.net", "tenant", new AzureWorkloadIdentity(new ServiceAccountRef("app"))),
                new Azure("https://v.vault.azure.net", null, new AzureManagedIdentity("id-1")),
                new Azure("https://v.vault.azure.net", "tenant", new AzureServicePrincipal(new SecretKeyRef("az", "id"),
                        new SecretKeyRef("az", "secret"))));
    }

    static Stream<Provider> providerStream() {
        return providers().stream();
    }

    /** ClusterSecretStore: refs get a namespace (required for akeyless). */
    static Provider withNamespaces(Provider p) {
        if (p instanceof Akeyless a && a.auth() instanceof AkeylessSecretAuth s) {
            return new Akeyless(a.gatewayUrl(), new AkeylessSecretAuth(ns(s.accessId()), ns(s.accessType()),
                    ns(s.accessTypeParam())));
        }
        return p;
    }

    static SecretKeyRef ns(SecretKeyRef r) {
        return new SecretKeyRef(r.name(), r.key(), "eso");
    }

    @ParameterizedTest
    @MethodSource("providerStream")
    void secretStoreValidates(Provider p) {
        assertValid(StoreGenerator.generate(new SecretStoreSpec("store", "team-a", false, p, "1h", List.of())));
    }

    @ParameterizedTest
    @MethodSource("providerStream")
    void clusterSecretStoreValidates(Provider p) {
        assertValid(StoreGenerator.generate(new SecretStoreSpec("store", null, true, withNamespaces(p), null,
                List.of("team-a", "team-b"))));
    }

    @Test
    void externalSecretsValidate() {
        ExternalSecretSpec es = new ExternalSecretSpec("db", "team-a", "vault", "SecretStore", "1h", "db-secret",
                "Owner", "Delete", "kubernetes.io/basic-auth",
                List.of(new ExternalSecretSpec.Data("username", "team-a/db", "username", null),
                        new ExternalSecretSpec.Data("password", "team-a/db", "password", "3")),
                List.of(new ExternalSecretSpec.Extract("team-a/common", null, null),
                        new ExternalSecretSpec.Find("^team-a-.*", null, Map.of("team", "a"))));
        assertValid(ExternalSecretGenerator.externalSecret(es));
        assertValid(ExternalSecretGenerator.clusterExternalSecret(new ExternalSecretGenerator.ClusterSpec("shared",
                null, List.of("a", "b"), Map.of("team", "x"), "1m",
                new ExternalSecretSpec("shared", null, "aws", "ClusterSecretStore", null, null, null, null, null,
                        List.of(new ExternalSecretSpec.Data("token", "shared/token", null, null)), List.of()))));
        assertValid(ExternalSecretGenerator.pushSecret(new ExternalSecretGenerator.PushSpec("push", "team-a", "vault",
                "SecretStore", "db", null, "IfNotExists", "Delete",
                List.of(new ExternalSecretGenerator.Push("password", "team-a/db", "password")))));
    }

    static Stream<CsiSpec.CsiProvider> csiProviders() {
        return Stream.of(
                new CsiSpec.AwsCsi("eu-central-1", false, List.of(new CsiSpec.AwsObject("team-a/db", "secretsmanager",
                        "db.json", List.of(new CsiSpec.JmesPath("password", "password"))),
                        new CsiSpec.AwsObject("/team-a/token", "ssmparameter", null, List.of()))),
                new CsiSpec.AwsCsi(null, true, List.of(new CsiSpec.AwsObject(
                        "arn:aws:secretsmanager:eu-central-1:1:secret:x-AbCdEf", null, null, List.of()))),
                new CsiSpec.VaultCsi("app", "https://vault:8200", null, KvVersion.v2,
                        List.of(new CsiSpec.VaultObject("password", "secret", "team-a/db", "password"))),
                new CsiSpec.VaultCsi("app", null, "k8s", KvVersion.v1,
                        List.of(new CsiSpec.VaultObject("password", "kv", "team-a/db", "password"))),
                new CsiSpec.AzureCsi("my-vault", "tenant", "client", List.of(new CsiSpec.AzureObject("db-password",
                        "secret", "password"), new CsiSpec.AzureObject("tls", "cert", null))),
                new CsiSpec.GcpCsi(List.of(new CsiSpec.GcpSecret("projects/p/secrets/db/versions/latest", "db/password"))),
                new CsiSpec.AkeylessCsi("https://api.akeyless.io", "p-1", "k8s", "conf",
                        List.of(new CsiSpec.AkeylessObject("/team-a/db", "db"))));
    }

    @ParameterizedTest
    @MethodSource("csiProviders")
    void secretProviderClassValidates(CsiSpec.CsiProvider p) {
        Bundle b = CsiGenerator.generate(new CsiSpec("app", "team-a", p, List.of(), null, "app"));
        assertValid(b);
        assertThat(b.warnings()).isEmpty();
    }

    @Test
    void secretObjectsSyncValidatesWithTheWarning() {
        Bundle b = CsiGenerator.generate(new CsiSpec("app", "team-a", csiProviders().findFirst().orElseThrow(),
                List.of(new CsiSpec.SyncSecret("db", "Opaque", List.of(new CsiSpec.SyncKey("password", "password")))),
                null, "app"));
        assertThat(b.hasErrors()).isFalse();
        assertThat(b.problems()).anyMatch(p -> !p.error() && p.message().contains("syncSecret.enabled=true"));
    }

    @Test
    void akeylessOperatorValidates() {
        for (AkeylessAuth auth : List.of((AkeylessAuth) new AkeylessSecretAuth(new SecretKeyRef("a", "id"),
                new SecretKeyRef("a", "type"), new SecretKeyRef("a", "param")),
                new AkeylessKubernetesAuth("p-1", "conf", new ServiceAccountRef("app")))) {
            Bundle b = AkeylessGenerator.operator(new AkeylessGenerator.OperatorSpec("team-a", "ak", "https://api.akeyless.io",
                    auth, "db", null, "Periodic", "1h", List.of(new AkeylessGenerator.Item("password", "/team-a/db", null))));
            assertValid(b);
            assertThat(b.objects()).extracting(Manifest::kind).containsExactly("AkeylessSecretStore", "AkeylessSecret");
            assertThat(b.objects().get(0).content()).contains("There is no akeyless.io/v1 ExternalSecret");
        }
    }

    /** No problem at all, and each object re-read from its YAML validates too (the YAML is what users apply). */
    @SuppressWarnings("unchecked")
    static void assertValid(Bundle b) {
        assertThat(b.problems().stream().filter(Bundle.Problem::error).toList()).as(b.previewText()).isEmpty();
        List<Bundle.Problem> reread = new ArrayList<>();
        for (Manifest m : b.objects()) {
            Map<String, Object> o = YamlReader.readMap(m.content(), m.fileName());
            reread.addAll(SchemaValidator.get().validate(o));
            reread.addAll(ProviderRules.check(o).stream().filter(Bundle.Problem::error).toList());
            if (SchemaValidator.knows((String) o.get("apiVersion"), (String) o.get("kind"))) {
                assertThat(SchemaValidator.get().versions(SchemaValidator.group((String) o.get("apiVersion")),
                        (String) o.get("kind"))).containsEntry(SchemaValidator.version((String) o.get("apiVersion")), true);
            }
        }
        assertThat(reread).as(b.previewText()).isEmpty();
    }
}
