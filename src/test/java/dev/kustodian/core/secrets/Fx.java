package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.WorkloadInfo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small builders for test snapshots. */
final class Fx {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private Fx() {
    }

    static ClusterSnapshot.Builder builder() {
        return ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "test", "", "", NOW, null));
    }

    static AnalysisContext ctx(ClusterSnapshot s) {
        return dev.kustodian.core.analysis.Analysis.context(s, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static List<Finding> run(FindingRule rule, ClusterSnapshot s) {
        return rule.evaluate(ctx(s));
    }

    static FindingRule rule(String id) {
        return new SecretRules().rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static ObjectMeta meta(String ns, String name) {
        return ObjectMeta.of(ns, name);
    }

    static ObjectMeta meta(String ns, String name, Map<String, String> labels, Map<String, String> annotations,
                           Instant modified, List<ObjectMeta.OwnerRef> owners) {
        return new ObjectMeta(ns, name, ns + "-" + name, labels, annotations, modified, modified, owners);
    }

    static SecretInfo.SecretKeyInfo key(String name, String fingerprint) {
        return new SecretInfo.SecretKeyInfo(name, 16, fingerprint, false);
    }

    static SecretInfo secret(String ns, String name, String... keys) {
        List<SecretInfo.SecretKeyInfo> ks = new ArrayList<>();
        for (String k : keys) {
            ks.add(key(k, ns + "/" + name + "/" + k));
        }
        return new SecretInfo(meta(ns, name), SecretInfo.TYPE_OPAQUE, false, ks, null, null, null);
    }

    static SecretInfo secret(ObjectMeta meta, String type, List<SecretInfo.SecretKeyInfo> keys) {
        return new SecretInfo(meta, type, false, keys, null, null, null);
    }

    static PodSpecInfo.Container container(String name, List<PodSpecInfo.EnvVar> env, List<PodSpecInfo.EnvFrom> envFrom) {
        return new PodSpecInfo.Container(name, "img", false, env, envFrom, List.of(), List.of(), false);
    }

    static PodSpecInfo.EnvVar envSecret(String var, String secret, String key) {
        return new PodSpecInfo.EnvVar(var, false, "secretKeyRef", secret, key, false);
    }

    static PodSpecInfo.EnvFrom envFromSecret(String secret) {
        return new PodSpecInfo.EnvFrom("secretRef", secret, null, false);
    }

    static PodSpecInfo.Volume secretVolume(String name, String secret, boolean optional, String... items) {
        return new PodSpecInfo.Volume(name, "secret", secret, Arrays.asList(items), optional, List.of(), false, null,
                null, null, null);
    }

    static PodSpecInfo.Volume projected(String name, String secret, String... items) {
        return new PodSpecInfo.Volume(name, "projected", null, List.of(), false,
                List.of(new PodSpecInfo.ProjectedSecret(secret, Arrays.asList(items), false)), true, null, null,
                null, null);
    }

    static PodSpecInfo.Volume csi(String name, String driver) {
        return new PodSpecInfo.Volume(name, "csi", null, List.of(), false, List.of(), false, driver, "spc", null, null);
    }

    static PodSpecInfo spec(String sa, Boolean automount, List<String> pullSecrets, List<PodSpecInfo.Volume> volumes,
                            List<PodSpecInfo.Container> containers) {
        return new PodSpecInfo(sa, automount, pullSecrets, volumes, containers, List.of(), false, null);
    }

    static PodSpecInfo spec(PodSpecInfo.Container... containers) {
        return spec("app", false, List.of(), List.of(), Arrays.asList(containers));
    }

    static WorkloadInfo workload(String kind, String ns, String name, PodSpecInfo spec, ObjectMeta.OwnerRef... owners) {
        ObjectMeta m = new ObjectMeta(ns, name, null, null, null, null, null, Arrays.asList(owners));
        return new WorkloadInfo(kind, m, spec, "Pod".equals(kind) ? "Running" : null);
    }

    static ObjectMeta.OwnerRef owner(String kind, String name) {
        return new ObjectMeta.OwnerRef("apps/v1", kind, name, true);
    }
}
