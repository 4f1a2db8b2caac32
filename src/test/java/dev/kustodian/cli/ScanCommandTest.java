package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static ClusterSnapshot snapshot() {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(
                new SourceInfo(SourceInfo.Kind.SNAPSHOT, "/tmp/cluster", "", "", Instant.now(), null));
        b.secrets.add(new SecretInfo(ObjectMeta.of("shop", "db"), "Opaque", false,
                List.of(new SecretInfo.SecretKeyInfo("password", 12, "f1", false)), null, null, null));
        b.secrets.add(new SecretInfo(ObjectMeta.of("kube-system", "legacy"), SecretInfo.TYPE_SA_TOKEN, false,
                List.of(), null, null, "x"));
        PodSpecInfo spec = new PodSpecInfo("app", false, List.of(), List.of(), List.of(new PodSpecInfo.Container(
                "app", "img", false, List.of(new PodSpecInfo.EnvVar("P", false, "secretKeyRef", "db", "password", false),
                new PodSpecInfo.EnvVar("Q", false, "secretKeyRef", "gone", "k", false)),
                List.of(), List.of(), List.of(), false)), List.of(), false, null);
        b.workloads.add(new WorkloadInfo("Deployment", ObjectMeta.of("shop", "web"), spec, null));
        return b.build();
    }

    private int run(ScanCommand.Opener opener, String... args) {
        CommandLine cl = KustodianCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        ScanCommand scan = cl.getSubcommands().get("scan").getCommand();
        scan.opener = opener;
        return cl.execute(args);
    }

    private int run(String... args) {
        return run((spec, p, c) -> {
            p.update(0.5, "loading");
            return new ClusterSession(spec, snapshot(), null, null);
        }, args);
    }

    @Test
    void aScanBuildsTheRbacEngineOnce() {
        long before = dev.kustodian.core.rbac.RbacEngine.builds();
        assertThat(run("scan", "--snapshot", "x", "-o", "json")).isZero();
        assertThat(dev.kustodian.core.rbac.RbacEngine.builds() - before).isEqualTo(1);
    }

    @Test
    void tableToStdoutProgressToStderr() {
        assertThat(run("scan", "--snapshot", "x")).isZero();
        assertThat(out.toString()).contains("SEVERITY", "SEC-DANGLING-REF", "SEC-ENV", "Deployment/shop/web")
                .doesNotContain("loading", "kube-system/legacy");
        assertThat(err.toString()).contains("[ 50%] loading", "Analysing with",
                "expected finding(s) of system components not shown");
    }

    @Test
    void includeSystemShowsSystemFindings() {
        assertThat(run("scan", "--snapshot", "x", "--include-system")).isZero();
        assertThat(out.toString()).contains("Secret/kube-system/legacy", "(system)");
    }

    @Test
    void jsonIsParseable() throws Exception {
        assertThat(run("scan", "--snapshot", "x", "-o", "json")).isZero();
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertThat(n.get("findings").size()).isPositive();
        assertThat(n.get("summary").get("source").asText()).isEqualTo("snapshot: /tmp/cluster");
    }

    @Test
    void cisIdsFollowTheChosenBenchmarkAndEveryFormatNamesIt() throws Exception {
        assertThat(run("scan", "--snapshot", "x", "-o", "json")).isZero();
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertThat(n.at("/summary/cisBenchmark").asText()).isEqualTo("cis-1.12"); // unknown server version
        assertThat(n.get("findings").findValues("cis").toString()).contains("5.4.1");
        out.getBuffer().setLength(0);
        assertThat(run("scan", "--snapshot", "x", "-o", "json", "--cis-benchmark", "eks-1.8.0")).isZero();
        n = new ObjectMapper().readTree(out.toString());
        assertThat(n.at("/summary/cisBenchmark").asText()).isEqualTo("eks-1.8.0");
        assertThat(n.get("findings").findValues("cis").toString()).contains("4.4.1").doesNotContain("5.4.1");
        out.getBuffer().setLength(0);
        assertThat(run("scan", "--snapshot", "x", "-o", "sarif", "--cis-benchmark", "cis-1.8")).isZero();
        JsonNode sarif = new ObjectMapper().readTree(out.toString());
        assertThat(sarif.at("/runs/0/properties/cisBenchmark").asText()).isEqualTo("cis-1.8");
        // each rule with CIS ids carries them and the benchmark in its properties
        List<JsonNode> withCis = new java.util.ArrayList<>();
        sarif.at("/runs/0/tool/driver/rules").forEach(r -> {
            if (r.at("/properties/cis").isArray()) {
                withCis.add(r);
            }
        });
        assertThat(withCis).isNotEmpty().allSatisfy(r ->
                assertThat(r.at("/properties/cisBenchmark").asText()).isEqualTo("cis-1.8"));
        out.getBuffer().setLength(0);
        assertThat(run("scan", "--snapshot", "x", "-o", "policyreport", "--cis-benchmark", "eks-1.8.0")).isZero();
        assertThat(out.toString()).contains("kustodian.dev/cis-benchmark: eks-1.8.0", "rule: CIS 4.4.1 (eks-1.8.0)",
                "cisBenchmark: eks-1.8.0");
        out.getBuffer().setLength(0);
        assertThat(run("scan", "--snapshot", "x", "-o", "markdown", "--cis-benchmark", "gke-1.9.0")).isZero();
        assertThat(out.toString()).contains("CIS ids: gke-1.9.0");
        out.getBuffer().setLength(0);
        assertThat(run("scan", "--snapshot", "x")).isZero();
        assertThat(out.toString()).contains("CIS ids: cis-1.12");
        assertThat(run("scan", "--snapshot", "x", "--cis-benchmark", "cis-2.0")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown CIS benchmark 'cis-2.0'").contains("cis-1.12, cis-1.20");
    }

    @Test
    void policyReportOutputIsKubernetesYamlThatLintAccepts(@TempDir Path dir) throws Exception {
        for (String format : List.of("policyreport", "openreports")) {
            out.getBuffer().setLength(0);
            assertThat(run("scan", "--snapshot", "x", "-o", format)).isZero();
            var docs = dev.kustodian.core.yaml.YamlReader.read(out.toString(), "stdout");
            assertThat(docs.stream().map(d -> String.valueOf(((java.util.Map<?, ?>) d.value()).get("kind"))).toList()).containsExactly(
                    format.equals("policyreport") ? "ClusterPolicyReport" : "ClusterReport",
                    format.equals("policyreport") ? "PolicyReport" : "Report");
            assertThat(out.toString()).contains("policy: SEC-ENV", "result: fail", "source: kustodian",
                    "namespace: shop", "app.kubernetes.io/managed-by: kustodian");
            Path file = dir.resolve(format + ".yaml");
            Files.writeString(file, out.toString());
            StringWriter lintOut = new StringWriter();
            CommandLine cl = KustodianCommand.commandLine();
            cl.setOut(new PrintWriter(lintOut));
            cl.setErr(new PrintWriter(new StringWriter()));
            assertThat(cl.execute("lint", "--strict", file.toString())).as(lintOut.toString()).isZero();
        }
    }

    @Test
    void failOnThresholdGivesExit4() {
        assertThat(run("scan", "--snapshot", "x", "--fail-on", "high")).isEqualTo(4); // dangling ref is HIGH
        assertThat(err.toString()).contains("at high or above: exit code 4");
    }

    @Test
    void failOnNotMetGivesExit0() {
        assertThat(run("scan", "--snapshot", "x", "--fail-on", "critical")).isZero();
    }

    @Test
    void badInputsGiveExit2() {
        assertThat(run("scan", "--snapshot", "x", "-o", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown report format 'pdf'");
        assertThat(run("scan", "--snapshot", "x", "--fail-on", "severe")).isEqualTo(2);
        assertThat(run("scan", "--snapshot", "x", "--demo")).isEqualTo(2);
        assertThat(run("scan", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void unreachableClusterGivesExit3() {
        int rc = run((spec, p, c) -> {
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE,
                    "Cannot reach https://10.0.0.1:6443: connection refused. Check the VPN.");
        }, "scan");
        assertThat(rc).isEqualTo(3);
        assertThat(err.toString()).contains("Cannot reach").doesNotContain("\tat ");
    }

    @Test
    void outputFileIsWrittenAndNotOverwrittenWithoutForce(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.html");
        assertThat(run("scan", "--snapshot", "x", "-o", "html", "--output", f.toString())).isZero();
        assertThat(Files.readString(f)).startsWith("<!DOCTYPE html>");
        assertThat(out.toString()).isEmpty();
        assertThat(run("scan", "--snapshot", "x", "-o", "sarif", "--output", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already exists", "--force");
        assertThat(Files.readString(f)).startsWith("<!DOCTYPE html>");
        assertThat(run("scan", "--snapshot", "x", "-o", "sarif", "--output", f.toString(), "--force")).isZero();
        assertThat(Files.readString(f)).contains("\"version\" : \"2.1.0\"");
    }

    @Test
    void sourceSpecComesFromTheMixin() {
        SourceSpec[] seen = new SourceSpec[1];
        run((spec, p, c) -> {
            seen[0] = spec;
            return new ClusterSession(spec, snapshot(), null, null);
        }, "scan", "--demo");
        assertThat(seen[0].kind()).isEqualTo(SourceSpec.Kind.DEMO);
    }
}
