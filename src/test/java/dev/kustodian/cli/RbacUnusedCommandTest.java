package dev.kustodian.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kustodian.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class RbacUnusedCommandTest {
    static final String LOG = "src/test/resources/audit/sample-v1.jsonl";
    static final String CLUSTER = "src/test/resources/roles/shop-cluster.yaml";

    @Test
    void reportsUnusedPermissionsAndBindingChanges() {
        CliRun r = run("rbac", "unused", "--subject", "serviceaccount:shop/api", "--from-audit", LOG,
                "--snapshot", CLUSTER);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Unused permissions of serviceaccount:shop/api")
                .contains("RoleBinding/shop/api-edit → Role/shop/shop-edit (directly, in shop)")
                .contains("can go:").contains("list secrets")
                .contains("delete RoleBinding/shop/api-edit")
                .contains("remove the subject from ClusterRoleBinding/shop-cluster-view")
                .contains("keep ClusterRoleBinding/all-serviceaccounts-ns-view")
                .contains("create Role/shop/api-observed")
                .contains("kubectl delete rolebinding api-edit -n shop")
                .contains("kind: ClusterRoleBinding").contains("name: worker");
        assertThat(r.err()).contains("Re-check with the RBAC engine").contains("passed.");
        assertThat(r.out() + r.err()).doesNotContain("c3VwZXJzZWNyZXQtdmFsdWU=");
    }

    @Test
    void writesTheChangesToAFolder(@TempDir Path dir) throws IOException {
        CliRun r = run("rbac", "unused", "--subject", "sa:shop/api", "--from-audit", LOG,
                "--snapshot", CLUSTER, "-o", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("unused-permissions.txt")).exists();
        assertThat(dir.resolve("delete-bindings.sh")).content().contains("kubectl delete rolebinding api-edit -n shop");
        assertThat(dir.resolve("recheck.txt")).content().contains("passed.");
        assertThat(dir.resolve("kustomization.yaml")).exists();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).contains("role-shop-api-observed.yaml");
        CliRun again = run("rbac", "unused", "--subject", "sa:shop/api", "--from-audit", LOG,
                "--snapshot", CLUSTER, "-o", dir.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
    }

    @Test
    void exitCodes() {
        assertThat(run("rbac", "unused", "--subject", "user:nobody", "--from-audit", LOG, "--snapshot", CLUSTER).code())
                .isEqualTo(1);
        assertThat(run("rbac", "unused", "--subject", "bogus", "--from-audit", LOG, "--snapshot", CLUSTER).code()).isEqualTo(2);
        assertThat(run("rbac", "unused", "--subject", "user:a", "--from-audit", "missing.log", "--snapshot", CLUSTER).code())
                .isEqualTo(2);
        assertThat(run("rbac", "unused", "--subject", "user:a", "--snapshot", CLUSTER).code()).isEqualTo(2);
    }

    @Test
    void generateRoleWarnsWhenTheApplierLacksThePermissions() {
        // the snapshot file has no identity: no applier guidance; a demo-like live identity is tested in core
        CliRun r = run("generate", "role", "--subject", "sa:shop/api", "-n", "shop",
                "--rule", ":secrets:get:db", "--snapshot", CLUSTER);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("does not hold");
        CliRun fromAudit = run("generate", "role", "--subject", "sa:shop/api", "--from-audit", LOG);
        assertThat(fromAudit.err()).contains("Re-check with the RBAC engine").contains("passed.");
    }
}
