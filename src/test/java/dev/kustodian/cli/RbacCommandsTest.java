package dev.kustodian.cli;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.rbac.Fx;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.Request;
import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static dev.kustodian.core.rbac.Fx.clusterRole;
import static dev.kustodian.core.rbac.Fx.crb;
import static dev.kustodian.core.rbac.Fx.rb;
import static dev.kustodian.core.rbac.Fx.rule;
import static dev.kustodian.core.rbac.Fx.sa;
import static dev.kustodian.core.rbac.Fx.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RBAC commands' logic as functions of a snapshot, their parsing and their exit codes. */
class RbacCommandsTest {

    static final ClusterSnapshot CLUSTER = Fx.snapshot(
            List.of(clusterRole("secret-reader", rule("", "secrets", "get", "list", "watch")),
                    clusterRole("deployer", rule("apps", "deployments", "create"))),
            List.of(crb("alice-reads-secrets", "secret-reader", user("alice")),
                    rb("prod", "app-reads-secrets", RoleInfo.CLUSTER_ROLE, "secret-reader", sa("", "app")),
                    rb("prod", "bob-deploys", RoleInfo.CLUSTER_ROLE, "deployer", user("bob"))));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private PrintWriter o() {
        return new PrintWriter(out, true);
    }

    private PrintWriter e() {
        return new PrintWriter(err, true);
    }

    @Test
    void canIYesIsExitZero() {
        int rc = CanICommand.run(CLUSTER, Identity.of("alice", List.of()), Request.resource("list", "", "secrets", "prod"), false, o(), e());
        assertThat(rc).isZero();
        assertThat(out.toString()).isEqualTo("yes" + System.lineSeparator());
    }

    @Test
    void canINoIsExitOne() {
        int rc = CanICommand.run(CLUSTER, Identity.of("bob", List.of()), Request.resource("get", "", "secrets", "prod"), false, o(), e());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString().trim()).isEqualTo("no");
    }

    @Test
    void canIExplainPrintsThePath() {
        int rc = CanICommand.run(CLUSTER, Identity.of("system:serviceaccount:prod:app", List.of()),
                Request.resource("get", "", "secrets", "", "db", "prod"), true, o(), e());
        assertThat(rc).isZero();
        assertThat(out.toString()).startsWith("yes").contains("RoleBinding/prod/app-reads-secrets → ClusterRole/secret-reader → verbs=[get,list,watch]");
    }

    @Test
    void canIExplainNoSaysWhy() {
        int rc = CanICommand.run(CLUSTER, Identity.of("bob", List.of()), Request.resource("get", "", "secrets", "prod"), true, o(), e());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).startsWith("no").contains("no rule of any binding that applies to bob");
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            get | secrets              | ''   | ''  | ''   | secrets     | ''   | ''   | ''
            get | deployments.apps     | ''   | ''  | ''   | deployments | apps | ''   | ''
            get | secrets/db           | ''   | ''  | ''   | secrets     | ''   | ''   | db
            get | deployments.apps/web | ''   | ''  | ''   | deployments | apps | ''   | web
            get | pods                 | ''   | log | ''   | pods        | ''   | log  | ''
            get | pods/web             | ''   | exec | web | pods        | ''   | exec | web
            get | foos                 | example.com | '' | '' | foos     | example.com | '' | ''
            """)
    void parsesKubectlForms(String verb, String target, String group, String sub, String name,
                            String eRes, String eGroup, String eSub, String eName) {
        Request r = RbacCli.request(verb, target, blank(group), blank(sub), blank(name), "prod");
        assertThat(r.resource()).isEqualTo(eRes);
        assertThat(r.apiGroup()).isEqualTo(nz(eGroup));
        assertThat(r.subresource()).isEqualTo(nz(eSub));
        assertThat(r.name()).isEqualTo(nz(eName));
        assertThat(r.namespace()).isEqualTo("prod");
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Test
    void nonResourceUrl() {
        Request r = RbacCli.request("get", "/healthz", null, null, null, "");
        assertThat(r.isResourceRequest()).isFalse();
        assertThat(r.path()).isEqualTo("/healthz");
    }

    @Test
    void conflictingFormsAreBadInput() {
        assertThatThrownBy(() -> RbacCli.request("get", "deployments.apps", "extensions", null, null, ""))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("--api-group");
        assertThatThrownBy(() -> RbacCli.request("get", "secrets/a", null, null, "b", ""))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("--name");
        assertThatThrownBy(() -> RbacCli.request("get", "pods/a/exec", null, null, null, ""))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("--subresource");
        assertThatThrownBy(() -> RbacCli.request("get", "/healthz", "apps", null, null, ""))
                .isInstanceOf(UserFacingException.class);
    }

    private int cli(String... args) {
        CommandLine cl = KustodianCommand.commandLine();
        cl.setOut(o());
        cl.setErr(e());
        return cl.execute(args);
    }

    @Test
    void badUsageIsExitTwo() {
        assertThat(cli("can-i", "get", "secrets", "--snapshot", "x.yaml")).as("missing --as").isEqualTo(2);
        assertThat(cli("can-i", "get", "secrets", "-n", "a", "-A", "--as", "u", "--snapshot", "x.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("-n NAMESPACE or -A");
        assertThat(cli("can-i", "get", "pods/a/b", "--as", "u", "--snapshot", "x.yaml")).isEqualTo(2);
        assertThat(cli("who-can", "get", "secrets", "-o", "xml", "--snapshot", "x.yaml")).isEqualTo(2);
        assertThat(cli("can-i", "get", "--as", "u")).as("missing resource").isEqualTo(2);
        assertThat(cli("rbac", "rules", "--snapshot", "x.yaml")).as("missing --as").isEqualTo(2);
        assertThat(cli("can-i", "get", "secrets", "--as", "u", "--snapshot", "x", "--demo")).isEqualTo(2);
    }

    @Test
    void whoCanJsonShape() {
        int rc = WhoCanCommand.run(CLUSTER, Request.resource("get", "", "secrets", "prod"), true, o(), e());
        assertThat(rc).isZero();
        assertThat(out.toString()).isEqualTo("""
                [
                  {"kind": "Group", "name": "system:masters", "via": [{"binding": "(apiserver)", "role": "(group system:masters: allowed everything before RBAC)"}]},
                  {"kind": "ServiceAccount", "name": "app", "namespace": "prod", "via": [{"binding": "RoleBinding/prod/app-reads-secrets", "role": "ClusterRole/secret-reader"}]},
                  {"kind": "User", "name": "alice", "via": [{"binding": "ClusterRoleBinding/alice-reads-secrets", "role": "ClusterRole/secret-reader"}]}
                ]
                """);
    }

    @Test
    void whoCanTable() {
        WhoCanCommand.run(CLUSTER, Request.resource("list", "", "secrets", ""), false, o(), e());
        assertThat(out.toString()).startsWith("KIND").contains("User").contains("alice")
                .contains("ClusterRoleBinding/alice-reads-secrets → ClusterRole/secret-reader")
                .doesNotContain("app-reads-secrets");
    }

    @Test
    void rbacRulesListsEffectiveRules() {
        RbacCommand.RulesCommand.run(CLUSTER, Identity.of("bob", List.of()), "prod", o(), e());
        assertThat(out.toString()).contains("Resources").contains("[deployments.apps]").contains("[create]")
                .contains("RoleBinding/prod/bob-deploys → ClusterRole/deployer");
    }

    @Test
    void rbacMatrixMarksAllowedCells() {
        RbacCommand.MatrixCommand.run(CLUSTER, Identity.of("alice", List.of()), "prod", o(), e());
        String secretsRow = out.toString().lines().filter(l -> l.startsWith("secrets ")).findFirst().orElseThrow();
        assertThat(secretsRow.split("\\s+")).containsExactly("secrets", "yes", "yes", "yes", "-", "-", "-", "-", "-");
        String podsRow = out.toString().lines().filter(l -> l.startsWith("pods ")).findFirst().orElseThrow();
        assertThat(podsRow).doesNotContain("yes");
    }

    @Test
    void commandsAreRegistered() {
        CommandLine cl = KustodianCommand.commandLine();
        assertThat(cl.getSubcommands()).containsKeys("can-i", "who-can", "rbac");
        assertThat(cl.getSubcommands().get("rbac").getSubcommands()).containsKeys("rules", "matrix");
    }
}
