package dev.kustodian.ui.framework;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CrdInfo;
import dev.kustodian.core.model.NamespaceInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.model.WorkloadInfo;

import java.time.Instant;
import java.util.List;

/**
 * Builder-made snapshots for UI tests and screenshots (until the demo cluster and snapshot loader land): a small
 * cluster shaped like the demo (kube-system, two team namespaces, secrets, service accounts, a risky binding,
 * ESO CRDs, one visibility gap). No values anywhere: the model has none.
 */
public final class TestSnapshots {
    private TestSnapshots() {
    }

    public static final Instant LOADED = Instant.parse("2026-11-28T14:02:00Z");

    public static ClusterSnapshot demoLike(SourceInfo.Kind kind, String label) {
        SourceInfo src = new SourceInfo(kind, label, "https://127.0.0.1:6443", "v1.31.2", LOADED,
                new SourceInfo.Identity("kubernetes-admin", List.of("system:masters", "system:authenticated"),
                        "SelfSubjectReview"));
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(src);
        for (String ns : List.of("default", "kube-system", "team-a", "team-b", "payments")) {
            b.namespaces.add(new NamespaceInfo(ObjectMeta.of("", ns), "Active"));
        }
        b.secrets.add(secret("team-a", "db-credentials", SecretInfo.TYPE_OPAQUE, "username", "password"));
        b.secrets.add(secret("team-a", "api-token", SecretInfo.TYPE_OPAQUE, "token"));
        b.secrets.add(secret("team-b", "registry-pull", SecretInfo.TYPE_DOCKERCONFIGJSON, ".dockerconfigjson"));
        b.secrets.add(secret("payments", "stripe-keys", SecretInfo.TYPE_OPAQUE, "publishable", "secret"));
        b.secrets.add(secret("payments", "tls-frontend", SecretInfo.TYPE_TLS, "tls.crt", "tls.key"));
        b.secrets.add(secret("kube-system", "legacy-token", SecretInfo.TYPE_SA_TOKEN, "token", "ca.crt"));
        for (String[] sa : new String[][]{{"team-a", "default"}, {"team-a", "backend"}, {"team-b", "default"},
                {"payments", "default"}, {"payments", "checkout"}, {"kube-system", "default"}}) {
            b.serviceAccounts.add(new ServiceAccountInfo(ObjectMeta.of(sa[0], sa[1]), null, null, null));
        }
        b.workloads.add(new WorkloadInfo("Deployment", ObjectMeta.of("team-a", "backend"), spec("backend"), null));
        b.workloads.add(new WorkloadInfo("Pod", ObjectMeta.of("team-a", "backend-7d9f-abcde"), spec("backend"),
                "Running"));
        b.workloads.add(new WorkloadInfo("Deployment", ObjectMeta.of("payments", "checkout"), spec("checkout"), null));
        b.workloads.add(new WorkloadInfo("Pod", ObjectMeta.of("payments", "checkout-5c8b-xyz12"), spec("checkout"),
                "Running"));
        b.roles.add(new RoleInfo(RoleInfo.CLUSTER_ROLE, ObjectMeta.of("", "secret-lister"),
                List.of(PolicyRule.resources(List.of(""), List.of("secrets"), List.of("get", "list", "watch"))),
                null));
        b.roles.add(new RoleInfo(RoleInfo.CLUSTER_ROLE, ObjectMeta.of("", "cluster-admin"),
                List.of(PolicyRule.resources(List.of("*"), List.of("*"), List.of("*"))), null));
        b.bindings.add(new BindingInfo(BindingInfo.CLUSTER_ROLE_BINDING, ObjectMeta.of("", "ci-can-list-secrets"),
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", "ClusterRole", "secret-lister"),
                List.of(new BindingInfo.Subject("ServiceAccount", "deployer", "team-b", null))));
        b.crds.add(new CrdInfo("externalsecrets.external-secrets.io", "external-secrets.io", "ExternalSecret",
                "externalsecrets", true, List.of(new CrdInfo.Version("v1", true, true, false))));
        b.gaps.add(new VisibilityGap("configmaps", "payments", 403, "not visible: needs list on configmaps"));
        return b.build();
    }

    public static ClusterSession session(SourceSpec spec) {
        return switch (spec.kind()) {
            case DEMO -> new ClusterSession(spec, demoLike(SourceInfo.Kind.DEMO, "demo"), null, "demo");
            case SNAPSHOT -> new ClusterSession(spec, demoLike(SourceInfo.Kind.SNAPSHOT,
                    String.valueOf(spec.snapshotPath())), null, null);
            case LIVE, IN_CLUSTER -> {
                String ctx = spec.context() == null ? "dev" : spec.context();
                yield new ClusterSession(spec, demoLike(SourceInfo.Kind.LIVE, ctx), null, ctx);
            }
        };
    }

    private static SecretInfo secret(String ns, String name, String type, String... keys) {
        return new SecretInfo(ObjectMeta.of(ns, name), type, false,
                java.util.Arrays.stream(keys).map(k -> new SecretInfo.SecretKeyInfo(k, 32, "0".repeat(32), false))
                        .toList(), null, null, null);
    }

    private static PodSpecInfo spec(String sa) {
        return new PodSpecInfo(sa, null, null, null, null, null, false, null);
    }
}
