package dev.kustodian.ui.secrets;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.NamespaceInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.wizard.WizardRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A small snapshot for the Secrets and Reports page tests, and test doubles for the timer and clipboard. */
public final class SecretsFixture {
    public static final Instant NOW = Instant.parse("2026-11-28T14:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private SecretsFixture() {
    }

    public static ClusterSnapshot snapshot(SourceInfo.Kind kind) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(kind, "test", "https://127.0.0.1:6443",
                "v1.31.2", NOW, null));
        for (String ns : List.of("default", "kube-system", "shop", "payments")) {
            b.namespaces.add(new NamespaceInfo(ObjectMeta.of("", ns), "Active"));
        }
        Instant created = NOW.minus(Duration.ofDays(120));
        b.secrets.add(new SecretInfo(new ObjectMeta("shop", "db", "u1", null, null, created, created, null),
                SecretInfo.TYPE_OPAQUE, false, List.of(key("password", 24), key("username", 5)), null, null, null));
        b.secrets.add(new SecretInfo(ObjectMeta.of("shop", "api-token"), SecretInfo.TYPE_OPAQUE, false,
                List.of(key("token", 40)), null, null, null));
        b.secrets.add(new SecretInfo(ObjectMeta.of("shop", "regcred"), SecretInfo.TYPE_DOCKERCONFIGJSON, false,
                List.of(key(".dockerconfigjson", 180)), null,
                new SecretInfo.DockerConfigFacts(List.of("ghcr.io", "registry.example.com"), true, null), null));
        b.secrets.add(new SecretInfo(ObjectMeta.of("payments", "web-tls"), SecretInfo.TYPE_TLS, false,
                List.of(key("tls.crt", 1200), key("tls.key", 1700)),
                new SecretInfo.TlsFacts("CN=shop.example.com", "CN=Example CA", List.of("shop.example.com",
                        "www.shop.example.com"), NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(10)),
                        "RSA 2048", false, 2, null), null, null));
        b.secrets.add(new SecretInfo(ObjectMeta.of("kube-system", "legacy-token"), SecretInfo.TYPE_SA_TOKEN, false,
                List.of(key("token", 900), key("ca.crt", 1100)), null, null, "builder"));
        b.serviceAccounts.add(new ServiceAccountInfo(ObjectMeta.of("shop", "default"), null, null, null));
        b.serviceAccounts.add(new ServiceAccountInfo(ObjectMeta.of("shop", "ci"), null, null, null));
        PodSpecInfo spec = new PodSpecInfo("default", null, List.of("regcred"), List.of(
                new PodSpecInfo.Volume("tls", "secret", "api-token", List.of(), false, List.of(), false, null, null,
                        null, null)),
                List.of(new PodSpecInfo.Container("app", "img", false, List.of(
                        new PodSpecInfo.EnvVar("DB_PASSWORD", false, "secretKeyRef", "db", "password", false)),
                        List.of(), List.of(), List.of(), false)), List.of(), false, null);
        b.workloads.add(new WorkloadInfo("Deployment", ObjectMeta.of("shop", "web"), spec, null));
        b.roles.add(new RoleInfo(RoleInfo.ROLE, ObjectMeta.of("shop", "secret-reader"),
                List.of(PolicyRule.resources(List.of(""), List.of("secrets"), List.of("get", "list"))), null));
        b.bindings.add(new BindingInfo(BindingInfo.ROLE_BINDING, ObjectMeta.of("shop", "ci-reads-secrets"),
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", "Role", "secret-reader"),
                List.of(new BindingInfo.Subject("ServiceAccount", "ci", "shop", null))));
        return b.build();
    }

    static SecretInfo.SecretKeyInfo key(String name, long size) {
        String fp = String.format("%032x", new java.math.BigInteger(1, name.getBytes()).add(java.math.BigInteger.valueOf(size)));
        return new SecretInfo.SecretKeyInfo(name, size, fp.substring(fp.length() - 32), false);
    }

    public static ClusterSession session(SourceSpec spec, ClusterSnapshot s,
                                         dev.kustodian.core.port.ClusterPort cluster) {
        return ClusterSession.over(spec, s, cluster, cluster == null ? null : "test");
    }

    public static List<Finding> findings(ClusterSnapshot s) {
        return dev.kustodian.core.analysis.Analysis.of(s, CLOCK).findings();
    }

    /** A page context over {@code state} with the given executor and dialogs; wizard openings are recorded. */
    public static TestPageContext context(AppState state, TaskExecutor tasks, DialogService dialogs,
                                      WizardRegistry wizards, List<String> opened) {
        return new TestPageContext(state, tasks, dialogs, wizards, opened);
    }

    /** A timer the test fires by hand (no sleeping). */
    public static final class ManualTimer implements RevealTimer {
        public record Scheduled(Duration delay, Runnable action, boolean[] cancelled) {
        }

        public final List<Scheduled> scheduled = new ArrayList<>();

        @Override
        public Runnable schedule(Duration delay, Runnable action) {
            boolean[] cancelled = {false};
            scheduled.add(new Scheduled(delay, action, cancelled));
            return () -> cancelled[0] = true;
        }

        /** Runs every pending (not cancelled) action, as if their delay had passed. */
        public void fireAll() {
            List<Scheduled> now = new ArrayList<>(scheduled);
            scheduled.clear();
            now.stream().filter(s -> !s.cancelled()[0]).forEach(s -> s.action().run());
        }

        public long pending() {
            return scheduled.stream().filter(s -> !s.cancelled()[0]).count();
        }
    }

    /** An in-memory clipboard. */
    public static final class FakeClipboard implements SecretClipboard {
        public String text;

        @Override
        public void put(String t) {
            text = t;
        }

        @Override
        public String current() {
            return text;
        }

        @Override
        public void clear() {
            text = null;
        }
    }
}
