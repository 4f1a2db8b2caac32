package dev.kustodian.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class GenerateRoleCommandTest {
    static final String LOG = "src/test/resources/audit/sample-v1.jsonl";

    @Test
    void wizardToStdout() {
        CliRun r = run("generate", "role", "--subject", "serviceaccount:shop/api", "-n", "shop", "--rule", ":secrets:get:db-creds",
                "--preset", "ci-deployer");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("kind: Role\n").contains("- db-creds").contains("kind: RoleBinding");
        assertThat(r.err()).contains("warning: create/update deployments");
    }

    @Test
    void fromAuditPrintsYamlAndTheReport() {
        CliRun r = run("generate", "role", "--subject", "serviceaccount:shop/api", "--from-audit", LOG);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("kind: ClusterRole").contains("# seen: get ×3 on secrets/db-creds");
        assertThat(r.out()).doesNotContain("Usage report");
        assertThat(r.err()).contains("Usage report for serviceaccount:shop/api").contains("sample-v1.jsonl:7: not valid JSON");
        assertThat(r.out() + r.err()).doesNotContain("c3VwZXJzZWNyZXQtdmFsdWU=");

        CliRun denied = run("generate", "role", "--subject", "serviceaccount:shop/api", "--from-audit", LOG, "--include-denied");
        assertThat(denied.out()).contains("denied ×1");
        assertThat(denied.err()).contains("warning: list/watch on secrets");
    }

    @Test
    void exitCodes() {
        assertThat(run("generate", "role", "--subject", "user:nobody", "--from-audit", LOG).code()).isEqualTo(1);
        assertThat(run("generate", "role", "--subject", "bogus", "-n", "a", "--rule", ":pods:get").code()).isEqualTo(2);
        assertThat(run("generate", "role", "--subject", "user:a", "--rule", ":pods:get").code()).isEqualTo(2); // no scope
        CliRun both = run("generate", "role", "--subject", "user:a", "--from-audit", LOG, "-n", "shop");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--from-audit");
        CliRun badName = run("generate", "role", "--subject", "serviceaccount:shop/api", "--from-audit", LOG, "--name", "Bad Name");
        assertThat(badName.code()).isEqualTo(2);
        assertThat(badName.err()).contains("'Bad Name' is not a valid role name");
        CliRun missing = run("generate", "role", "--subject", "user:a", "--from-audit", "no-such.log");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no-such.log");
    }

    @Test
    void outputFolderNeedsForceToOverwrite(@TempDir Path dir) throws IOException {
        String[] args = {"generate", "role", "--subject", "user:jane", "--cluster", "--preset", "auditor", "-o", dir.toString()};
        CliRun first = run(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(dir.resolve("clusterrole-jane-access.yaml")).exists();
        assertThat(dir.resolve("kustomization.yaml")).exists();
        CliRun.assertRerunNeedsForce(args);
        assertThat(Files.list(dir)).hasSize(3);
    }
}
