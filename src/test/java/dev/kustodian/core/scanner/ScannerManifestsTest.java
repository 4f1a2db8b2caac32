package dev.kustodian.core.scanner;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.LiveLoader;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FolderWriter;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.Request;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate scanner}: the ClusterRole checked with Kustodian's own RBAC engine (metadata mode: nobody bound to
 * it can get, list or watch a secret; full mode: list), derived from what the loader lists (every resource a rule
 * reads is readable), writes limited to the report kinds; the CronJob's hardening; input problems keyed by field.
 */
class ScannerManifestsTest {
    @TempDir
    Path dir;

    private static Bundle generate(String secrets, String format) {
        Bundle b = new ScannerRequest(null, null, "r.example/kustodian:1.0", secrets, format).generate();
        assertThat(b.problems()).isEmpty();
        return b;
    }

    /** The generated objects loaded as a snapshot, and the RBAC engine over them. */
    private RbacEngine engine(Bundle b, String name) throws Exception {
        Path folder = dir.resolve(name);
        FolderWriter.write(b, folder, files -> false);
        try (ClusterSession s = ClusterLoader.open(SourceSpec.snapshot(folder), Progress.NONE, new Cancellation())) {
            assertThat(s.snapshot().roles()).anyMatch(r -> r.meta().name().equals(ScannerManifests.NAME));
            return Analysis.of(s.snapshot()).rbac();
        }
    }

    private static final Identity SCANNER = SubjectRef.serviceAccount(ScannerRequest.DEFAULT_NAMESPACE,
            ScannerManifests.NAME).identity();

    @Test
    void metadataModeGrantsNobodyAnyReadOfSecrets() throws Exception {
        RbacEngine rbac = engine(generate(null, null), "metadata");
        for (String verb : List.of("get", "list", "watch")) {
            for (String ns : List.of("", "kube-system", "shop", ScannerRequest.DEFAULT_NAMESPACE)) {
                Request r = Request.resource(verb, "", "secrets", ns);
                assertThat(rbac.allows(SCANNER, r)).as(r.describe()).isFalse();
                // nobody bound to the scanner's role (only the API server's built-in system:masters can)
                assertThat(rbac.whoCan(r)).as("who can " + r.describe()).allSatisfy(a -> assertThat(a.subject())
                        .isEqualTo(SubjectRef.group("system:masters")));
            }
        }
        // but it reads what the analysis reads, and writes its reports
        assertThat(rbac.allows(SCANNER, Request.resource("list", "", "pods", ""))).isTrue();
        assertThat(rbac.allows(SCANNER, Request.resource("list", "rbac.authorization.k8s.io", "clusterrolebindings", "")))
                .isTrue();
        assertThat(rbac.allows(SCANNER, Request.resource("patch", "wgpolicyk8s.io", "policyreports", "shop"))).isTrue();
        assertThat(rbac.allows(SCANNER, Request.resource("delete", "openreports.io", "clusterreports", ""))).isTrue();
        // and nothing else: no writes outside the reports, no pod exec, no impersonation
        assertThat(rbac.allows(SCANNER, Request.resource("create", "", "pods", "shop"))).isFalse();
        assertThat(rbac.allows(SCANNER, Request.resource("patch", "apps", "deployments", "shop"))).isFalse();
        assertThat(rbac.allows(SCANNER, Request.resource("create", "", "pods", "exec", "x", "shop"))).isFalse();
        assertThat(rbac.allows(SCANNER, Request.resource("impersonate", "", "users", ""))).isFalse();
        assertThat(rbac.allows(SCANNER, Request.resource("watch", "", "pods", ""))).isFalse();
    }

    @Test
    void fullModeListsSecretsAndSaysWhy() throws Exception {
        Bundle b = generate("full", "policyreport");
        RbacEngine rbac = engine(b, "full");
        assertThat(rbac.allows(SCANNER, Request.resource("list", "", "secrets", ""))).isTrue();
        assertThat(rbac.allows(SCANNER, Request.resource("watch", "", "secrets", ""))).isFalse();
        assertThat(rbac.allows(SCANNER, Request.resource("get", "", "secrets", "shop"))).isFalse();
        // only the chosen report API is writable
        assertThat(rbac.allows(SCANNER, Request.resource("patch", "openreports.io", "reports", "shop"))).isFalse();
        assertThat(b.warnings()).anySatisfy(w -> assertThat(w).contains("--secrets full", "RBAC-SECRETS-LIST"));
        String role = content(b, "clusterrole.yaml");
        assertThat(role).contains("# --secrets full: list returns every Secret WITH its values");
        assertThat(content(generate("metadata", null), "clusterrole.yaml")).doesNotContain("- secrets\n");
        assertThat(role).contains("- secrets\n");
    }

    @Test
    void theRoleCoversEveryResourceARuleReads() throws Exception {
        RbacEngine rbac = engine(generate("full", null), "cover");
        Set<String> loaded = new TreeSet<>();
        for (LiveLoader.ReadResource r : LiveLoader.readResources()) {
            loaded.add(r.resource());
            if (!r.resource().equals("*")) {
                assertThat(rbac.allows(SCANNER, Request.resource("list", r.group(), r.resource(), "")))
                        .as(r.toString()).isTrue();
            }
        }
        for (FindingRule rule : Analysis.allRules()) {
            for (String res : rule.reads()) {
                // secret-values: the values of the secrets list (what --secrets full adds), not a resource of its own
                if (!res.equals("*") && !res.equals(dev.kustodian.core.findings.Coverage.SECRET_VALUES)) {
                    assertThat(loaded).as(rule.id() + " reads " + res).contains(res);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void cronJobIsHardenedAndRunsTheInClusterScan() {
        Bundle b = generate(null, null);
        Map<String, Object> cj = (Map<String, Object>) YamlReader.read(content(b, "cronjob.yaml"), "cj").get(0).value();
        Map<String, Object> spec = (Map<String, Object>) cj.get("spec");
        assertThat(spec).containsEntry("concurrencyPolicy", "Forbid").containsEntry("schedule",
                ScannerRequest.DEFAULT_SCHEDULE);
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) spec.get("jobTemplate")).get("spec")).get("template")).get("spec");
        assertThat(pod).containsEntry("serviceAccountName", ScannerManifests.NAME)
                .containsEntry("automountServiceAccountToken", true);
        assertThat((Map<String, Object>) pod.get("securityContext")).containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", ScannerManifests.UID)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        Map<String, Object> c = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertThat((Map<String, Object>) c.get("securityContext")).containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false).containsEntry("runAsNonRoot", true)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
        assertThat((Map<String, Object>) c.get("resources")).containsKeys("requests", "limits");
        assertThat((List<Object>) c.get("volumeMounts")).containsExactly(Map.of("name", "tmp", "mountPath", "/tmp"));
        assertThat((List<Object>) c.get("args")).containsExactly("--secrets", "metadata", "--report-format", "auto",
                "--allow-partial");
        Map<String, Object> sa = (Map<String, Object>) YamlReader.read(content(b, "serviceaccount.yaml"), "sa").get(0)
                .value();
        assertThat(sa).containsEntry("automountServiceAccountToken", false);
    }

    @Test
    void scannerObjectsRaiseNoSecretReadFindingInMetadataMode() throws Exception {
        Path folder = dir.resolve("findings");
        FolderWriter.write(generate(null, null), folder, files -> false);
        try (ClusterSession s = ClusterLoader.open(SourceSpec.snapshot(folder), Progress.NONE, new Cancellation())) {
            List<Finding> f = Analysis.of(s.snapshot()).findings();
            assertThat(f).noneMatch(x -> x.rule().equals("RBAC-SECRETS-LIST") || x.rule().equals("RBAC-SECRETS-GET"));
        }
    }

    @Test
    void inputProblemsAreKeyedByField() {
        var problems = new ScannerRequest("Bad_NS", "every hour", "img with space", "values", "xml").validate();
        assertThat(problems).extracting(Bundle.Problem::path).containsExactly("namespace", "schedule", "image",
                "secrets", "reportFormat");
        assertThat(new ScannerRequest(null, "@hourly", null, "FULL", "OpenReports").validate()).isEmpty();
        assertThat(ScannerRequest.validCron("*/15 2-4 1,15 * MON-FRI")).isTrue();
        assertThat(ScannerRequest.validCron("* * * *")).isFalse();
    }

    private static String content(Bundle b, String file) {
        return b.manifests().stream().filter(m -> m.fileName().equals(file)).map(Manifest::content).findFirst()
                .orElseThrow();
    }
}
