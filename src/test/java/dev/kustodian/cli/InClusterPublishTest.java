package dev.kustodian.cli;

import dev.kustodian.core.cluster.ApplyingCrudServer;
import dev.kustodian.core.cluster.InCluster;
import dev.kustodian.core.externalsecrets.SchemaValidator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kustodian scan --in-cluster --publish}, the scanner CronJob's command, in a simulated pod (service account
 * token, CA and namespace files; KUBERNETES_SERVICE_HOST/PORT) against fabric8's mock API server over HTTPS in CRUD
 * mode, with the policy report CRDs installed: reports valid against the bundled CRD schemas (unknown fields
 * rejected), results replaced on the next run, stale reports deleted, auto picking OpenReports by discovery, the
 * token re-read from its file, and the exit codes of a process that is not in a pod or cannot reach its server.
 */
class InClusterPublishTest {
    private static final String CRDS = "/crds/policy-reports/";
    private static final ResourceDefinitionContext POLICY_REPORTS = ctx("wgpolicyk8s.io", "v1alpha2", "PolicyReport",
            "policyreports", true);
    private static final ResourceDefinitionContext CLUSTER_POLICY_REPORTS = ctx("wgpolicyk8s.io", "v1alpha2",
            "ClusterPolicyReport", "clusterpolicyreports", false);
    private static final ResourceDefinitionContext REPORTS = ctx("openreports.io", "v1alpha1", "Report", "reports",
            true);
    private static final ResourceDefinitionContext CLUSTER_REPORTS = ctx("openreports.io", "v1alpha1",
            "ClusterReport", "clusterreports", false);

    @TempDir
    Path dir;
    ApplyingCrudServer server;
    KubernetesClient client;
    Path serviceAccount;

    private static ResourceDefinitionContext ctx(String group, String version, String kind, String plural,
                                                 boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }

    @BeforeEach
    void start() throws Exception {
        server = new ApplyingCrudServer(true);
        client = server.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
                .create();
        client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db")
                .endMetadata().addToStringData("password", "hunter2-not-real").build()).create();
        client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata()
                .withName("web").endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "web")
                .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").addNewEnv()
                .withName("DB_PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "db", false)
                .endValueFrom().endEnv().endContainer().endSpec().endTemplate().endSpec().build()).create();
        serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), "scanner-token-1\n");
        Files.copy(server.certificate(), serviceAccount.resolve("ca.crt"));
        Files.writeString(serviceAccount.resolve("namespace"), "kustodian-system");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private InCluster.Environment pod(int port) {
        return new InCluster.Environment(Map.of("KUBERNETES_SERVICE_HOST", "localhost",
                "KUBERNETES_SERVICE_PORT", String.valueOf(port)), serviceAccount);
    }

    private CliRun run(InCluster.Environment env, String... args) {
        return CliRun.run(cl -> {
            ScanCommand scan = cl.getSubcommands().get("scan").getCommand();
            scan.inClusterEnvironment = env;
        }, args);
    }

    private CliRun scanner(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("scan", "--in-cluster", "--publish", "-q"));
        args.addAll(List.of(extra));
        return run(pod(server.port()), args.toArray(String[]::new));
    }

    private List<GenericKubernetesResource> list(ResourceDefinitionContext c) {
        var op = client.genericKubernetesResources(c);
        return c.isNamespaceScoped() ? op.inAnyNamespace().list().getItems() : op.list().getItems();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(GenericKubernetesResource r) {
        return client.getKubernetesSerialization().convertValue(r, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("results");
    }

    @Test
    void theTestCrdsAreTheBundledOnes() throws Exception {
        for (String[] pair : List.of(new String[]{"v1alpha2-wgpolicyk8s.io_policyreports.yaml",
                "wgpolicyk8s.io_policyreports.yaml"}, new String[]{"v1alpha2-wgpolicyk8s.io_clusterpolicyreports.yaml",
                "wgpolicyk8s.io_clusterpolicyreports.yaml"}, new String[]{"openreports.io_reports.yaml",
                "openreports.io_reports.yaml"}, new String[]{"openreports.io_clusterreports.yaml",
                "openreports.io_clusterreports.yaml"})) {
            try (var in = getClass().getResourceAsStream(CRDS + pair[0])) {
                assertThat(new String(in.readAllBytes())).as(pair[0])
                        .isEqualTo(Files.readString(Path.of("resources/crds", pair[1])));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesValidPolicyReportsAndReplacesThemOnTheNextRun() throws Exception {
        server.createCrd(client, CRDS + "v1alpha2-wgpolicyk8s.io_policyreports.yaml", "v1alpha2");
        server.createCrd(client, CRDS + "v1alpha2-wgpolicyk8s.io_clusterpolicyreports.yaml", "v1alpha2");
        // a report of an earlier run for a namespace that now has no findings, and another tool's report
        client.genericKubernetesResources(POLICY_REPORTS).inNamespace("team").resource(report("PolicyReport",
                "kustodian-team", "team", true)).create();
        client.genericKubernetesResources(POLICY_REPORTS).inNamespace("team").resource(report("PolicyReport",
                "kyverno-team", "team", false)).create();

        CliRun first = scanner();
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("ClusterPolicyReport/kustodian-cluster: applied",
                "PolicyReport/shop/kustodian-shop: applied", "PolicyReport/team/kustodian-team: deleted");
        assertThat(server.authorizations()).contains("Bearer scanner-token-1");

        List<Map<String, Object>> namespaced = list(POLICY_REPORTS).stream().map(this::asMap).toList();
        List<Map<String, Object>> cluster = list(CLUSTER_POLICY_REPORTS).stream().map(this::asMap).toList();
        assertThat(namespaced).extracting(m -> ((Map<String, Object>) m.get("metadata")).get("name"))
                .containsExactlyInAnyOrder("kustodian-shop", "kyverno-team");
        assertThat(cluster).extracting(m -> ((Map<String, Object>) m.get("metadata")).get("name"))
                .containsExactly("kustodian-cluster");
        for (Map<String, Object> r : List.of(cluster.get(0), namespaced.stream().filter(m -> "kustodian-shop".equals(
                ((Map<String, Object>) m.get("metadata")).get("name"))).findFirst().orElseThrow())) {
            assertThat(SchemaValidator.get().validate(r)).as("schema problems").isEmpty();
            assertThat(((Map<String, Object>) r.get("metadata")).get("labels"))
                    .isEqualTo(Map.of("app.kubernetes.io/managed-by", "kustodian"));
            assertThat((Map<String, String>) ((Map<String, Object>) r.get("metadata")).get("annotations"))
                    .containsKeys("kustodian.dev/results-cap", "kustodian.dev/part", "kustodian.dev/scanned-at");
        }
        Map<String, Object> shop = namespaced.stream().filter(m -> "kustodian-shop".equals(
                ((Map<String, Object>) m.get("metadata")).get("name"))).findFirst().orElseThrow();
        Map<String, Object> env = results(shop).stream().filter(r -> "SEC-ENV".equals(r.get("policy")))
                .findFirst().orElseThrow();
        assertThat(env).containsEntry("result", "fail").containsEntry("source", "kustodian")
                .containsKeys("severity", "message", "resources");
        assertThat(String.valueOf(env.get("rule"))).startsWith("CIS ");
        assertThat((Map<String, String>) env.get("properties")).containsKeys("remediation", "area");
        assertThat(client.getKubernetesSerialization().asJson(shop)).doesNotContain("hunter2");

        // between runs: someone edits the report, the token rotates, the deployment stops using the secret by env
        GenericKubernetesResource edited = client.genericKubernetesResources(POLICY_REPORTS).inNamespace("shop")
                .withName("kustodian-shop").get();
        ((List<Object>) edited.getAdditionalProperties().get("results")).add(Map.of("policy", "EDITED",
                "result", "fail", "source", "someone"));
        client.genericKubernetesResources(POLICY_REPORTS).inNamespace("shop").resource(edited).update();
        Files.writeString(serviceAccount.resolve("token"), "scanner-token-2\n");
        client.apps().deployments().inNamespace("shop").withName("web").delete();

        CliRun second = scanner();
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(server.authorizations()).contains("Bearer scanner-token-2");
        List<Map<String, Object>> after = list(POLICY_REPORTS).stream().map(this::asMap).toList();
        List<Map<String, Object>> shopAfter = after.stream().filter(m -> "kustodian-shop".equals(
                ((Map<String, Object>) m.get("metadata")).get("name"))).toList();
        List<Map<String, Object>> resultsAfter = shopAfter.isEmpty() ? List.of() : results(shopAfter.get(0));
        assertThat(resultsAfter).noneMatch(r -> "EDITED".equals(r.get("policy")))
                .noneMatch(r -> "SEC-ENV".equals(r.get("policy")));
        if (resultsAfter.isEmpty()) {
            assertThat(second.out()).contains("PolicyReport/shop/kustodian-shop: deleted");
        }
        assertThat(after).anyMatch(m -> "kyverno-team".equals(((Map<String, Object>) m.get("metadata")).get("name")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void autoPublishesOpenReportsWhenServedAndDeletesKustodiansPolicyReports() {
        for (String f : List.of("v1alpha2-wgpolicyk8s.io_policyreports.yaml",
                "v1alpha2-wgpolicyk8s.io_clusterpolicyreports.yaml", "openreports.io_reports.yaml",
                "openreports.io_clusterreports.yaml")) {
            server.createCrd(client, CRDS + f, f.startsWith("v1alpha2") ? "v1alpha2" : null);
        }
        client.genericKubernetesResources(CLUSTER_POLICY_REPORTS).resource(report("ClusterPolicyReport",
                "kustodian-cluster", null, true)).create();

        CliRun r = scanner("--report-format", "auto");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ClusterReport/kustodian-cluster: applied", "Report/shop/kustodian-shop: applied",
                "ClusterPolicyReport/kustodian-cluster: deleted");
        assertThat(list(CLUSTER_POLICY_REPORTS)).isEmpty();
        List<Map<String, Object>> reports = list(REPORTS).stream().map(this::asMap).toList();
        assertThat(reports).isNotEmpty().allSatisfy(m -> {
            assertThat(SchemaValidator.get().validate(m)).isEmpty();
            assertThat(m).containsEntry("source", "kustodian");
        });
        assertThat(list(CLUSTER_REPORTS)).hasSize(1);
        assertThat(r.err()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCronJobsMetadataModeListsSecretsAsMetadataOnlyAndPublishesTheGapAsErrorResults() {
        server.createCrd(client, CRDS + "v1alpha2-wgpolicyk8s.io_policyreports.yaml", "v1alpha2");
        server.createCrd(client, CRDS + "v1alpha2-wgpolicyk8s.io_clusterpolicyreports.yaml", "v1alpha2");
        // exactly the arguments the generated CronJob appends to the image's entrypoint
        List<String> args = dev.kustodian.core.scanner.ScannerManifests.args(new dev.kustodian.core.scanner
                .ScannerRequest.Spec("kustodian-system", "@hourly", "r.example/kustodian:1.0",
                dev.kustodian.core.model.SecretsMode.METADATA, dev.kustodian.core.report.PolicyReports.Api.WGPOLICY));
        CliRun r = scanner(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(server.requests()).filteredOn(q -> q.startsWith("GET /api/v1/secrets"))
                .isNotEmpty().allSatisfy(q -> assertThat(q).endsWith(
                        "Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"));
        Map<String, Object> cluster = asMap(list(CLUSTER_POLICY_REPORTS).get(0));
        assertThat(SchemaValidator.get().validate(cluster)).isEmpty();
        assertThat(results(cluster)).anySatisfy(x -> assertThat(x).containsEntry("policy", "KUSTODIAN-VISIBILITY")
                .containsEntry("result", "error").extractingByKey("message").asString().contains("metadata-only"));
        assertThat(results(cluster)).anySatisfy(x -> assertThat(x).containsEntry("policy", "SEC-TLS-EXPIRED")
                .containsEntry("result", "skip"));
        assertThat(((Map<String, Map<String, String>>) cluster.get("metadata")).get("annotations"))
                .containsEntry("kustodian.dev/scan-complete", "false");
        // without --allow-partial the same scan is "incomplete"
        assertThat(scanner("--secrets", "metadata").code()).isEqualTo(ScanCommand.EXIT_INCOMPLETE);
    }

    @Test
    void anExplicitFormatWhoseCrdsAreMissingIsAFailureNamingThem() {
        server.createCrd(client, CRDS + "v1alpha2-wgpolicyk8s.io_policyreports.yaml", "v1alpha2");
        server.createCrd(client, CRDS + "v1alpha2-wgpolicyk8s.io_clusterpolicyreports.yaml", "v1alpha2");
        CliRun r = scanner("--report-format", "openreports");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("does not serve openreports.io/v1alpha1", "install its CRDs")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void outsideAPodIsBadInputNamingWhatIsMissing() throws Exception {
        CliRun noEnv = run(new InCluster.Environment(Map.of(), serviceAccount), "scan", "--in-cluster", "--publish");
        assertThat(noEnv.code()).isEqualTo(2);
        assertThat(noEnv.err()).contains("--in-cluster works only inside a Kubernetes pod",
                "KUBERNETES_SERVICE_HOST is not set").doesNotContain("\tat ");

        Files.delete(serviceAccount.resolve("token"));
        CliRun noToken = run(pod(server.port()), "scan", "--in-cluster");
        assertThat(noToken.code()).isEqualTo(2);
        assertThat(noToken.err()).contains("service account token at " + serviceAccount.resolve("token"),
                "automountServiceAccountToken");
    }

    @Test
    void anUnreachableApiServerIsExit3() throws Exception {
        int closed = Loopback.closedPort();
        CliRun r = run(pod(closed), "scan", "--in-cluster", "--publish", "--request-timeout", "5s");
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("https://localhost:" + closed).contains("in-cluster");
    }

    @Test
    void conflictingOptionsAreBadInput() {
        assertThat(run(pod(server.port()), "scan", "--in-cluster", "--context", "x").err())
                .contains("--in-cluster reads the pod's service account");
        CliRun format = run(pod(server.port()), "scan", "--demo", "--report-format", "openreports");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--report-format chooses the API --publish writes");
        CliRun snapshot = run(null, "scan", "--snapshot", dir.toString(), "--publish");
        assertThat(snapshot.code()).isEqualTo(2);
        assertThat(snapshot.err()).contains("a snapshot has none");
        CliRun fleet = run(null, "scan", "--all-contexts", "--in-cluster");
        assertThat(fleet.code()).isEqualTo(2);
    }

    private static GenericKubernetesResource report(String kind, String name, String namespace, boolean ours) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        meta.put("labels", Map.of("app.kubernetes.io/managed-by", ours ? "kustodian" : "kyverno"));
        Map<String, Object> m = Map.of("apiVersion", "wgpolicyk8s.io/v1alpha2", "kind", kind, "metadata", meta,
                "results", List.of(Map.of("policy", "OLD", "result", "fail", "source", ours ? "kustodian" : "kyverno")));
        return new io.fabric8.kubernetes.client.utils.KubernetesSerialization().convertValue(m,
                GenericKubernetesResource.class);
    }
}
