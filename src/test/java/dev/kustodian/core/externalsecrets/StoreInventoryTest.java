package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SourceInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class StoreInventoryTest {

    /** The test snapshot, for the page's view-model test. */
    public static ClusterSnapshot snapshotForUi() {
        return snapshot();
    }


    private static SecretInfo secret(ObjectMeta m, String type) {
        return new SecretInfo(m, type, false, List.of(new SecretInfo.SecretKeyInfo("k", 3, "0".repeat(32), false)),
                null, null, null);
    }

    static ClusterSnapshot snapshot() {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "t", null, null,
                null, null));
        b.customObjects.add(new CustomObjectInfo("external-secrets.io/v1", "SecretStore", ObjectMeta.of("a", "vault"),
                Map.of("provider", Map.of("vault", Map.of("server", "https://v")))));
        b.customObjects.add(new CustomObjectInfo("external-secrets.io/v1", "ExternalSecret", ObjectMeta.of("a", "db"),
                Map.of("secretStoreRef", Map.of("name", "vault"), "target", Map.of("name", "db-secret"))));
        b.customObjects.add(new CustomObjectInfo("bitnami.com/v1alpha1", "SealedSecret", ObjectMeta.of("a", "sealed"),
                Map.of("encryptedData", Map.of("x", 684))));
        b.customObjects.add(new CustomObjectInfo("secrets-store.csi.x-k8s.io/v1", "SecretProviderClass",
                ObjectMeta.of("a", "spc"), Map.of("provider", "aws", "secretObjects",
                List.of(Map.of("secretName", "synced")))));
        b.secrets.add(secret(ObjectMeta.of("a", "db-secret"), "Opaque"));
        b.secrets.add(secret(ObjectMeta.of("a", "sealed"), "Opaque"));
        b.secrets.add(secret(ObjectMeta.of("a", "synced"), "Opaque"));
        b.secrets.add(secret(ObjectMeta.of("a", "plain"), "Opaque"));
        b.secrets.add(secret(new ObjectMeta("a", "labelled", null, Map.of("reconcile.external-secrets.io/created-by",
                "x"), null, null, null, null), "Opaque"));
        b.secrets.add(secret(ObjectMeta.of("a", "token"), SecretInfo.TYPE_SA_TOKEN));
        return b.build();
    }

    @Test
    void objectsWithSummaries() {
        List<StoreInventory.StoreObject> o = StoreInventory.objects(snapshot());
        assertThat(o).extracting(StoreInventory.StoreObject::kind)
                .containsExactly("SecretStore", "ExternalSecret", "SecretProviderClass", "SealedSecret");
        assertThat(o.get(0).summary()).isEqualTo("provider vault");
        assertThat(o.get(1).summary()).isEqualTo("SecretStore vault → Secret db-secret");
        assertThat(o.get(2).summary()).contains("provider aws").contains("syncs 1 Secret(s)");
        assertThat(o.get(3).summary()).isEqualTo("1 sealed key(s)");
        assertThat(StoreInventory.counts(snapshot())).containsEntry("ExternalSecret", 1).containsEntry("PushSecret", 0);
    }

    @Test
    void adoptionTellsManagedFromPlain() {
        Map<String, StoreInventory.Management> m = new java.util.TreeMap<>();
        for (StoreInventory.Adoption a : StoreInventory.adoption(snapshot())) {
            m.put(a.name(), a.management());
        }
        assertThat(m).containsEntry("db-secret", StoreInventory.Management.EXTERNAL_SECRET)
                .containsEntry("sealed", StoreInventory.Management.SEALED_SECRET)
                .containsEntry("synced", StoreInventory.Management.CSI_SYNC)
                .containsEntry("labelled", StoreInventory.Management.EXTERNAL_SECRET)
                .containsEntry("plain", StoreInventory.Management.PLAIN)
                .containsEntry("token", StoreInventory.Management.SYSTEM);
    }

    @Test
    void azureManagedIdentityWithoutIdentityIdValidates() {
        var b = StoreGenerator.generate(new SecretStoreSpec("kv", "a", false, new SecretStoreSpec.Azure(
                "https://v.vault.azure.net", null, new SecretStoreSpec.AzureManagedIdentity(null))));
        assertThat(b.problems()).noneMatch(p -> p.error());
        assertThat(b.combinedYaml()).contains("authType: ManagedIdentity").doesNotContain("identityId");
    }
}
