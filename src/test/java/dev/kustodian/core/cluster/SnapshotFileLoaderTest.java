package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.LeakHint;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotFileLoaderTest {
    static final Path BASIC = Path.of("src/test/resources/snapshots/basic");

    static ClusterSnapshot load(Path p) {
        return SnapshotFileLoader.load(p, Progress.NONE, new Cancellation());
    }

    @Test
    void readsKubectlListsAndMultiDocumentFiles() {
        ClusterSnapshot s = load(BASIC);
        assertThat(s.secrets()).extracting(SecretInfo::name)
                .containsExactlyInAnyOrder("db-credentials", "db-copy", "shop-tls", "regcred", "legacy-token");
        assertThat(s.configMaps()).hasSize(1);
        assertThat(s.workloads()).extracting(WorkloadInfo::kind).containsExactlyInAnyOrder("Deployment", "Pod");
        assertThat(s.customObjects()).extracting(c -> c.kind()).containsExactly("ExternalSecret");
        assertThat(s.notes()).anyMatch(n -> n.contains("kind Service"));
        assertThat(s.notes()).anyMatch(n -> n.contains("kind Widget"));
        assertThat(s.source().kind()).isEqualTo(dev.kustodian.core.model.SourceInfo.Kind.SNAPSHOT);
    }

    @Test
    void secretFactsAreDerivedAndValuesDropped() {
        ClusterSnapshot s = load(BASIC);
        SecretInfo db = s.secret("shop", "db-credentials").orElseThrow();
        assertThat(db.keys()).extracting(SecretInfo.SecretKeyInfo::name).containsExactly("password", "username");
        assertThat(db.keys().get(0).size()).isEqualTo("CANARY-password-1234".length());
        assertThat(db.keys().get(1).size()).isEqualTo(3);
        assertThat(db.meta().annotation(ModelConverter.LAST_APPLIED)).isEqualTo(ObjectMeta.REDACTED);
        assertThat(db.meta().lastModified()).hasToString("2025-02-01T00:00:00Z");
        assertThat(db.meta().created()).hasToString("2025-01-01T00:00:00Z");

        SecretInfo copy = s.secret("payments", "db-copy").orElseThrow();
        String fp = copy.keys().stream().filter(k -> k.name().equals("pw")).findFirst().orElseThrow().fingerprint();
        assertThat(fp).hasSize(32).isEqualTo(db.keys().get(0).fingerprint());
        assertThat(copy.keys().stream().filter(k -> k.name().equals("blob")).findFirst().orElseThrow().binary()).isTrue();
        assertThat(db.keys().get(1).fingerprint()).isNotEqualTo(fp);

        SecretInfo tls = s.secret("shop", "shop-tls").orElseThrow();
        assertThat(tls.tls()).isNotNull();
        assertThat(tls.tls().parseError()).isNull();
        assertThat(tls.tls().subject()).contains("CN=shop.example.com");
        assertThat(tls.tls().dnsNames()).contains("shop.example.com", "www.shop.example.com", "10.0.0.1");
        assertThat(tls.tls().selfSigned()).isTrue();
        assertThat(tls.tls().keyAlgorithm()).isEqualTo("RSA");
        assertThat(tls.tls().notAfter()).isAfter(tls.tls().notBefore());

        SecretInfo reg = s.secret("shop", "regcred").orElseThrow();
        assertThat(reg.dockerConfig().registries()).containsExactly("registry.example.com", "ghcr.io");
        assertThat(reg.dockerConfig().inlineAuth()).isTrue();

        assertThat(s.secret("shop", "legacy-token").orElseThrow().serviceAccountName()).isEqualTo("builder");
    }

    @Test
    void leakHintsSayWhereNotWhat() {
        ClusterSnapshot s = load(BASIC);
        assertThat(s.configMaps().get(0).leaks()).extracting(LeakHint::location)
                .containsExactly("data[application.properties]");
        WorkloadInfo web = s.workloads().stream().filter(w -> w.name().equals("web")).findFirst().orElseThrow();
        assertThat(web.spec().leaks()).extracting(LeakHint::location)
                .contains("spec.template.spec.containers[web].env[API_SECRET]", "metadata.annotations[example.com/api-token]");
        assertThat(web.meta().annotation("example.com/api-token")).isEqualTo(ObjectMeta.REDACTED);
        PodSpecInfo.Container c = web.spec().containers().get(0);
        assertThat(c.env()).extracting(PodSpecInfo.EnvVar::literal).containsExactly(false, true, true);
        assertThat(c.env().get(0).refName()).isEqualTo("db-credentials");
        assertThat(c.command()).as("commands are only kept for control-plane pods").isEmpty();
        assertThat(web.spec().imagePullSecrets()).containsExactly("regcred");
        assertThat(web.spec().volumes()).extracting(PodSpecInfo.Volume::kind).containsExactly("secret", "projected", "csi");
        assertThat(web.spec().volumes().get(1).projectedSecrets().get(0).items()).containsExactly("username");
        assertThat(web.spec().volumes().get(1).projectsServiceAccountToken()).isTrue();
        assertThat(web.spec().volumes().get(2).secretProviderClass()).isEqualTo("aws-db");

        WorkloadInfo api = s.workloads().stream().filter(WorkloadInfo::isPod).findFirst().orElseThrow();
        assertThat(api.spec().containers().get(0).command())
                .contains("--advertise-address=10.0.0.10", "--token-auth-file=/etc/k/tokens.csv")
                .contains("--oidc-client-secret=" + ObjectMeta.REDACTED);
    }

    @Test
    void writtenSnapshotHoldsNoValueAndReadsBack(@TempDir Path dir) throws Exception {
        ClusterSnapshot s = load(BASIC);
        Path out = dir.resolve("snap.yaml");
        SnapshotFileWriter.write(s, out);
        String text = Files.readString(out);
        for (String marker : new String[]{"CANARY", b64("CANARY"), "Q0FOQVJZ", "Xk2#pQ9z", "9fK2mQ7xLp", "8sKq2LmZp"}) {
            assertThat(text).doesNotContain(marker);
        }
        assertThat(text).startsWith("# Kustodian value-free cluster snapshot.");
        ClusterSnapshot back = load(out);
        assertThat(back.secrets()).isEqualTo(s.secrets());
        assertThat(back.workloads()).isEqualTo(s.workloads());
        assertThat(back.configMaps()).isEqualTo(s.configMaps());
        assertThat(back.customObjects()).isEqualTo(s.customObjects());
        assertThat(back.counts()).isEqualTo(s.counts());
        assertThat(back.source().kind()).isEqualTo(dev.kustodian.core.model.SourceInfo.Kind.SNAPSHOT);
    }

    @Test
    void aSnapshotWrittenAsJsonReadsBackTheSame(@TempDir Path dir) throws Exception {
        ClusterSnapshot s = load(BASIC);
        Path yaml = dir.resolve("snap.yaml");
        Path json = dir.resolve("snap.JSON");
        SnapshotFileWriter.write(s, yaml);
        SnapshotFileWriter.write(s, json);
        String text = Files.readString(json);
        assertThat(text).startsWith("{");
        for (String marker : new String[]{"CANARY", b64("CANARY"), "Q0FOQVJZ", "Xk2#pQ9z", "9fK2mQ7xLp", "8sKq2LmZp"}) {
            assertThat(text).doesNotContain(marker);
        }
        ClusterSnapshot fromJson = load(json);
        ClusterSnapshot fromYaml = load(yaml);
        assertThat(fromJson.secrets()).isEqualTo(s.secrets()).isEqualTo(fromYaml.secrets());
        assertThat(fromJson.workloads()).isEqualTo(fromYaml.workloads());
        assertThat(fromJson.roles()).isEqualTo(fromYaml.roles());
        assertThat(fromJson.bindings()).isEqualTo(fromYaml.bindings());
        assertThat(fromJson.counts()).isEqualTo(s.counts());
        assertThat(fromJson.source().label()).endsWith("snap.JSON");
    }

    @Test
    void labelsAndAnnotationsAreWrittenInKeyOrder() {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("zeta", "1");
        labels.put("alpha", "2");
        labels.put("mid", "3");
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new dev.kustodian.core.model.SourceInfo(
                dev.kustodian.core.model.SourceInfo.Kind.SNAPSHOT, "t", "", "", null, null));
        b.secrets.add(new dev.kustodian.core.model.SecretInfo(new dev.kustodian.core.model.ObjectMeta("a", "s", null,
                labels, null, null, null, null), "Opaque", false, java.util.List.of(), null, null, null));
        ClusterSnapshot s = b.build();
        for (String text : new String[]{SnapshotFileWriter.toYaml(s), SnapshotFileWriter.toJson(s)}) {
            int alpha = text.indexOf("alpha");
            int mid = text.indexOf("mid");
            int zeta = text.indexOf("zeta");
            assertThat(alpha).isPositive().isLessThan(mid);
            assertThat(mid).isLessThan(zeta);
        }
    }

    @Test
    void aSnapshotWithoutServerFieldsLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("min.yaml");
        Files.writeString(f, """
                apiVersion: kustodian.dev/v1alpha1
                kind: ClusterSnapshot
                source: {kind: SNAPSHOT, label: somewhere}
                secrets:
                - meta: {namespace: a, name: s}
                  type: Opaque
                """);
        ClusterSnapshot s = load(f);
        assertThat(s.secrets()).hasSize(1);
        assertThat(s.source().server()).isEmpty();
        assertThat(s.source().serverVersion()).isEmpty();
        assertThat(s.source().describe()).contains("min.yaml");
    }

    @Test
    void malformedFileIsReportedWithFileAndLineAndTheRestLoads() {
        ClusterSnapshot s = load(Path.of("src/test/resources/snapshots/bad"));
        assertThat(s.secrets()).hasSize(5);
        assertThat(s.gaps()).singleElement().satisfies(g -> {
            assertThat(g.message()).contains("broken.yaml:").contains("is not valid YAML");
        });
    }

    @Test
    void onlyMalformedInputIsAnError() {
        assertThatThrownBy(() -> load(Path.of("src/test/resources/snapshots/bad/broken.yaml")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("broken.yaml:4");
    }

    @Test
    void missingPathIsAClearError() {
        assertThatThrownBy(() -> load(Path.of("/nonexistent/snap.yaml")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("/nonexistent/snap.yaml does not exist");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes());
    }
}
