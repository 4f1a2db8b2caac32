package dev.kustodian.cli;

import dev.kustodian.core.cluster.SnapshotFileLoader;
import dev.kustodian.core.cluster.TestKubeconfigs;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** contexts, summary, snapshot and demo through the real command line (demo cluster shared per JVM). */
class ClusterCommandsTest {
    /** A kubeconfig with two contexts on one cluster: prod (namespace shop, current) and dev. */
    static final String PROD_AND_DEV = """
            apiVersion: v1
            kind: Config
            clusters: [{name: c1, cluster: {server: "https://c1.example:6443"}}]
            users: [{name: u1, user: {token: t0ken}}]
            contexts:
            - {name: prod, context: {cluster: c1, user: u1, namespace: shop}}
            - {name: dev, context: {cluster: c1, user: u1}}
            current-context: prod
            """;

    @TempDir
    Path dir;

    @Test
    void contextsListsTheKubeconfigContexts() throws Exception {
        Path f = Files.writeString(dir.resolve("config"), PROD_AND_DEV);
        CliRun r = run("contexts", "--kubeconfig", f.toString());
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("CURRENT").contains("NAME", "CLUSTER", "USER", "NAMESPACE");
        assertThat(lines[1]).startsWith("*").contains("prod", "c1", "u1", "shop");
        assertThat(lines[2]).doesNotStartWith("*").contains("dev");
    }

    @Test
    void missingKubeconfigIsBadInput() {
        CliRun r = run("summary", "--kubeconfig", dir.resolve("missing").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unreachableClusterExitsWith3() throws Exception {
        int port = Loopback.closedPort();
        Path f = TestKubeconfigs.write(dir.resolve("config"), Map.of("local", "http://127.0.0.1:" + port), Map.of());
        CliRun r = run("summary", "--kubeconfig", f.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("127.0.0.1:" + port).contains("retry");
    }

    @Test
    void summaryOfTheDemoAsTableAndJson() {
        CliRun table = run("summary", "--demo");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("Source:    demo: kustodian-demo").contains("v1.31.4")
                .contains("kubernetes-admin").contains("system:masters")
                .containsPattern("Secret\\s+\\d+").contains("Visibility gaps: none");
        CliRun json = run("summary", "--demo", "-o", "json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"kind\" : \"DEMO\"").contains("\"counts\"").contains("\"gaps\" : [ ]");
        CliRun bad = run("summary", "--demo", "-o", "xml");
        assertThat(bad.code()).isEqualTo(2);
    }

    @Test
    void snapshotWritesAFileThatReadsBackAndRefusesToOverwrite() throws Exception {
        Path out = dir.resolve("snap.yaml");
        CliRun r = run("snapshot", "--demo", "--output", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Wrote " + out);
        String yaml = Files.readString(out);
        assertThat(yaml).contains("shop-web-tls").doesNotContain("BEGIN PRIVATE KEY").doesNotContain("BEGIN CERTIFICATE");
        var back = SnapshotFileLoader.load(out, Progress.NONE, new Cancellation());
        assertThat(back.secret("payments", "legacy-db")).isPresent();
        CliRun again = run("snapshot", "--demo", "--output", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
    }

    @Test
    void demoWritesAPrivateKubeconfigAndExplainsKubectl() throws Exception {
        Path kc = dir.resolve("demo.kubeconfig");
        CliRun r = run("demo", "--kubeconfig-out", kc.toString(), "--no-wait");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("kubectl --kubeconfig " + kc.toAbsolutePath() + " get secrets -A");
        assertThat(Files.readString(kc)).contains("current-context: kustodian-demo").contains("server: http://127.0.0.1:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kc))).isEqualTo("rw-------");
        CliRun contexts = run("contexts", "--kubeconfig", kc.toString());
        assertThat(contexts.out()).contains("kustodian-demo");
        CliRun again = run("demo", "--kubeconfig-out", kc.toString(), "--no-wait");
        assertThat(again.code()).isEqualTo(2);
    }
}
