package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ConfigMapInfo;
import dev.kustodian.core.model.CrdInfo;
import dev.kustodian.core.model.LeakHint;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.model.WorkloadInfo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kustodian.core.secrets.Fx.*;
import static org.assertj.core.api.Assertions.assertThat;

class SecretRulesTest {

    @Test
    void providerIsRegisteredAndEveryRuleHasAUniqueId() {
        assertThat(dev.kustodian.core.analysis.Analysis.allRules()).extracting(r -> r.id()).contains(SecretRules.ENV, SecretRules.NO_EXTERNAL_STORE);
        List<String> ids = new SecretRules().rules().stream().map(r -> r.id()).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(15).allMatch(id -> id.startsWith("SEC-"));
    }

    @Test
    void everyFindingCarriesTheAreaAndTheMandatoryFields() {
        ClusterSnapshot s = DemoLike.snapshot();
        var ctx = ctx(s);
        SecretReadersSource.install(ctx, DemoLike.readers());
        List<Finding> all = Rules.evaluate(ctx, new SecretRules().rules());
        assertThat(all).extracting(Finding::rule).contains(new SecretRules().rules().stream()
                .map(r -> r.id()).toArray(String[]::new));
        assertThat(all).allSatisfy(f -> {
            assertThat(f.area()).isEqualTo("secrets");
            assertThat(f.title()).isNotBlank();
            assertThat(f.explanation()).isNotBlank();
            assertThat(f.remediation()).isNotBlank();
            assertThat(f.object()).isNotNull();
        });
        assertThat(all).extracting(Finding::id).doesNotHaveDuplicates();
    }

    @Nested
    class Env {
        @Test
        void flagsSecretKeyRefAndEnvFromOncePerWorkloadAndSecret() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("shop", "db", "user", "password"));
            b.workloads.add(workload("Deployment", "shop", "web", spec(
                    container("app", List.of(envSecret("U", "db", "user"), envSecret("P", "db", "password")), List.of()),
                    container("side", List.of(), List.of(envFromSecret("db"))))));
            List<Finding> f = run(rule(SecretRules.ENV), b.build());
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.object()).isEqualTo(new ObjectRef("Deployment", "shop", "web"));
                assertThat(x.cis()).containsExactly("5.4.1");
                assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(x.explanation()).contains("app, side").contains("envFrom");
            });
        }

        @Test
        void volumeMountsAreFine() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("shop", "db", "password"));
            b.workloads.add(workload("Deployment", "shop", "web", spec("app", false, List.of(),
                    List.of(secretVolume("v", "db", false)), List.of(container("c", List.of(), List.of())))));
            assertThat(run(rule(SecretRules.ENV), b.build())).isEmpty();
        }
    }

    @Nested
    class LegacyToken {
        @Test
        void flagsServiceAccountTokenSecrets() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(new SecretInfo(meta("ns", "ci-token"), SecretInfo.TYPE_SA_TOKEN, false, List.of(), null, null, "ci"));
            b.secrets.add(new SecretInfo(meta("kube-system", "old-token"), SecretInfo.TYPE_SA_TOKEN, false, List.of(), null, null, "x"));
            List<Finding> f = run(rule(SecretRules.SA_TOKEN_LEGACY), b.build());
            assertThat(f).hasSize(2);
            assertThat(f.get(0).explanation()).contains("service account ci");
            assertThat(f.get(0).system()).isFalse();
            assertThat(f.get(1).system()).isTrue();
        }

        @Test
        void ignoresOtherTypes() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("ns", "opaque", "token"));
            assertThat(run(rule(SecretRules.SA_TOKEN_LEGACY), b.build())).isEmpty();
        }
    }

    @Nested
    class Automount {
        private ClusterSnapshot.Builder base(Boolean podAutomount, String sa) {
            ClusterSnapshot.Builder b = builder();
            b.workloads.add(workload("Deployment", "ns", "web", spec(sa, podAutomount, List.of(), List.of(),
                    List.of(container("c", List.of(), List.of())))));
            return b;
        }

        @Test
        void flagsDefaultAccountWithImplicitAutomount() {
            List<Finding> f = run(rule(SecretRules.AUTOMOUNT), base(null, null).build());
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.object()).isEqualTo(new ObjectRef("Deployment", "ns", "web"));
                assertThat(x.cis()).containsExactly("5.1.6");
            });
        }

        @Test
        void silentWhenOptedOutOrOtherAccountOrDefaultAccountHasBindings() {
            assertThat(run(rule(SecretRules.AUTOMOUNT), base(false, null).build())).isEmpty();
            assertThat(run(rule(SecretRules.AUTOMOUNT), base(true, null).build())).isEmpty();
            assertThat(run(rule(SecretRules.AUTOMOUNT), base(null, "api-client").build())).isEmpty();
            ClusterSnapshot.Builder b = base(null, null);
            b.serviceAccounts.add(new ServiceAccountInfo(meta("ns", "default"), false, List.of(), List.of()));
            assertThat(run(rule(SecretRules.AUTOMOUNT), b.build())).isEmpty();
            ClusterSnapshot.Builder c = base(null, null);
            c.bindings.add(new BindingInfo(BindingInfo.ROLE_BINDING, meta("ns", "rb"),
                    new BindingInfo.RoleRef("rbac.authorization.k8s.io", "ClusterRole", "view"),
                    List.of(new BindingInfo.Subject("ServiceAccount", "default", "ns", null))));
            assertThat(run(rule(SecretRules.AUTOMOUNT), c.build())).isEmpty();
        }
    }

    @Nested
    class Unused {
        @Test
        void flagsUnreferencedOpaqueSecret() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("ns", "orphan", "k"));
            assertThat(run(rule(SecretRules.UNUSED), b.build())).singleElement()
                    .satisfies(x -> assertThat(x.object()).isEqualTo(new ObjectRef("Secret", "ns", "orphan")));
        }

        @Test
        void silentForUsedOwnedSystemTypedOrInvisiblePods() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("ns", "used", "k"));
            b.workloads.add(workload("Pod", "ns", "p", spec("app", false, List.of(),
                    List.of(secretVolume("v", "used", false)), List.of())));
            b.secrets.add(secret(meta("ns", "owned", null, null, null,
                    List.of(new ObjectMeta.OwnerRef("v1", "Foo", "f", true))), SecretInfo.TYPE_OPAQUE, List.of()));
            b.secrets.add(secret(meta("ns", "tok"), SecretInfo.TYPE_SA_TOKEN, List.of()));
            b.secrets.add(secret(meta("ns", "sh.helm.release.v1.x.v1"), SecretInfo.TYPE_HELM_RELEASE, List.of()));
            b.secrets.add(secret(meta("ns", "tls"), SecretInfo.TYPE_TLS, List.of()));
            assertThat(run(rule(SecretRules.UNUSED), b.build())).isEmpty();

            ClusterSnapshot.Builder hidden = builder();
            hidden.secrets.add(secret("ns", "orphan", "k"));
            hidden.gaps.add(new VisibilityGap("pods", "ns", 403, "no"));
            assertThat(run(rule(SecretRules.UNUSED), hidden.build())).isEmpty();
        }
    }

    @Nested
    class Dangling {
        @Test
        void missingSecretIsHighMissingPullSecretIsLow() {
            ClusterSnapshot.Builder b = builder();
            b.workloads.add(workload("Deployment", "ns", "web", spec("app", false, List.of("regcred"), List.of(),
                    List.of(container("c", List.of(envSecret("P", "db", "pw")), List.of())))));
            List<Finding> f = run(rule(SecretRules.DANGLING), b.build());
            assertThat(f).extracting(Finding::severity).containsExactlyInAnyOrder(Severity.HIGH, Severity.LOW);
            assertThat(f).extracting(Finding::title).anyMatch(t -> t.contains("missing secret ns/db"));
        }

        @Test
        void missingKeyIsReportedAndOptionalOrPresentIsNot() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("ns", "db", "pw"));
            b.workloads.add(workload("Pod", "ns", "p", spec(container("c", List.of(
                    envSecret("A", "db", "pw"), envSecret("B", "db", "user"),
                    new PodSpecInfo.EnvVar("C", false, "secretKeyRef", "nope", "k", true)), List.of()))));
            assertThat(run(rule(SecretRules.DANGLING), b.build())).singleElement()
                    .satisfies(x -> assertThat(x.title()).contains("key user of secret ns/db"));
        }
    }

    @Nested
    class Leak {
        @Test
        void reportsConfigMapEnvAndAnnotationLocationsFoldedToController() {
            ClusterSnapshot.Builder b = builder();
            b.configMaps.add(new ConfigMapInfo(meta("ns", "cfg"), List.of("app.properties"),
                    List.of(new LeakHint("data[app.properties]", LeakHint.Kind.URL_WITH_PASSWORD))));
            PodSpecInfo ps = new PodSpecInfo("app", false, List.of(), List.of(), List.of(),
                    List.of(new LeakHint("spec.containers[app].env[DB_PASSWORD]", LeakHint.Kind.SECRET_NAMED_LITERAL)),
                    false, null);
            b.workloads.add(workload("Deployment", "ns", "web", ps));
            b.workloads.add(workload("Pod", "ns", "web-x", ps, owner("Deployment", "web")));
            b.serviceAccounts.add(new ServiceAccountInfo(meta("ns", "sa", null,
                    Map.of("example.com/token", ObjectMeta.REDACTED), null, null), null, null, null));
            List<Finding> f = run(rule(SecretRules.LEAK), b.build());
            assertThat(f).extracting(x -> x.object().display()).containsExactlyInAnyOrder(
                    "ConfigMap/ns/cfg", "Deployment/ns/web", "ServiceAccount/ns/sa");
            assertThat(f).allSatisfy(x -> {
                assertThat(x.severity()).isEqualTo(Severity.HIGH);
                assertThat(x.fix()).isEqualTo("external-secret");
            });
            assertThat(f).extracting(Finding::title).anyMatch(t -> t.contains("data[app.properties]"));
        }

        @Test
        void cleanObjectsProduceNothing() {
            ClusterSnapshot.Builder b = builder();
            b.configMaps.add(new ConfigMapInfo(meta("ns", "cfg", null, Map.of("note", "hello"), null, null),
                    List.of("a"), List.of()));
            b.workloads.add(workload("Pod", "ns", "p", spec(container("c", List.of(), List.of()))));
            assertThat(run(rule(SecretRules.LEAK), b.build())).isEmpty();
        }
    }

    @Nested
    class Tls {
        private SecretInfo cert(String name, Instant notAfter, boolean certManager) {
            var tls = new SecretInfo.TlsFacts("CN=" + name, "CN=ca", List.of(name), NOW.minus(Duration.ofDays(300)),
                    notAfter, "RSA", false, 1, null);
            ObjectMeta m = certManager ? meta("ns", name, null, Map.of("cert-manager.io/certificate-name", name),
                    null, null) : meta("ns", name);
            return new SecretInfo(m, SecretInfo.TYPE_TLS, false, List.of(), tls, null, null);
        }

        @Test
        void expiredAndExpiringAreSeparated() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(cert("old", NOW.minus(Duration.ofDays(1)), false));
            b.secrets.add(cert("soon", NOW.plus(Duration.ofDays(10)), false));
            b.secrets.add(cert("managed", NOW.plus(Duration.ofDays(10)), true));
            b.secrets.add(cert("fine", NOW.plus(Duration.ofDays(31)), false));
            ClusterSnapshot s = b.build();
            assertThat(run(rule(SecretRules.TLS_EXPIRED), s)).singleElement()
                    .satisfies(x -> assertThat(x.object().name()).isEqualTo("old"));
            List<Finding> soon = run(rule(SecretRules.TLS_EXPIRING), s);
            assertThat(soon).extracting(x -> x.object().name()).containsExactly("soon", "managed");
            assertThat(soon.get(0).severity()).isEqualTo(Severity.MEDIUM);
            assertThat(soon.get(0).title()).contains("10 day");
            assertThat(soon.get(1).severity()).isEqualTo(Severity.LOW);
        }

        @Test
        void secretsWithoutCertificatesAreIgnored() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("ns", "x", "k"));
            assertThat(run(rule(SecretRules.TLS_EXPIRED), b.build())).isEmpty();
            assertThat(run(rule(SecretRules.TLS_EXPIRING), b.build())).isEmpty();
        }
    }

    @Nested
    class DockerInline {
        @Test
        void inlineAuthIsFlaggedWithRegistries() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(new SecretInfo(meta("ns", "reg"), SecretInfo.TYPE_DOCKERCONFIGJSON, false, List.of(), null,
                    new SecretInfo.DockerConfigFacts(List.of("ghcr.io"), true, null), null));
            b.secrets.add(new SecretInfo(meta("ns", "helper"), SecretInfo.TYPE_DOCKERCONFIGJSON, false, List.of(), null,
                    new SecretInfo.DockerConfigFacts(List.of("ecr"), false, null), null));
            assertThat(run(rule(SecretRules.DOCKER_INLINE), b.build())).singleElement().satisfies(x -> {
                assertThat(x.object().name()).isEqualTo("reg");
                assertThat(x.explanation()).contains("ghcr.io");
                assertThat(x.fix()).isEqualTo("external-secret");
            });
        }
    }

    @Nested
    class Readers {
        private ClusterSnapshot snap() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("a", "s1", "k"));
            b.secrets.add(secret("b", "s2", "k"));
            return b.build();
        }

        private static SecretReader user(String name, boolean system, String... verbs) {
            return new SecretReader("User", name, "", Set.of(verbs), List.of("ClusterRoleBinding/x"), system);
        }

        @Test
        void manyNonSystemReaders() {
            var ctx = ctx(snap());
            SecretReadersSource.install(ctx, (ns, name) -> ns.equals("a")
                    ? List.of(user("u1", false, "get"), user("u2", false, "get"), user("u3", false, "get"),
                    user("u4", false, "get"), user("u5", false, "get"), user("system:kcm", true, "get"))
                    : List.of(user("u1", false, "get"), user("system:a", true, "get"), user("system:b", true, "get"),
                    user("system:c", true, "get"), user("system:d", true, "get")));
            List<Finding> f = rule(SecretRules.READERS_MANY).evaluate(ctx);
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.object().name()).isEqualTo("s1");
                assertThat(x.title()).contains("5 subjects");
                assertThat(x.fix()).isEqualTo("role");
            });
        }

        @Test
        void listOrWatchByNonSystemSubjectIsOneFindingPerSubject() {
            var ctx = ctx(snap());
            SecretReadersSource.install(ctx, (ns, name) -> List.of(user("dev", false, "list"),
                    user("getter", false, "get"), user("system:controller", true, "watch")));
            List<Finding> f = rule(SecretRules.READERS_LIST).evaluate(ctx);
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.object()).isEqualTo(new ObjectRef("User", "", "dev"));
                assertThat(x.explanation()).contains("a, b").contains("ClusterRoleBinding/x");
                assertThat(x.severity()).isEqualTo(Severity.HIGH);
            });
        }

        @Test
        void silentWithoutAnRbacSource() {
            var ctx = ctx(snap());
            SecretReadersSource.install(ctx, SecretReadersSource.UNAVAILABLE);
            assertThat(SecretReadersSource.of(ctx).available()).isFalse();
            assertThat(rule(SecretRules.READERS_LIST).evaluate(ctx)).isEmpty();
            assertThat(rule(SecretRules.READERS_MANY).evaluate(ctx)).isEmpty();
        }
    }

    @Test
    void everyAnalysisHasTheRbacEngineAsReadersSource() {
        assertThat(SecretReadersSource.of(ctx(builder().build())).available()).isTrue();
    }

    @Nested
    class DefaultNamespace {
        @Test
        void flagsSecretsInDefaultExceptTokens() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret("default", "app", "k"));
            b.secrets.add(secret(meta("default", "default-token-x"), SecretInfo.TYPE_SA_TOKEN, List.of()));
            b.secrets.add(secret("prod", "app", "k"));
            assertThat(run(rule(SecretRules.DEFAULT_NS), b.build())).singleElement()
                    .satisfies(x -> assertThat(x.object()).isEqualTo(new ObjectRef("Secret", "default", "app")));
        }
    }

    @Nested
    class SharedValue {
        @Test
        void sameFingerprintInTwoSecretsIsOneFinding() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret(meta("a", "one"), SecretInfo.TYPE_OPAQUE, List.of(key("pw", "F1"), key("ca.crt", "CA"))));
            b.secrets.add(secret(meta("b", "two"), SecretInfo.TYPE_OPAQUE, List.of(key("password", "F1"), key("ca.crt", "CA"))));
            List<Finding> f = run(rule(SecretRules.SHARED_VALUE), b.build());
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.explanation()).contains("a/one[pw]", "b/two[password]").doesNotContain("F1");
                assertThat(x.title()).contains("2 secrets");
            });
        }

        @Test
        void sameValueInsideOneSecretOrTinyValuesAreIgnored() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret(meta("a", "one"), SecretInfo.TYPE_OPAQUE, List.of(key("x", "F1"), key("y", "F1"))));
            b.secrets.add(secret(meta("a", "two"), SecretInfo.TYPE_OPAQUE,
                    List.of(new SecretInfo.SecretKeyInfo("flag", 4, "T", false))));
            b.secrets.add(secret(meta("b", "three"), SecretInfo.TYPE_OPAQUE,
                    List.of(new SecretInfo.SecretKeyInfo("flag", 4, "T", false))));
            assertThat(run(rule(SecretRules.SHARED_VALUE), b.build())).isEmpty();
        }
    }

    @Nested
    class NotRotated {
        @Test
        void oldOpaqueIsFlaggedNewAndExternalAreNot() {
            ClusterSnapshot.Builder b = builder();
            b.secrets.add(secret(meta("a", "old", null, null, NOW.minus(Duration.ofDays(120)), null),
                    SecretInfo.TYPE_OPAQUE, List.of()));
            b.secrets.add(secret(meta("a", "new", null, null, NOW.minus(Duration.ofDays(10)), null),
                    SecretInfo.TYPE_OPAQUE, List.of()));
            b.secrets.add(secret(meta("a", "eso", null, Map.of("reconcile.external-secrets.io/data-hash", "h"),
                    NOW.minus(Duration.ofDays(400)), null), SecretInfo.TYPE_OPAQUE, List.of()));
            b.secrets.add(secret(meta("a", "tls", null, null, NOW.minus(Duration.ofDays(400)), null),
                    SecretInfo.TYPE_TLS, List.of()));
            b.secrets.add(secret(meta("a", "unknown"), SecretInfo.TYPE_OPAQUE, List.of()));
            assertThat(run(rule(SecretRules.OLD), b.build())).singleElement().satisfies(x -> {
                assertThat(x.object().name()).isEqualTo("old");
                assertThat(x.title()).contains("120 days");
            });
        }
    }

    @Nested
    class NoExternalStore {
        @Test
        void clusterFindingWhenNothingInstalled() {
            assertThat(run(rule(SecretRules.NO_EXTERNAL_STORE), builder().build())).singleElement().satisfies(x -> {
                assertThat(x.object()).isEqualTo(ObjectRef.cluster());
                assertThat(x.cis()).containsExactly("5.4.2");
            });
        }

        @Test
        void silentWhenEsoCsiVaultOrAkeylessIsPresentOrCrdsHidden() {
            ClusterSnapshot.Builder eso = builder();
            eso.crds.add(new CrdInfo("externalsecrets.external-secrets.io", "external-secrets.io", "ExternalSecret",
                    "externalsecrets", true, List.of()));
            assertThat(run(rule(SecretRules.NO_EXTERNAL_STORE), eso.build())).isEmpty();

            ClusterSnapshot.Builder ak = builder();
            ak.apiResources.add(new ApiResourceInfo("secrets.akeyless.io", "v1alpha1", "akeylesssecrets",
                    "AkeylessSecret", true, List.of("get")));
            assertThat(run(rule(SecretRules.NO_EXTERNAL_STORE), ak.build())).isEmpty();

            ClusterSnapshot.Builder csi = builder();
            csi.workloads.add(workload("Pod", "ns", "p", spec("app", false, List.of(),
                    List.of(csi("v", "secrets-store.csi.k8s.io")), List.of())));
            assertThat(run(rule(SecretRules.NO_EXTERNAL_STORE), csi.build())).isEmpty();

            ClusterSnapshot.Builder vault = builder();
            vault.workloads.add(new WorkloadInfo("Deployment", meta("app", "web", null,
                    Map.of("vault.hashicorp.com/agent-inject", "true"), null, null), null, null));
            assertThat(run(rule(SecretRules.NO_EXTERNAL_STORE), vault.build())).isEmpty();

            ClusterSnapshot.Builder hidden = builder();
            hidden.gaps.add(new VisibilityGap("customresourcedefinitions", "", 403, "no"));
            assertThat(run(rule(SecretRules.NO_EXTERNAL_STORE), hidden.build())).isEmpty();
        }
    }
}
