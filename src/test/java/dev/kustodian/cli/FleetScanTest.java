package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingListBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleListBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: {@code kustodian scan --contexts/--all-contexts} over three contexts: "prod" (a mock server whose RBAC
 * binds a user to cluster-admin), "staging" (a mock server with an empty cluster) and "gone" (a loopback port nobody
 * listens on). Checks the JSON shape, the exit codes, the matrix and that one failure does not stop the others.
 */
class FleetScanTest {

    @TempDir
    Path dir;
    KubernetesMockServer prod;
    KubernetesMockServer staging;
    Path kubeconfig;
    int closedPort;

    @BeforeEach
    void start() throws Exception {
        prod = server();
        staging = server();
        serve(prod, List.of(), true);
        serve(staging, List.of(), false);
        closedPort = Loopback.closedPort();
        Map<String, String> servers = new java.util.LinkedHashMap<>();
        servers.put("prod", "http://ops:hunter2@127.0.0.1:" + prod.getPort());
        servers.put("staging", "http://127.0.0.1:" + staging.getPort());
        servers.put("gone", "http://127.0.0.1:" + closedPort);
        kubeconfig = dev.kustodian.core.cluster.TestKubeconfigs.write(dir.resolve("config"), servers, Map.of());
    }

    @AfterEach
    void stop() {
        prod.destroy();
        staging.destroy();
    }

    private static KubernetesMockServer server() {
        KubernetesMockServer s = new KubernetesMockServer(false);
        s.init(InetAddress.getLoopbackAddress(), 0);
        s.clearExpectations();
        s.expect().get().withPath("/version").andReturn(200, Map.of("major", "1", "minor", "30",
                "gitVersion", "v1.30.2")).always();
        return s;
    }

    /** Every kind lists empty but namespaces (shop), forbidden kinds, and with {@code admin} a cluster-admin grant. */
    private static void serve(KubernetesMockServer server, List<String> forbidden, boolean admin) {
        for (String[] k : ScanCoverageTest.KINDS) {
            String path = k[0] + "/" + k[1] + "?limit=500";
            Object body;
            int code = 200;
            if (forbidden.contains(k[1])) {
                code = 403;
                body = new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("forbidden").build();
                server.expect().get().withPath(k[0] + "/namespaces/shop/" + k[1] + "?limit=500").andReturn(403, body)
                        .always();
            } else if (k[1].equals("namespaces")) {
                body = new NamespaceListBuilder().addToItems(new NamespaceBuilder().withNewMetadata().withName("shop")
                        .endMetadata().build()).build();
            } else if (admin && k[1].equals("clusterroles")) {
                body = new ClusterRoleListBuilder().addToItems(new ClusterRoleBuilder().withNewMetadata()
                        .withName("cluster-admin").endMetadata().addNewRule().withApiGroups("*").withResources("*")
                        .withVerbs("*").endRule().build()).build();
            } else if (admin && k[1].equals("clusterrolebindings")) {
                body = new ClusterRoleBindingListBuilder().addToItems(new ClusterRoleBindingBuilder().withNewMetadata()
                        .withName("dev-admin").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                        .withKind("ClusterRole").withName("cluster-admin").endRoleRef().addNewSubject()
                        .withApiGroup("rbac.authorization.k8s.io").withKind("User").withName("dev").endSubject()
                        .build()).build();
            } else {
                body = Map.of("apiVersion", "v1", "kind", "List", "metadata", Map.of(), "items", List.of());
            }
            server.expect().get().withPath(path).andReturn(code, body).always();
        }
    }

    private CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--kubeconfig", kubeconfig.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void threeContextsOneUnreachableGiveOneJsonDocumentAndExit0() throws Exception {
        CliRun r = scan("--contexts", "prod,staging,gone", "-o", "json", "--parallel", "2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.fieldNames()).toIterable().containsExactly("contexts", "summary");
        JsonNode ctx = root.path("contexts");
        assertThat(ctx.size()).isEqualTo(3);
        JsonNode p = ctx.get(0);
        assertThat(p.fieldNames()).toIterable().startsWith("context", "server", "status", "message", "summary",
                "findings");
        assertThat(p.path("context").asText()).isEqualTo("prod");
        assertThat(p.path("server").asText()).isEqualTo("http://127.0.0.1:" + prod.getPort())
                .doesNotContain("hunter2", "token");
        assertThat(p.path("status").asText()).isEqualTo("ok");
        assertThat(p.path("message").asText()).isEmpty();
        assertThat(p.path("summary").path("complete").asBoolean()).isTrue();
        assertThat(p.path("summary").path("total").asInt()).isEqualTo(p.path("findings").size()).isPositive();
        List<String> rules = new ArrayList<>();
        p.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
        assertThat(rules).contains("RBAC-CLUSTER-ADMIN");
        // the same finding objects as a single scan of that context
        JsonNode single = new ObjectMapper().readTree(scan("--context", "prod", "-o", "json", "-q").out());
        assertThat(p.path("findings")).isEqualTo(single.path("findings"));
        assertThat(p.path("summary").path("bySeverity")).isEqualTo(single.path("summary").path("bySeverity"));

        JsonNode s = ctx.get(1);
        assertThat(s.path("status").asText()).isEqualTo("ok");
        assertThat(s.path("findings").size()).isLessThan(p.path("findings").size());

        JsonNode g = ctx.get(2);
        assertThat(g.path("context").asText()).isEqualTo("gone");
        assertThat(g.path("status").asText()).isEqualTo("unreachable");
        assertThat(g.path("message").asText()).contains("127.0.0.1:" + closedPort, "refused");
        assertThat(r.err() + r.out()).doesNotContain("hunter2");
        assertThat(g.path("summary").isNull()).isTrue();
        assertThat(g.path("findings").size()).isZero();

        JsonNode sum = root.path("summary");
        assertThat(sum.path("contexts").asInt()).isEqualTo(3);
        assertThat(sum.path("byStatus").path("ok").asInt()).isEqualTo(2);
        assertThat(sum.path("byStatus").path("unreachable").asInt()).isEqualTo(1);
        assertThat(sum.path("total").asInt()).isEqualTo(p.path("findings").size() + s.path("findings").size());
        assertThat(sum.path("complete").asBoolean()).isFalse();

        assertThat(r.err()).contains("prod: scanning", "gone: unreachable", "1 of 3 context(s) could not be scanned");
        assertThat(r.out()).doesNotContain("scanning");
    }

    @Test
    void theMatrixComesFirstThenEachContextInTableMarkdownAndHtml() {
        CliRun table = scan("--all-contexts", "-q");
        assertThat(table.code()).as(table.err()).isZero();
        String out = table.out();
        assertThat(out).startsWith("KUSTODIAN FLEET SCAN: 3 context(s).");
        String header = out.lines().filter(l -> l.startsWith("CONTEXT")).findFirst().orElseThrow();
        assertThat(header).contains("STATUS", "SERVER", "RBAC", "TOTAL");
        assertThat(out.lines().filter(l -> l.startsWith("gone ")).findFirst().orElseThrow()).contains("unreachable");
        assertThat(out.indexOf("CONTEXT")).isLessThan(out.indexOf("== Context prod"));
        assertThat(out).contains("== Context staging", "== Context gone", "RBAC-CLUSTER-ADMIN");
        assertThat(out.indexOf("== Context prod")).isLessThan(out.indexOf("RBAC-CLUSTER-ADMIN"));
        assertThat(table.err()).contains("gone: unreachable").doesNotContain("scanning");

        String md = scan("--all-contexts", "-q", "-o", "markdown").out();
        assertThat(md).startsWith("# Kustodian fleet report").contains("| CONTEXT | STATUS | SERVER |",
                "[prod](#context-prod)", "## Context gone", "**unreachable**", "### rbac", "#### ");
        String html = scan("--all-contexts", "-q", "-o", "html").out();
        assertThat(html).contains("<table class=\"matrix\"", "<h2 class=\"ctx\">Context gone</h2>",
                "status-failed").endsWith("</html>\n");
        JsonNode sarif = readJson(scan("--all-contexts", "-q", "-o", "sarif").out());
        assertThat(sarif.path("runs").size()).isEqualTo(3);
        assertThat(sarif.path("runs").get(2).path("invocations").get(0).path("executionSuccessful").asBoolean())
                .isFalse();
        assertThat(sarif.path("runs").get(0).path("automationDetails").path("id").asText())
                .isEqualTo("kustodian/fleet/prod/");
    }

    private static JsonNode readJson(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void exitCodes() {
        CliRun failOn = scan("--contexts", "staging,prod,gone", "-q", "--fail-on", "high");
        assertThat(failOn.code()).as(failOn.err()).isEqualTo(ScanCommand.EXIT_THRESHOLD_MET);
        assertThat(failOn.err()).contains("prod: ", "in the fleet: exit code 4");

        CliRun none = scan("--contexts", "gone", "-q", "-o", "json");
        assertThat(none.code()).isEqualTo(3);
        assertThat(readJson(none.out()).path("contexts").get(0).path("status").asText()).isEqualTo("unreachable");
        assertThat(none.err()).contains("No context could be scanned");

        CliRun unknown = scan("--contexts", "prod,nope", "-q");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("\"nope\"", "Known contexts: prod, staging, gone");
        assertThat(unknown.out()).isEmpty();

        assertThat(scan("--contexts", "prod", "--context", "prod").code()).isEqualTo(2);
        assertThat(scan("--all-contexts", "--parallel", "0").code()).isEqualTo(2);
        assertThat(scan("--all-contexts", "-o", "policyreport").err()).contains("--context NAME -o policyreport");
    }

    @Test
    void aContextWithGapsFollowsExit5AndACredentialRejectionIsUnauthorized() throws Exception {
        staging.clearExpectations();
        staging.expect().get().withPath("/version").andReturn(200, Map.of("major", "1", "minor", "30",
                "gitVersion", "v1.30.2")).always();
        serve(staging, List.of("secrets"), false);
        prod.clearExpectations();
        prod.expect().get().withPath("/version").andReturn(401, new StatusBuilder().withCode(401)
                .withMessage("Unauthorized").build()).always();

        CliRun r = scan("--all-contexts", "-q", "-o", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ScanCommand.EXIT_INCOMPLETE);
        JsonNode root = readJson(r.out());
        assertThat(root.path("contexts").get(0).path("status").asText()).isEqualTo("unauthorized");
        assertThat(root.path("contexts").get(0).path("message").asText()).contains("401");
        JsonNode st = root.path("contexts").get(1);
        assertThat(st.path("status").asText()).isEqualTo("ok");
        assertThat(st.path("summary").path("complete").asBoolean(true)).isFalse();
        assertThat(st.path("gaps").get(0).path("kind").asText()).isEqualTo("Secret");
        assertThat(r.err()).contains("Incomplete scan in 1 context(s): staging", "exit code 5");

        CliRun partial = scan("--all-contexts", "-q", "--allow-partial");
        assertThat(partial.code()).as(partial.err()).isZero();
        assertThat(partial.out()).contains("ok (incomplete)", "VISIBILITY GAPS (1)");
    }

    /** A kubeconfig with prod, a black hole (accepts connections, never answers) and a hanging exec plugin. */
    private Path stallingKubeconfig(ServerSocket blackHole) throws Exception {
        Path plugin = dir.resolve("hanging-plugin");
        Files.writeString(plugin, "#!/bin/sh\nsleep 600\n");
        plugin.toFile().setExecutable(true);
        Map<String, String> servers = new java.util.LinkedHashMap<>();
        servers.put("prod", "http://127.0.0.1:" + prod.getPort());
        servers.put("hole", "http://127.0.0.1:" + blackHole.getLocalPort());
        servers.put("sso", "http://127.0.0.1:" + prod.getPort());
        Path k = dev.kustodian.core.cluster.TestKubeconfigs.write(dir.resolve("stalling"), servers,
                Map.of("sso", plugin.toString()));
        return k;
    }

    @Test
    void requestAndExecTimeoutsApplyToEveryContextOfTheFleet() throws Exception {
        // the kernel completes connections to a socket nobody accepts from: a server that never answers
        try (ServerSocket hole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path k = stallingKubeconfig(hole);
            CliRun r = CliRun.run("scan", "--kubeconfig", k.toString(), "--all-contexts",
                    "-q", "-o", "json", "--request-timeout", "700ms", "--exec-timeout", "1s");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode ctx = readJson(r.out()).path("contexts");
            assertThat(ctx.get(0).path("status").asText()).isEqualTo("ok");
            assertThat(ctx.get(1).path("context").asText()).isEqualTo("hole");
            assertThat(ctx.get(1).path("status").asText()).isEqualTo("unreachable");
            assertThat(ctx.get(1).path("message").asText()).contains("did not answer within 700 ms");
            assertThat(ctx.get(2).path("context").asText()).isEqualTo("sso");
            assertThat(ctx.get(2).path("status").asText()).isEqualTo("unauthorized");
            assertThat(ctx.get(2).path("message").asText()).contains("hanging-plugin", "did not finish within 1 s",
                    "--exec-timeout");
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aBadDurationIsBadInputBeforeAnyContextIsLoaded() {
        CliRun r = scan("--all-contexts", "--request-timeout", "soon");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--request-timeout");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void cisBenchmarkNumbersEveryContextOfTheFleet() throws Exception {
        CliRun r = scan("--contexts", "prod,staging", "-q", "-o", "json", "--cis-benchmark", "cis-1.6");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode ctx = readJson(r.out()).path("contexts");
        for (JsonNode c : ctx) {
            assertThat(c.path("summary").path("cisBenchmark").asText()).as(c.path("context").asText())
                    .isEqualTo("cis-1.6");
        }
        // the same ids as a single scan of the context in that benchmark
        JsonNode single = readJson(scan("--context", "prod", "-o", "json", "-q", "--cis-benchmark", "cis-1.6").out());
        assertThat(ctx.get(0).path("findings")).isEqualTo(single.path("findings"));
        JsonNode own = readJson(scan("--contexts", "prod", "-q", "-o", "json").out()).path("contexts").get(0);
        assertThat(own.path("summary").path("cisBenchmark").asText()).isNotEqualTo("cis-1.6").isNotEmpty();

        CliRun unknown = scan("--all-contexts", "--cis-benchmark", "cis-9.9");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("cis-9.9", "cis-1.6");
    }

    @Test
    void metadataModeReadsEveryContextAsMetadataAndSaysWhatWasNotEvaluated() throws Exception {
        CliRun partial = scan("--contexts", "prod,staging", "-q", "-o", "json", "--secrets", "metadata");
        assertThat(partial.code()).as(partial.err()).isEqualTo(ScanCommand.EXIT_INCOMPLETE);
        CliRun r = scan("--contexts", "prod,staging", "-q", "-o", "json", "--secrets", "metadata",
                "--allow-partial");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode ctx = readJson(r.out()).path("contexts");
        assertThat(ctx).hasSize(2);
        for (JsonNode c : ctx) {
            assertThat(c.path("status").asText()).isEqualTo("ok");
            assertThat(c.path("gaps").toString()).as(c.path("context").asText()).contains("metadata-only");
            assertThat(c.path("notEvaluated").toString()).contains("SEC-TLS-EXPIRED");
        }
        // a full fleet scan of the same contexts has no such gap
        JsonNode full = readJson(scan("--contexts", "prod,staging", "-q", "-o", "json").out()).path("contexts");
        for (JsonNode c : full) {
            assertThat(c.path("gaps").toString()).doesNotContain("metadata-only");
        }
    }
}
