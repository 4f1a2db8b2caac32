package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.cluster.ClusterSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan --accept/--baseline} and {@code kustodian diff} on a crafted cluster (ScanCommandTest's snapshot: one
 * Deployment reading secret shop/db through env and a missing secret) and crafted scan files.
 */
class AcceptBaselineDiffTest {
    @TempDir
    Path dir;

    final CliRun.Last cli = new CliRun.Last(cl -> {
        ScanCommand scan = cl.getSubcommands().get("scan").getCommand();
        scan.opener = (spec, p, c) -> new ClusterSession(spec, ScanCommandTest.snapshot(), null, null);
    });

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static final String DANGLING = "SEC-DANGLING-REF";

    @Test
    void acceptedFindingsStayMarkedAndDoNotCountForFailOnUntilTheyExpire() throws Exception {
        // the crafted cluster's only high finding is the dangling reference to secret shop/gone
        assertThat(cli.run("scan", "--snapshot", "x", "--fail-on", "high")).isEqualTo(4);
        String id = new ObjectMapper().readTree(scan("json")).path("findings").findValues("id").stream()
                .map(JsonNode::asText).filter(s -> s.startsWith(DANGLING)).findFirst().orElseThrow();
        Path accept = write("accept.yaml", "accepted:\n- id: " + id + "\n  reason: secret comes with the next release"
                + "\n  by: alice@example.com\n  expires: 2999-12-31\n");
        assertThat(cli.run("scan", "--snapshot", "x", "--fail-on", "high", "--accept", accept.toString(), "-o", "json"))
                .isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        JsonNode f = null;
        for (JsonNode n : json.path("findings")) {
            if (n.path("id").asText().equals(id)) {
                f = n;
            }
        }
        assertThat(f).isNotNull();
        assertThat(f.path("accepted").path("reason").asText()).isEqualTo("secret comes with the next release");
        assertThat(f.path("accepted").path("by").asText()).isEqualTo("alice@example.com");
        assertThat(f.path("accepted").path("expires").asText()).isEqualTo("2999-12-31");
        assertThat(f.path("accepted").path("expired").asBoolean()).isFalse();
        assertThat(json.path("summary").path("accepted").asInt()).isEqualTo(1);
        assertThat(cli.err()).contains("1 accepted finding(s) not counted for --fail-on");

        Path expired = write("expired.yaml", "accepted:\n- rule: " + DANGLING + "\n  object: Deployment/shop/web"
                + "\n  reason: old\n  by: bob\n  expires: 2020-01-01\n");
        assertThat(cli.run("scan", "--snapshot", "x", "--fail-on", "high", "--accept", expired.toString())).isEqualTo(4);
        assertThat(cli.out()).contains("High (acceptance expired)");
        assertThat(cli.err()).contains("acceptance(s) expired");
    }

    @Test
    void sarifCarriesSuppressionsWithTheJustification() throws Exception {
        Path accept = write("accept.yaml", "accepted:\n- rule: SEC-ENV\n  object: Deployment/shop/web\n"
                + "  reason: migrating to files in Q1\n  by: alice@example.com\n  expires: 2999-01-31\n");
        assertThat(cli.run("scan", "--snapshot", "x", "-o", "sarif", "--accept", accept.toString())).isZero();
        JsonNode results = new ObjectMapper().readTree(cli.out()).path("runs").get(0).path("results");
        int suppressed = 0;
        for (JsonNode r : results) {
            if (r.has("suppressions")) {
                suppressed++;
                assertThat(r.path("ruleId").asText()).isEqualTo("SEC-ENV");
                JsonNode s = r.path("suppressions").get(0);
                assertThat(s.path("kind").asText()).isEqualTo("external");
                assertThat(s.path("status").asText()).isEqualTo("accepted");
                assertThat(s.path("justification").asText()).contains("migrating to files in Q1", "alice@example.com");
            }
        }
        assertThat(suppressed).isEqualTo(1);
    }

    @Test
    void aMalformedAcceptFileIsExitTwoNamingTheLine() throws Exception {
        Path bad = write("accept.yaml", "accepted:\n- id: X\n  reason: r\n  by: b\n  expires: 31/12/2027\n");
        assertThat(cli.run("scan", "--snapshot", "x", "--accept", bad.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("accept.yaml line 5", "not a date").doesNotContain("Exception");
    }

    @Test
    void baselineLimitsFailOnToNewFindings() throws Exception {
        Path base = write("base.json", scan("json"));
        assertThat(cli.run("scan", "--snapshot", "x", "--fail-on", "low", "--baseline", base.toString())).isZero();
        // a baseline without the dangling reference: that finding is new and fails the run
        JsonNode root = new ObjectMapper().readTree(Files.readString(base));
        var arr = (com.fasterxml.jackson.databind.node.ArrayNode) root.path("findings");
        for (int i = arr.size() - 1; i >= 0; i--) {
            if (arr.get(i).path("rule").asText().equals(DANGLING)) {
                arr.remove(i);
            }
        }
        Path older = write("older.json", new ObjectMapper().writeValueAsString(root));
        assertThat(cli.run("scan", "--snapshot", "x", "--fail-on", "high", "--baseline", older.toString())).isEqualTo(4);
        assertThat(cli.run("scan", "--snapshot", "x", "--baseline", write("nope.json", "{\"a\":1}").toString())).isEqualTo(2);
    }

    @Test
    void diffPrintsNewResolvedAndUnchangedAndFailsOnNew() throws Exception {
        Path now = write("now.json", scan("json"));
        JsonNode root = new ObjectMapper().readTree(Files.readString(now));
        var arr = (com.fasterxml.jackson.databind.node.ArrayNode) root.path("findings");
        int total = arr.size();
        String removedId = null;
        for (int i = arr.size() - 1; i >= 0; i--) {
            if (arr.get(i).path("rule").asText().equals(DANGLING)) {
                removedId = arr.get(i).path("id").asText();
                arr.remove(i);
            }
        }
        var extra = arr.addObject();
        extra.put("id", "RBAC-CLUSTER-ADMIN:ClusterRoleBinding/old-admin").put("rule", "RBAC-CLUSTER-ADMIN")
                .put("area", "rbac").put("severity", "critical").put("title", "Cluster-admin granted");
        extra.putObject("object").put("kind", "ClusterRoleBinding").put("namespace", "").put("name", "old-admin");
        Path old = write("old.json", new ObjectMapper().writeValueAsString(root));

        assertThat(cli.run("diff", old.toString(), now.toString(), "-o", "json")).isZero();
        JsonNode d = new ObjectMapper().readTree(cli.out());
        assertThat(d.path("new")).hasSize(1);
        assertThat(d.path("new").get(0).path("id").asText()).isEqualTo(removedId);
        assertThat(d.path("new").get(0).has("remediation")).isTrue(); // the same finding objects as scan -o json
        assertThat(d.path("resolved")).hasSize(1);
        assertThat(d.path("resolved").get(0).path("id").asText()).isEqualTo("RBAC-CLUSTER-ADMIN:ClusterRoleBinding/old-admin");
        assertThat(d.path("unchanged").asInt()).isEqualTo(total - 1);

        assertThat(cli.run("diff", old.toString(), now.toString())).isZero();
        assertThat(cli.out()).contains("NEW", "RESOLVED", "1 new, 1 resolved, " + (total - 1) + " unchanged");
        assertThat(cli.run("diff", old.toString(), now.toString(), "--fail-on-new", "high")).isEqualTo(4);
        assertThat(cli.run("diff", old.toString(), now.toString(), "--fail-on-new", "critical")).isZero();
        assertThat(cli.run("diff", old.toString(), dir.resolve("missing.json").toString())).isEqualTo(2);
    }

    @Test
    void diffNumbersCisIdsInTheChosenBenchmarkAndNamesIt() throws Exception {
        assertThat(cli.run("scan", "--snapshot", "x", "-o", "json", "--cis-benchmark", "eks-1.8.0")).isZero();
        Path eks = write("eks.json", cli.out());
        // OLD: no finding; NEW: the scan numbered in eks-1.8.0
        Path empty = write("empty.json", "{\"summary\": {\"total\": 0}, \"findings\": []}");
        assertThat(cli.run("diff", empty.toString(), eks.toString(), "-o", "json")).isZero();
        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out());
        assertThat(n.get("cisBenchmark").asText()).isEqualTo("eks-1.8.0");
        assertThat(n.get("new").findValues("cis").toString()).contains("4.4.1").doesNotContain("5.4.1");
        assertThat(cli.run("diff", empty.toString(), eks.toString(), "-o", "json", "--cis-benchmark", "cis-1.12")).isZero();
        n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out());
        assertThat(n.get("cisBenchmark").asText()).isEqualTo("cis-1.12");
        assertThat(n.get("new").findValues("cis").toString()).contains("5.4.1").doesNotContain("4.4.1");
        assertThat(cli.run("diff", empty.toString(), eks.toString(), "--cis-benchmark", "cis-9")).isEqualTo(2);
        assertThat(cli.err()).contains("Unknown CIS benchmark 'cis-9'");
    }

    private String scan(String format) {
        cli.run("scan", "--snapshot", "x", "-o", format);
        return cli.out();
    }
}
