package dev.kustodian.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code kustodian generate scanner}: stdout for kubectl, -O DIR with kustomization.yaml, lint-clean, bad input. */
class GenerateScannerCommandTest {
    @TempDir
    Path dir;

    @Test
    void stdoutIsTheObjectsAndLintAcceptsThem() throws Exception {
        CliRun r = run("generate", "scanner", "--image", "r.example/kustodian:1.0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("kind: Namespace", "kind: ServiceAccount", "kind: ClusterRole\n",
                "kind: ClusterRoleBinding", "kind: CronJob", "name: kustodian-system", "concurrencyPolicy: Forbid");
        assertThat(r.err()).contains("next: Save with -O DIR and apply with: kubectl apply -k DIR");
        Path file = dir.resolve("scanner.yaml");
        Files.writeString(file, r.out());
        CliRun lint = run("lint", "--strict", file.toString());
        assertThat(lint.code()).as(lint.out() + lint.err()).isZero();
    }

    @Test
    void outputFolderHasAKustomizationAndIsNotOverwrittenWithoutForce() throws Exception {
        Path out = dir.resolve("scanner");
        CliRun r = run("generate", "scanner", "--secrets", "full", "-O", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("kustomization.yaml")).exists();
        assertThat(Files.readString(out.resolve("kustomization.yaml"))).contains("cronjob.yaml", "clusterrole.yaml",
                "namespace.yaml");
        assertThat(r.err()).contains("warning: --secrets full");
        CliRun again = run("generate", "scanner", "-O", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
        assertThat(run("generate", "scanner", "-O", out.toString(), "--force").code()).isZero();
        CliRun lint = run("lint", out.toString());
        assertThat(lint.code()).as(lint.out() + lint.err()).isZero();
    }

    @Test
    void badInputNamesTheFlag() {
        CliRun r = run("generate", "scanner", "--schedule", "hourly");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--schedule 'hourly' is not a cron schedule").doesNotContain("\tat ");
        CliRun f = run("generate", "scanner", "--report-format", "xml");
        assertThat(f.code()).isEqualTo(2);
        assertThat(f.err()).contains("--report-format 'xml' is unknown");
    }
}
