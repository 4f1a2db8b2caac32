package dev.kustodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustodian.core.cluster.MockApiServer;
import dev.kustodian.core.cluster.TestKubeconfigs;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a scan that could not see something says so in every format and exits 5 unless --allow-partial.
 * Against fabric8's mock server in expectation mode: one identity that may not list secrets, one that may list
 * nothing, and a server that answers 404 to every list.
 */
class ScanCoverageTest {

    /** The kinds the live loader lists: API path prefix and resource. */
    static final List<String[]> KINDS = List.of(
            new String[]{"/api/v1", "namespaces"}, new String[]{"/api/v1", "nodes"},
            new String[]{"/apis/apiextensions.k8s.io/v1", "customresourcedefinitions"},
            new String[]{"/api/v1", "secrets"}, new String[]{"/api/v1", "configmaps"}, new String[]{"/api/v1", "pods"},
            new String[]{"/api/v1", "serviceaccounts"}, new String[]{"/apis/apps/v1", "deployments"},
            new String[]{"/apis/apps/v1", "statefulsets"}, new String[]{"/apis/apps/v1", "daemonsets"},
            new String[]{"/apis/apps/v1", "replicasets"}, new String[]{"/apis/batch/v1", "jobs"},
            new String[]{"/apis/batch/v1", "cronjobs"}, new String[]{"/apis/rbac.authorization.k8s.io/v1", "roles"},
            new String[]{"/apis/rbac.authorization.k8s.io/v1", "clusterroles"},
            new String[]{"/apis/rbac.authorization.k8s.io/v1", "rolebindings"},
            new String[]{"/apis/rbac.authorization.k8s.io/v1", "clusterrolebindings"});

    @RegisterExtension
    final MockApiServer api = MockApiServer.bare();
    @TempDir
    Path dir;
    Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        kubeconfig = TestKubeconfigs.write(dir.resolve("config"), Map.of("mock", api.url()), Map.of());
        api.expectVersion();
    }

    private static Object forbidden() {
        return new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("forbidden").build();
    }

    private static Object emptyList() {
        return Map.of("apiVersion", "v1", "kind", "List", "metadata", Map.of(), "items", List.of());
    }

    /** Every kind lists empty except {@code forbidden} (forbidden in both namespaces too); namespaces shop and team. */
    private void serve(List<String> forbiddenKinds) {
        for (String[] k : KINDS) {
            String path = k[0] + "/" + k[1] + "?limit=500";
            if (forbiddenKinds.contains(k[1])) {
                api.server().expect().get().withPath(path).andReturn(403, forbidden()).always();
                for (String ns : List.of("shop", "team")) {
                    api.server().expect().get().withPath(k[0] + "/namespaces/" + ns + "/" + k[1] + "?limit=500")
                            .andReturn(403, forbidden()).always();
                }
            } else if (k[1].equals("namespaces")) {
                api.server().expect().get().withPath(path).andReturn(200, new NamespaceListBuilder().addToItems(
                        new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(),
                        new NamespaceBuilder().withNewMetadata().withName("team").endMetadata().build()).build())
                        .always();
            } else {
                api.server().expect().get().withPath(path).andReturn(200, emptyList()).always();
            }
        }
    }

    private CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--kubeconfig", kubeconfig.toString(), "-q"));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void aScanThatMayNotListSecretsExits5AndSaysSoInEveryFormat() throws Exception {
        serve(List.of("secrets"));
        CliRun json = scan("-o", "json", "--fail-on", "low");
        assertThat(json.code()).as(json.err()).isEqualTo(ScanCommand.EXIT_INCOMPLETE);
        assertThat(json.err()).contains("Incomplete scan", "exit code 5", "--allow-partial");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("summary").path("complete").asBoolean(true)).isFalse();
        JsonNode gap = root.path("gaps").get(0);
        assertThat(gap.path("kind").asText()).isEqualTo("Secret");
        assertThat(gap.path("namespace").asText()).isEmpty();
        assertThat(gap.path("reason").asText()).contains("needs list on secrets");
        List<String> blind = new ArrayList<>();
        root.path("notEvaluated").forEach(n -> blind.add(n.path("rule").asText()));
        assertThat(blind).contains("SEC-ENV", "SEC-TLS-EXPIRED", "SEC-DEFAULT-NAMESPACE")
                .doesNotContain("RBAC-SECRETS-LIST", "ENC-NOT-CONFIGURED");

        CliRun sarif = scan("-o", "sarif");
        assertThat(sarif.code()).isEqualTo(5);
        JsonNode notes = new ObjectMapper().readTree(sarif.out()).path("runs").get(0).path("invocations").get(0)
                .path("toolExecutionNotifications");
        assertThat(notes.size()).isEqualTo(1 + blind.size());
        assertThat(notes.get(0).path("message").path("text").asText()).contains("Secret", "403");
        assertThat(notes.get(1).path("associatedRule").path("id").asText()).isIn(blind);

        CliRun table = scan();
        assertThat(table.code()).isEqualTo(5);
        assertThat(table.out()).contains("VISIBILITY GAPS (1)", "NOT EVALUATED (" + blind.size() + " rule(s))",
                "SEC-ENV: not evaluated: secrets", "INCOMPLETE");
        assertThat(scan("-o", "markdown").out()).contains("## Visibility gaps", "### Not evaluated", "`SEC-ENV`",
                "Complete: **no**");
        assertThat(scan("-o", "html").out()).contains("<section class=\"gaps\"", "Not evaluated",
                "<code>SEC-ENV</code>");

        CliRun partial = scan("--allow-partial", "--fail-on", "high");
        assertThat(partial.code()).as(partial.err()).isZero();
        assertThat(partial.out()).contains("VISIBILITY GAPS (1)");
    }

    @Test
    void metadataModeWithoutAccessToSecretsLabelsTheForbiddenListAsTheModesExpectedGap() throws Exception {
        // the scanner's metadata ClusterRole: RBAC cannot grant a metadata-only list, so secrets are forbidden
        serve(List.of("secrets"));
        CliRun json = scan("-o", "json", "--secrets", "metadata", "--allow-partial");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        List<String> reasons = new ArrayList<>();
        root.path("gaps").forEach(g -> reasons.add(g.path("reason").asText()));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("needs list on secrets",
                "expected with --secrets metadata"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("metadata-only"));
        assertThat(scan("--secrets", "metadata").code()).isEqualTo(ScanCommand.EXIT_INCOMPLETE);
    }

    @Test
    void aScanThatMayListNothingExits5WithEveryRuleNotEvaluated() throws Exception {
        serve(KINDS.stream().map(k -> k[1]).toList());
        CliRun json = scan("-o", "json");
        assertThat(json.code()).as(json.err()).isEqualTo(5);
        JsonNode root = new ObjectMapper().readTree(json.out());
        List<String> hidden = new ArrayList<>();
        root.path("gaps").forEach(g -> hidden.add(g.path("resource").asText()));
        assertThat(hidden).containsAll(KINDS.stream().map(k -> k[1]).toList());
        assertThat(root.path("notEvaluated").size()).isEqualTo(dev.kustodian.core.analysis.Analysis.allRules().size());
        root.path("notEvaluated").forEach(n -> assertThat(n.path("scope").asText()).isEqualTo("none"));
        CliRun table = scan("--allow-partial");
        assertThat(table.code()).isZero();
        assertThat(table.out()).startsWith("No findings in what could be seen (see the visibility gaps).");
    }

    @Test
    void aServerThatAnswers404ToEveryListIsNotAKubernetesApiServerExit3() throws Exception {
        // only /version is answered: /api and every list are 404 (a wrong URL path, another web server)
        CliRun json = scan("-o", "json", "--fail-on", "critical");
        assertThat(json.code()).as(json.err()).isEqualTo(3);
        assertThat(json.out()).isEmpty();
        assertThat(json.err()).contains(api.url() + "/ of context \"mock\" does not look "
                + "like a Kubernetes API server (404 on /api;").contains("kubectl cluster-info")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aServerThatServesApiButNoListIsStillNotAKubernetesApiServer() throws Exception {
        api.server().expect().get().withPath("/api").andReturn(200, Map.of("kind", "APIVersions",
                "versions", List.of("v1"))).always();
        CliRun table = scan("--allow-partial");
        assertThat(table.code()).as(table.err()).isEqualTo(3);
        assertThat(table.err()).contains("does not look like a Kubernetes API server (404 on every list, although "
                + "/api answered;");
    }

    @Test
    void oneKindThatAnswers404IsAGapNotAWrongServer() throws Exception {
        // every list answers (empty) but secrets: 404 there is "not served", the scan is incomplete (exit 5)
        for (String[] k : KINDS) {
            if (!k[1].equals("secrets")) {
                api.server().expect().get().withPath(k[0] + "/" + k[1] + "?limit=500").andReturn(200, emptyList()).always();
            }
        }
        CliRun json = scan("-o", "json");
        assertThat(json.code()).as(json.err()).isEqualTo(5);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("gaps").get(0).path("status").asInt()).isEqualTo(404);
        assertThat(root.path("gaps").get(0).path("resource").asText()).isEqualTo("secrets");
    }

    @Test
    void aCompleteScanKeepsExit0AndEmptyGapLists() throws Exception {
        serve(List.of());
        CliRun json = scan("-o", "json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("gaps").isArray()).isTrue();
        assertThat(root.path("gaps").size()).isZero();
        assertThat(root.path("notEvaluated").size()).isZero();
        assertThat(root.path("summary").path("complete").asBoolean()).isTrue();
        CliRun table = scan();
        assertThat(table.code()).isZero();
        assertThat(table.out()).doesNotContain("VISIBILITY", "INCOMPLETE", "could be seen");
    }
}
