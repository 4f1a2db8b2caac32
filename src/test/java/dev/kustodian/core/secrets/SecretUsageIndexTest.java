package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.model.WorkloadInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kustodian.core.secrets.Fx.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecretUsageIndexTest {

    @Test
    void foldsOwnedPodsIntoTheTopControllerAndCountsThem() {
        var spec = spec(container("app", List.of(envSecret("PW", "db", "password")), List.of()));
        ClusterSnapshot.Builder b = builder();
        b.secrets.add(secret("shop", "db", "password"));
        b.workloads.add(workload("Deployment", "shop", "web", spec));
        b.workloads.add(workload("ReplicaSet", "shop", "web-1", spec, owner("Deployment", "web")));
        b.workloads.add(workload("Pod", "shop", "web-1-a", spec, owner("ReplicaSet", "web-1")));
        b.workloads.add(workload("Pod", "shop", "web-1-b", spec, owner("ReplicaSet", "web-1")));
        b.workloads.add(workload("Pod", "shop", "bare", spec));
        SecretUsageIndex idx = SecretUsageIndex.build(b.build());

        List<SecretUse> uses = idx.usesOf("shop", "db");
        assertThat(uses).extracting(SecretUse::user).containsExactly(
                new ObjectRef("Deployment", "shop", "web"), new ObjectRef("Pod", "shop", "bare"));
        assertThat(uses.get(0).podCount()).isEqualTo(2);
        assertThat(uses.get(0).how()).isEqualTo(SecretUse.How.ENV);
        assertThat(uses.get(0).keys()).containsExactly("password");
        assertThat(uses.get(1).podCount()).isEqualTo(1);
        assertThat(idx.usage(b.build().secrets().get(0)).usedByCount()).isEqualTo(2);
    }

    /** Container "app" reading {@code key} of secret db into PW. */
    private static PodSpecInfo.Container app(String key) {
        return container("app", List.of(envSecret("PW", "db", key)), List.of());
    }

    private static WorkloadInfo podOfWeb1(String name, PodSpecInfo spec) {
        return workload("Pod", "shop", name, spec, owner("ReplicaSet", "web-1"));
    }

    @Test
    void aPodThatDiffersFromItsSiblingsAddsItsOwnReferencesToTheController() {
        ClusterSnapshot.Builder b = builder();
        b.secrets.add(secret("shop", "db", "password"));
        b.secrets.add(secret("shop", "agent", "token"));
        b.workloads.add(workload("Deployment", "shop", "web", spec(app("password"))));
        b.workloads.add(workload("ReplicaSet", "shop", "web-1", spec(app("password")), owner("Deployment", "web")));
        // every pod has its own copy of the spec, as a loaded cluster has; the second one got a sidecar injected
        // by a webhook, the third refers to a key the secret does not have
        b.workloads.add(podOfWeb1("web-1-a", spec(app("password"))));
        b.workloads.add(podOfWeb1("web-1-b", spec(app("password"),
                container("agent", List.of(envSecret("TOKEN", "agent", "token")), List.of()))));
        b.workloads.add(podOfWeb1("web-1-c", spec(app("pasword"))));
        b.workloads.add(podOfWeb1("web-1-d", spec(app("password"))));
        SecretUsageIndex idx = SecretUsageIndex.build(b.build());

        ObjectRef web = new ObjectRef("Deployment", "shop", "web");
        assertThat(idx.usesOf("shop", "db")).singleElement().satisfies(u -> {
            assertThat(u.user()).isEqualTo(web);
            assertThat(u.keys()).containsExactly("password", "pasword");
            assertThat(u.podCount()).isEqualTo(4);
        });
        assertThat(idx.usesOf("shop", "agent")).singleElement().satisfies(u -> {
            assertThat(u.user()).isEqualTo(web);
            assertThat(u.where()).isEqualTo("agent");
        });
        assertThat(idx.dangling()).singleElement().satisfies(d -> {
            assertThat(d.user()).isEqualTo(web);
            assertThat(d.key()).isEqualTo("pasword");
            assertThat(d.where()).isEqualTo("app env PW");
        });
    }

    @Test
    void anOwnerReferenceWithoutKindOrNameDoesNotBreakTheIndex() {
        var spec = spec(container("app", List.of(), List.of(envFromSecret("db"))));
        ClusterSnapshot.Builder b = builder();
        b.secrets.add(secret("ns", "db", "k"));
        b.workloads.add(workload("Pod", "ns", "p1", spec, new ObjectMeta.OwnerRef(null, null, null, true)));
        SecretUsageIndex idx = SecretUsageIndex.build(b.build());
        assertThat(idx.usesOf("ns", "db")).singleElement()
                .satisfies(u -> assertThat(u.how()).isEqualTo(SecretUse.How.ENV_FROM));
    }

    @Test
    void ownerMissingFromSnapshotIsShownAsTheOwner() {
        var spec = spec(container("app", List.of(), List.of(envFromSecret("db"))));
        ClusterSnapshot.Builder b = builder();
        b.secrets.add(secret("ns", "db", "k"));
        b.workloads.add(workload("Pod", "ns", "p1", spec, owner("StatefulSet", "pg")));
        SecretUsageIndex idx = SecretUsageIndex.build(b.build());
        assertThat(idx.usesOf("ns", "db")).singleElement().satisfies(u -> {
            assertThat(u.user()).isEqualTo(new ObjectRef("StatefulSet", "ns", "pg"));
            assertThat(u.how()).isEqualTo(SecretUse.How.ENV_FROM);
            assertThat(u.podCount()).isEqualTo(1);
        });
    }

    @Test
    void recordsEveryKindOfUseButNotCsi() {
        var spec = spec("app", null, List.of("regcred"),
                List.of(secretVolume("certs", "tls", false, "tls.key"), projected("bundle", "cfg", "a"),
                        csi("vault", "secrets-store.csi.k8s.io")),
                List.of(container("c", List.of(), List.of())));
        ClusterSnapshot.Builder b = builder();
        b.secrets.add(secret("ns", "tls", "tls.key"));
        b.secrets.add(secret("ns", "cfg", "a"));
        b.secrets.add(secret("ns", "regcred", ".dockerconfigjson"));
        b.secrets.add(secret("ns", "legacy", "token"));
        b.secrets.add(new SecretInfo(meta("ns", "app-token"), SecretInfo.TYPE_SA_TOKEN, false, List.of(), null, null, "app"));
        b.serviceAccounts.add(new ServiceAccountInfo(meta("ns", "app"), null, List.of("legacy"), List.of("regcred")));
        b.workloads.add(workload("Pod", "ns", "p", spec));
        SecretUsageIndex idx = SecretUsageIndex.build(b.build());

        assertThat(idx.usesOf("ns", "tls")).extracting(SecretUse::how).containsExactly(SecretUse.How.VOLUME);
        assertThat(idx.usesOf("ns", "cfg")).extracting(SecretUse::how).containsExactly(SecretUse.How.PROJECTED_VOLUME);
        assertThat(idx.usesOf("ns", "regcred")).extracting(SecretUse::how)
                .containsExactly(SecretUse.How.IMAGE_PULL_SECRET, SecretUse.How.IMAGE_PULL_SECRET);
        assertThat(idx.usesOf("ns", "legacy")).extracting(SecretUse::how).containsExactly(SecretUse.How.SERVICE_ACCOUNT);
        assertThat(idx.usesOf("ns", "app-token")).singleElement().satisfies(u -> {
            assertThat(u.how()).isEqualTo(SecretUse.How.SERVICE_ACCOUNT_TOKEN);
            assertThat(u.user()).isEqualTo(new ObjectRef("ServiceAccount", "ns", "app"));
        });
        assertThat(idx.dangling()).isEmpty();
    }

    @Test
    void customResourceReferencesCountAsUses() {
        ClusterSnapshot.Builder b = builder();
        b.secrets.add(secret("ns", "vault-token", "token"));
        b.secrets.add(secret("ns", "acme-key", "tls.key"));
        b.customObjects.add(new CustomObjectInfo("external-secrets.io/v1", "SecretStore", meta("ns", "vault"),
                Map.of("provider", Map.of("vault", Map.of("auth", Map.of("tokenSecretRef",
                        Map.of("name", "vault-token", "key", "token")))))));
        b.customObjects.add(new CustomObjectInfo("cert-manager.io/v1", "Certificate", meta("ns", "c"),
                Map.of("secretName", "acme-key")));
        SecretUsageIndex idx = SecretUsageIndex.build(b.build());
        assertThat(idx.usesOf("ns", "vault-token")).singleElement()
                .satisfies(u -> assertThat(u.user().kind()).isEqualTo("SecretStore"));
        assertThat(idx.usesOf("ns", "acme-key")).extracting(SecretUse::how)
                .containsExactly(SecretUse.How.RESOURCE_REFERENCE);
    }

    @Test
    void danglingReferencesMissingSecretsAndKeysButNotOptionalOnes() {
        var spec = spec("app", false, List.of("nopull"),
                List.of(secretVolume("v", "gone", false), secretVolume("o", "maybe", true)),
                List.of(container("c", List.of(envSecret("A", "db", "missing"), envSecret("B", "db", "present")),
                        List.of())));
        ClusterSnapshot.Builder b = builder();
        b.secrets.add(secret("ns", "db", "present"));
        b.workloads.add(workload("Deployment", "ns", "d", spec));
        b.workloads.add(workload("Pod", "ns", "d-x", spec, owner("Deployment", "d")));
        SecretUsageIndex idx = SecretUsageIndex.build(b.build());

        assertThat(idx.dangling()).extracting(DanglingRef::secretName, DanglingRef::key, DanglingRef::blocksStart)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("db", "missing", true),
                        org.assertj.core.groups.Tuple.tuple("gone", null, true),
                        org.assertj.core.groups.Tuple.tuple("nopull", null, false));
        assertThat(idx.dangling()).allSatisfy(d -> assertThat(d.user()).isEqualTo(new ObjectRef("Deployment", "ns", "d")));
    }

    @Test
    void noDanglingWhenSecretsAreNotVisible() {
        var spec = spec(container("c", List.of(envSecret("A", "db", "k")), List.of()));
        ClusterSnapshot.Builder b = builder();
        b.workloads.add(workload("Pod", "ns", "p", spec));
        b.gaps.add(new VisibilityGap("secrets", "", 403, "not visible"));
        assertThat(SecretUsageIndex.build(b.build()).dangling()).isEmpty();
    }

    @Test
    void managedByClassification() {
        assertThat(SecretUsageIndex.managedBy(secret(meta("a", "b", null, null, null,
                List.of(new ObjectMeta.OwnerRef("external-secrets.io/v1", "ExternalSecret", "x", true))),
                SecretInfo.TYPE_OPAQUE, List.of()))).isEqualTo(ManagedBy.EXTERNAL_SECRET);
        assertThat(SecretUsageIndex.managedBy(secret(meta("a", "b", null, null, null,
                List.of(new ObjectMeta.OwnerRef("bitnami.com/v1alpha1", "SealedSecret", "x", true))),
                SecretInfo.TYPE_OPAQUE, List.of()))).isEqualTo(ManagedBy.SEALED_SECRET);
        assertThat(SecretUsageIndex.managedBy(secret(meta("a", "b"), SecretInfo.TYPE_HELM_RELEASE, List.of())))
                .isEqualTo(ManagedBy.HELM);
        assertThat(SecretUsageIndex.managedBy(secret(meta("a", "b", Map.of("owner", "helm", "name", "r"), null, null,
                null), SecretInfo.TYPE_OPAQUE, List.of()))).isEqualTo(ManagedBy.HELM);
        assertThat(SecretUsageIndex.managedBy(secret(meta("a", "b"), SecretInfo.TYPE_SA_TOKEN, List.of())))
                .isEqualTo(ManagedBy.SERVICE_ACCOUNT_TOKEN);
        assertThat(SecretUsageIndex.managedBy(secret(meta("a", "b", null,
                Map.of("cert-manager.io/certificate-name", "c"), null, null), SecretInfo.TYPE_TLS, List.of())))
                .isEqualTo(ManagedBy.CERT_MANAGER);
        assertThat(SecretUsageIndex.managedBy(secret(meta("a", "b"), SecretInfo.TYPE_OPAQUE, List.of())))
                .isEqualTo(ManagedBy.NONE);
    }
}
