package dev.kustodian.core.externalsecrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CrdInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoliciesSopsMigrationTest {

    static Manifest file(Bundle b, String name) {
        return b.manifests().stream().filter(m -> m.fileName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void awsPolicyNamesExactArnsAndKmsDecrypt() throws Exception {
        Bundle b = StorePolicies.generate(new StorePolicies.AwsPolicy(SecretStoreSpec.AwsService.SecretsManager,
                "eu-central-1", "123456789012", List.of("team-a/db"), "arn:aws:kms:eu-central-1:123456789012:key/k",
                "arn:aws:iam::123456789012:role/team-a", "team-a", "app"));
        JsonNode policy = new ObjectMapper().readTree(file(b, "iam-policy.json").content());
        JsonNode st = policy.get("Statement");
        assertThat(st.get(0).get("Resource").get(0).asText())
                .isEqualTo("arn:aws:secretsmanager:eu-central-1:123456789012:secret:team-a/db-??????");
        assertThat(st.get(0).get("Action").toString()).doesNotContain("*");
        assertThat(st.get(1).get("Action").get(0).asText()).isEqualTo("kms:Decrypt");
        assertThat(file(b, "serviceaccount-app.yaml").content())
                .contains("eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/team-a");
        Bundle ps = StorePolicies.generate(new StorePolicies.AwsPolicy(SecretStoreSpec.AwsService.ParameterStore,
                "eu-central-1", "1", List.of("/apps/x"), null, "arn:r", "a", "s"));
        JsonNode p2 = new ObjectMapper().readTree(file(ps, "iam-policy.json").content());
        assertThat(p2.get("Statement")).hasSize(1);
        assertThat(p2.get("Statement").get(0).get("Resource").get(0).asText())
                .isEqualTo("arn:aws:ssm:eu-central-1:1:parameter/apps/x");
        assertThatThrownBy(() -> StorePolicies.generate(new StorePolicies.AwsPolicy(
                SecretStoreSpec.AwsService.SecretsManager, "r", "1", List.of(), null, "arn", "a", "s")))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void vaultPolicyReadsTheExactKvV2PathAndWritesTheRole() {
        Bundle b = StorePolicies.generate(new StorePolicies.VaultPolicy("team-a-read", "secret",
                SecretStoreSpec.KvVersion.v2, List.of("team-a/db"), "kubernetes", "team-a", "team-a", "app", null));
        assertThat(file(b, "team-a-read.hcl").content())
                .contains("path \"secret/data/team-a/db\" {\n  capabilities = [\"read\"]\n}");
        assertThat(file(b, "vault-setup.sh").content()).contains("vault write auth/kubernetes/role/team-a")
                .contains("bound_service_account_names=app").contains("bound_service_account_namespaces=team-a")
                .contains("policies=team-a-read");
        Bundle v1 = StorePolicies.generate(new StorePolicies.VaultPolicy("p", "kv", SecretStoreSpec.KvVersion.v1,
                List.of("kv/team-a/db"), null, "r", "n", "s", "15m"));
        assertThat(file(v1, "p.hcl").content()).contains("path \"kv/team-a/db\"").doesNotContain("/data/");
    }

    @Test
    void gcpAndAzureBindingsAreScopedToTheSecretAndTheVault() {
        Bundle g = StorePolicies.generate(new StorePolicies.GcpPolicy("proj", List.of("db"), "eso@proj.iam.gserviceaccount.com",
                "team-a", "app"));
        assertThat(file(g, "gcp-iam.sh").content()).contains("gcloud secrets add-iam-policy-binding db --project proj")
                .contains("roles/secretmanager.secretAccessor").contains("proj.svc.id.goog[team-a/app]");
        assertThat(file(g, "serviceaccount-app.yaml").content()).contains("iam.gke.io/gcp-service-account");
        Bundle z = StorePolicies.generate(new StorePolicies.AzurePolicy("sub", "rg", "vault1", "oid", "cid", "tid",
                "team-a", "app", "id1", "https://issuer"));
        assertThat(file(z, "azure-role.sh").content()).contains("\"Key Vault Secrets User\"")
                .contains("--scope /subscriptions/sub/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/vault1")
                .contains("system:serviceaccount:team-a:app");
        assertThat(file(z, "serviceaccount-app.yaml").content()).contains("azure.workload.identity/client-id: cid");
    }

    @Test
    void sopsPutsTheCatchAllLastAndUsesTheKubernetesRegex() {
        Bundle b = SopsConfig.generate(List.of(
                new SopsConfig.Rule(null, List.of("age1x"), null, null, null, null),
                new SopsConfig.Rule("^clusters/prod/.*", null, null, List.of("arn:aws:kms:eu:1:key/k"), null, null)));
        assertThat(b.hasErrors()).isFalse();
        Map<String, Object> y = YamlReader.readMap(b.manifests().get(0).content(), ".sops.yaml");
        List<Object> rules = ProviderRules.list(y.get("creation_rules"));
        assertThat(ProviderRules.map(rules.get(0))).containsEntry("path_regex", "^clusters/prod/.*")
                .containsEntry("encrypted_regex", "^(data|stringData)$");
        assertThat(ProviderRules.map(rules.get(1))).doesNotContainKey("path_regex").containsEntry("age", "age1x");
        assertThat(SopsConfig.generate(List.of(new SopsConfig.Rule("(", null, null, null, null, null))).problems())
                .hasSize(2);
    }

    static SecretInfo secret() {
        return new SecretInfo(ObjectMeta.of("team-a", "db"), "Opaque", false,
                List.of(new SecretInfo.SecretKeyInfo("password", 8, "f1", false),
                        new SecretInfo.SecretKeyInfo("username", 4, "f2", false)), null, null, null);
    }

    @Test
    void migrationReproducesTheKeysAndNeverCarriesValues() {
        Bundle b = SecretMigration.migrate(secret(), new SecretMigration.MigrationSpec(
                SecretMigration.Backend.VAULT, "vault", "SecretStore", null, SecretMigration.Upload.CLI, "secret",
                null, null));
        assertThat(b.hasErrors()).isFalse();
        Map<String, Object> es = YamlReader.readMap(b.objects().get(0).content(), "es");
        assertThat(SchemaValidator.get().validate(es)).isEmpty();
        List<Object> data = ProviderRules.list(ProviderRules.map(es.get("spec")).get("data"));
        assertThat(data).hasSize(2);
        assertThat(ProviderRules.map(ProviderRules.map(data.get(0)).get("remoteRef")))
                .containsEntry("key", "team-a/db").containsEntry("property", "password");
        String sh = b.manifests().stream().filter(m -> m.format() == Manifest.Format.SHELL).findFirst().orElseThrow().content();
        assertThat(sh).contains("kubectl get secret db -n team-a").contains("vault kv put -mount=secret team-a/db -");
        assertThat(b.nextSteps()).anyMatch(s -> s.contains("Remove the old Secret"));

        Bundle push = SecretMigration.migrate(secret(), new SecretMigration.MigrationSpec(
                SecretMigration.Backend.AWS_PARAMETER_STORE, "aws", "ClusterSecretStore", "apps/{namespace}/{name}",
                SecretMigration.Upload.PUSH_SECRET, null, null, null));
        assertThat(push.hasErrors()).isFalse();
        assertThat(push.objects()).extracting(Manifest::kind).containsExactly("ExternalSecret", "PushSecret");
        assertThat(push.objects().get(0).content()).contains("key: /apps/team-a/db/password");
        assertThat(SecretMigration.remoteKey(new SecretMigration.MigrationSpec(SecretMigration.Backend.GCP, "g", null,
                null, SecretMigration.Upload.CLI, null, null, null), secret())).isEqualTo("team-a-db");
    }

    @Test
    void detectionReportsInstalledServedAndInstallCommands() {
        ClusterSnapshot.Builder sb = ClusterSnapshot.builder(source());
        sb.crds.add(new CrdInfo("externalsecrets.external-secrets.io", "external-secrets.io", "ExternalSecret",
                "externalsecrets", true, List.of(new CrdInfo.Version("v1", true, true, false),
                new CrdInfo.Version("v1beta1", false, false, true))));
        sb.apiResources.add(new ApiResourceInfo("bitnami.com", "v1alpha1", "sealedsecrets", "SealedSecret", true,
                List.of("get", "list")));
        sb.crds.add(new CrdInfo("secretproviderclasses.secrets-store.csi.x-k8s.io", "secrets-store.csi.x-k8s.io",
                "SecretProviderClass", "secretproviderclasses", true,
                List.of(new CrdInfo.Version("v1alpha1", true, true, false))));
        List<StoreDetection.Status> st = StoreDetection.detect(sb.build());
        assertThat(st.get(0).usable()).isTrue();
        assertThat(st.get(0).servedVersions()).containsExactly("v1");
        assertThat(st.get(1).installed()).isTrue();
        assertThat(st.get(1).usable()).isFalse();
        assertThat(st.get(2).usable()).isTrue();
        assertThat(st.get(3).installed()).isFalse();
        assertThat(st.get(3).advice()).startsWith("Not installed");
    }

    static SourceInfo source() {
        return new SourceInfo(SourceInfo.Kind.SNAPSHOT, "test", "", "", java.time.Instant.EPOCH, null);
    }
}
