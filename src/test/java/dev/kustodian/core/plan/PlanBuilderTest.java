package dev.kustodian.core.plan;

import dev.kustodian.core.accept.AcceptedRisk;
import dev.kustodian.core.accept.AcceptedRisks;
import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.model.ClusterIdentity;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.WorkloadInfo;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanBuilderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final ClusterIdentity ID = new ClusterIdentity("https://10.0.0.1:6443", "ab", "test");

    static WorkloadInfo apiserver(String... flags) {
        List<String> cmd = new ArrayList<>(List.of("kube-apiserver", "--etcd-servers=https://127.0.0.1:2379"));
        cmd.addAll(List.of(flags));
        PodSpecInfo.Container c = new PodSpecInfo.Container("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.31.0",
                false, null, null, null, cmd, false);
        ObjectMeta meta = new ObjectMeta("kube-system", "kube-apiserver-cp-1", null,
                Map.of("component", "kube-apiserver"), null, null, null, null);
        return new WorkloadInfo("Pod", meta, new PodSpecInfo("default", null, null, null, List.of(c), null, true, "cp-1"),
                "Running");
    }

    static WorkloadInfo deployment(String ns, String name, Boolean automount, PodSpecInfo.Container... containers) {
        return new WorkloadInfo("Deployment", ObjectMeta.of(ns, name), new PodSpecInfo("app", automount, null, null,
                List.of(containers), null, false, null), null);
    }

    static ClusterSnapshot snapshot(WorkloadInfo... workloads) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "test", "", "",
                Instant.parse("2026-12-01T10:00:00Z"), null));
        b.secrets.add(new SecretInfo(ObjectMeta.of("shop", "db"), "Opaque", false,
                List.of(new SecretInfo.SecretKeyInfo("password", 12, "f1", false)), null, null, null));
        b.workloads.addAll(List.of(workloads));
        return b.build();
    }

    static Plan plan(ClusterSnapshot snap, PlanState state, AcceptedRisks accepted) {
        List<Finding> findings = dev.kustodian.core.analysis.Analysis.of(snap, CLOCK).findings();
        return PlanBuilder.build(new PlanBuilder.Input(snap, findings, ID, state,
                accepted.match(findings, LocalDate.of(2026, 12, 1)), List.of(), CLOCK, null, null));
    }

    @Test
    void stepsComeInRiskOrderWithStableIds() {
        Plan p = plan(snapshot(apiserver()), new PlanState(), AcceptedRisks.none());
        assertThat(p.steps()).extracting(PlanStep::id).containsExactly("encryption-at-rest", "rbac-critical",
                "external-stores", "secret-hygiene", "tls-renewal", "keep-it-so");
        assertThat(p.steps()).extracting(PlanStep::folder).startsWith("01-encryption-at-rest", "02-rbac-critical");
        assertThat(p.step("keep-it-so").orElseThrow().dependsOn()).hasSize(5);
    }

    @Test
    void encryptionNotConfiguredIsTodoWithKeyOutsideTheCommittedTree() {
        PlanStep s = plan(snapshot(apiserver()), new PlanState(), AcceptedRisks.none()).steps().get(0);
        assertThat(s.status()).isEqualTo(StepStatus.TODO);
        assertThat(s.findings()).containsExactly("ENC-NOT-CONFIGURED:Pod/kube-system/kube-apiserver-cp-1");
        assertThat(s.generates()).contains(".kustodian/keys/encryption-config.yaml",
                "01-encryption-at-rest/kube-apiserver-encryption-snippet.yaml");
        assertThat(s.files()).noneMatch(m -> m.privateFile());
        assertThat(s.manual()).anyMatch(m -> m.contains("verify-etcd"));
    }

    @Test
    void aPlanKeepsNeitherItsLoadsProgressNorCancellation() throws Exception {
        // the GUI's progress holds the load's task, and the task the work that built the plan with the previous
        // load's plan: a plan that kept it kept every earlier load alive after each refresh
        ClusterSnapshot snap = snapshot(apiserver());
        List<Finding> findings = dev.kustodian.core.analysis.Analysis.of(snap, CLOCK).findings();
        String[] said = new String[1];
        dev.kustodian.core.util.Progress progress = (f, m) -> said[0] = m; // captures: one object per plan
        dev.kustodian.core.util.Cancellation cancel = new dev.kustodian.core.util.Cancellation();
        java.lang.ref.WeakReference<Object> progressRef = new java.lang.ref.WeakReference<>(progress);
        java.lang.ref.WeakReference<Object> cancelRef = new java.lang.ref.WeakReference<>(cancel);
        Plan p = PlanBuilder.build(new PlanBuilder.Input(snap, findings, ID, new PlanState(),
                java.util.Map.of(), List.of(), CLOCK, progress, cancel));
        progress = null;
        cancel = null;
        for (int i = 0; i < 20 && (progressRef.get() != null || cancelRef.get() != null); i++) {
            System.gc(); // asks for a collection; nothing is timed
        }
        assertThat(progressRef.get()).isNull();
        assertThat(cancelRef.get()).isNull();
        PlanStep.KeyFile key = p.steps().get(0).keyFiles().get(0);
        assertThat(key.generator().get().privateFile()).as("the key is still generated on demand").isTrue();
    }

    @Test
    void encryptionConfiguredIsNotDoneUntilTheEtcdProofIsRecorded() {
        ClusterSnapshot snap = snapshot(apiserver("--encryption-provider-config=/etc/kubernetes/enc/enc.yaml",
                "--encryption-provider-config-automatic-reload=true"));
        PlanStep before = plan(snap, new PlanState(), AcceptedRisks.none()).steps().get(0);
        assertThat(before.status()).isEqualTo(StepStatus.TODO);
        assertThat(before.statusReason()).contains("etcd proof not run yet");
        assertThat(before.keyFiles()).isEmpty();

        PlanState proved = new PlanState();
        proved.proofs().put("encryption-at-rest", "verify-etcd: 1 of 1 secrets secretbox key1 (current)");
        PlanStep after = plan(snap, proved, AcceptedRisks.none()).steps().get(0);
        assertThat(after.status()).isEqualTo(StepStatus.DONE);
        assertThat(after.evidence()).anyMatch(e -> e.contains("etcd proof: verify-etcd: 1 of 1"));
    }

    @Test
    void envSecretsAndUnusedTokensBecomeOneStrategicMergePatchPerWorkload() {
        PodSpecInfo.Container c = new PodSpecInfo.Container("api", "img", false,
                List.of(new PodSpecInfo.EnvVar("DB_PASSWORD", false, "secretKeyRef", "db", "password", false),
                        new PodSpecInfo.EnvVar("MODE", true, null, null, null, false)),
                List.of(new PodSpecInfo.EnvFrom("configMapRef", "cfg", null, false),
                        new PodSpecInfo.EnvFrom("secretRef", "db", null, false)), List.of(), List.of(), false);
        Plan p = plan(snapshot(apiserver(), deployment("shop", "api", null, c)), new PlanState(), AcceptedRisks.none());
        PlanStep s = p.step("secret-hygiene").orElseThrow();
        assertThat(s.findings()).anyMatch(f -> f.startsWith("SEC-ENV:Deployment/shop/api"));
        WorkloadPatch patch = s.patches().get(0);
        assertThat(patch.fileName()).isEqualTo("patch-deployment-shop-api.yaml");
        String yaml = GitOpsLayout.stepFiles(s).stream().filter(m -> m.fileName().equals(patch.fileName()))
                .findFirst().orElseThrow().content();
        assertThat(yaml).contains("kind: Deployment", "name: api", "namespace: shop", "- name: DB_PASSWORD",
                "$patch: delete", "envFrom:\n        - configMapRef:\n            name: cfg",
                "mountPath: /etc/secrets/db", "readOnly: true", "secretName: db");
        assertThat(yaml).doesNotContain("MODE");
        assertThat(GitOpsLayout.isComponent(s)).isTrue();
        assertThat(GitOpsLayout.stepFiles(s)).extracting(m -> m.fileName()).contains("apply-patches.sh",
                "kustomization.yaml");
    }

    @Test
    void acceptedFindingsSettleTheirStepAndExpiredOnesDoNot() {
        ClusterSnapshot snap = snapshot(apiserver());
        String id = "ENC-NOT-CONFIGURED:Pod/kube-system/kube-apiserver-cp-1";
        AcceptedRisks ok = new AcceptedRisks(List.of(new AcceptedRisk(id, null, null, "managed elsewhere", "alice",
                LocalDate.of(2027, 1, 31), "t:1")));
        PlanStep accepted = plan(snap, new PlanState(), ok).steps().get(0);
        assertThat(accepted.status()).isEqualTo(StepStatus.ACCEPTED);
        assertThat(accepted.accepted()).containsExactly(id);

        AcceptedRisks expired = new AcceptedRisks(List.of(new AcceptedRisk(null, "ENC-NOT-CONFIGURED",
                "Pod/kube-system/kube-apiserver-cp-1", "old", "alice", LocalDate.of(2026, 11, 30), "t:1")));
        PlanStep todo = plan(snap, new PlanState(), expired).steps().get(0);
        assertThat(todo.status()).isEqualTo(StepStatus.TODO);
        assertThat(todo.accepted()).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameRendering() {
        ClusterSnapshot snap = snapshot(apiserver());
        assertThat(PlanRenderer.markdown(plan(snap, new PlanState(), AcceptedRisks.none())))
                .isEqualTo(PlanRenderer.markdown(plan(snap, new PlanState(), AcceptedRisks.none())));
        assertThat(PlanRenderer.json(plan(snap, new PlanState(), AcceptedRisks.none())))
                .contains("\"id\" : \"encryption-at-rest\"", "\"status\" : \"todo\"", "\"dependsOn\"");
    }

    @Test
    void stateRoundTripsThroughYaml(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        PlanState s = new PlanState().cluster("https://x");
        s.answers().put("store.name", "vault");
        s.proofs().put("encryption-at-rest", "ok");
        s.verifications().put("rbac-critical", new PlanState.Verification("2026-12-01T10:00:00Z", 14, 0, "done"));
        java.nio.file.Path f = dir.resolve("p.yaml");
        s.write(f);
        PlanState r = PlanState.read(f);
        assertThat(r.answers()).containsEntry("store.name", "vault");
        assertThat(r.proofs()).containsEntry("encryption-at-rest", "ok");
        assertThat(r.verifications().get("rbac-critical").before()).isEqualTo(14);
        assertThat(r.toYaml()).isEqualTo(s.toYaml());
    }
}
