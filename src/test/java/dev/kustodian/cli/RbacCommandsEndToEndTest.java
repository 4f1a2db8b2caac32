package dev.kustodian.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** can-i / who-can through the real CLI with {@code --snapshot} on src/test/resources/rbac/small-cluster.yaml. */
class RbacCommandsEndToEndTest {
    static Path file;

    @BeforeAll
    static void locate() throws URISyntaxException {
        file = Path.of(RbacCommandsEndToEndTest.class.getResource("/rbac/small-cluster.yaml").toURI());
    }

    final CliRun.Last cli = new CliRun.Last();

    @Test
    void canIYesAndNo() {
        assertThat(cli.run("can-i", "list", "secrets", "-n", "prod", "--as", "alice", "--snapshot", file.toString())).isZero();
        assertThat(cli.out().trim()).isEqualTo("yes");
        assertThat(cli.run("can-i", "get", "secrets/db", "-n", "dev", "--as", "system:serviceaccount:prod:app",
                "--snapshot", file.toString())).isEqualTo(1);
        assertThat(cli.run("can-i", "get", "secrets/db", "-n", "prod", "--as", "system:serviceaccount:prod:app",
                "--explain", "--snapshot", file.toString())).isZero();
        assertThat(cli.out()).contains("RoleBinding/prod/app-reads-secrets");
        assertThat(cli.run("can-i", "get", "secrets", "--as", "system:serviceaccount:prod:app", "--snapshot", file.toString()))
                .as("no -n with --snapshot is cluster scope: the RoleBinding does not count").isEqualTo(1);
    }

    @Test
    void missingSnapshotIsACleanError() {
        int rc = cli.run("can-i", "get", "secrets", "--as", "alice", "--snapshot", "/nonexistent/cluster.yaml");
        assertThat(rc).isNotZero().isNotEqualTo(1);
        assertThat(cli.err()).startsWith("error: ").doesNotContain("Exception");
    }

    @Test
    void whoCanJson() {
        assertThat(cli.run("who-can", "get", "secrets", "-n", "prod", "-o", "json", "--snapshot", file.toString())).isZero();
        assertThat(cli.out()).contains("\"kind\": \"ServiceAccount\", \"name\": \"app\", \"namespace\": \"prod\"")
                .contains("\"binding\": \"ClusterRoleBinding/alice-reads-secrets\"");
    }
}
