package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The live loader against fabric8's mock server in expectation mode: faults, retries, timeouts, pagination. */
class LiveLoaderTest {

    /**
     * Deadlines far above any answer time, also on a loaded machine: tests whose expected outcome is not a timeout
     * must not fail because the machine is slow (the timeout tests set their own short deadlines).
     */
    static final LiveLoader.Options FAST = new LiveLoader.Options(30_000, 30_000, 500, 2, 5, 2);

    @RegisterExtension
    final MockApiServer api = MockApiServer.bare();
    @TempDir
    Path dir;
    KubernetesMockServer server;
    Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        server = api.server();
        kubeconfig = Files.writeString(dir.resolve("config"), DemoCluster.kubeconfigText(api.url()));
    }

    private void expectVersion() {
        api.expectVersion();
    }

    /** Every kind answers an empty list except those in {@code except}. */
    private void expectEmptyLists(String... except) {
        List<String> skip = List.of(except);
        for (LiveLoader.KindSpec k : LiveLoader.KINDS) {
            if (skip.contains(k.resource())) {
                continue;
            }
            server.expect().get().withPath(path(k) + "?limit=500")
                    .andReturn(200, Map.of("apiVersion", "v1", "kind", "List", "metadata", Map.of(), "items", List.of()))
                    .always();
        }
    }

    private static String path(LiveLoader.KindSpec k) {
        String base = k.group().isEmpty() ? "/api/v1" : "/apis/" + k.group() + "/v1";
        return base + "/" + k.resource();
    }

    private static final String SECRETS = "/api/v1/secrets?limit=500";

    private ClusterSnapshot load() {
        return load(FAST);
    }

    private ClusterSnapshot load(LiveLoader.Options options) {
        try (ClusterSession s = LiveLoader.open(SourceSpec.live(kubeconfig, null), options, Progress.NONE,
                new Cancellation())) {
            return s.snapshot();
        }
    }

    @Test
    void loadsVersionKindsAndFallsBackToTheKubeconfigUserWithoutSelfSubjectReview() {
        expectVersion();
        expectEmptyLists("namespaces");
        expectNamespaces("a", "b");
        ClusterSnapshot s = load();
        assertThat(s.source().serverVersion()).isEqualTo("v1.30.2");
        assertThat(s.source().label()).isEqualTo(DemoCluster.CONTEXT);
        assertThat(s.source().identity().user()).isEqualTo(DemoCluster.USER);
        assertThat(s.source().identity().how()).contains("kubeconfig");
        assertThat(s.counts().get("Namespace")).isEqualTo(2);
        assertThat(s.gaps()).isEmpty();
        assertThat(s.notes()).anyMatch(n -> n.contains("discovery"));
    }

    @Test
    void unauthorizedIsAClearCredentialsError() {
        expectUnauthorized();
        UserFacingException e = catchThrowableOfType(UserFacingException.class, this::load);
        assertThat(e.category()).isEqualTo(UserFacingException.Category.CLUSTER_UNREACHABLE);
        assertThat(e.category().exitCode()).isEqualTo(3);
        assertThat(e.getMessage()).contains("rejected the credentials").contains("401").contains(DemoCluster.USER);
    }

    private Path kubeconfig(String server, String user) throws Exception {
        Path f = dir.resolve("config-" + Math.abs(server.hashCode()));
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: %s}
                users:
                - name: u
                  user: %s
                contexts:
                - name: ctx
                  context: {cluster: c, user: u}
                current-context: ctx
                """.formatted(server, user));
        return f;
    }

    /** The load of {@code kc} fails with this exception. */
    private static UserFacingException loadFails(Path kc) {
        return catchThrowableOfType(UserFacingException.class, () -> {
            try (ClusterSession s = LiveLoader.open(SourceSpec.live(kc, null), FAST, Progress.NONE,
                    new Cancellation())) {
                s.snapshot();
            }
        });
    }

    private void expectUnauthorized() {
        server.expect().get().withPath("/version").andReturn(401, new StatusBuilder().withCode(401)
                .withMessage("Unauthorized").build()).always();
    }

    /** An executable credential plugin {@code name} in the test folder running {@code script}. */
    private Path plugin(String name, String script) throws Exception {
        Path plugin = Files.writeString(dir.resolve(name), script);
        assertThat(plugin.toFile().setExecutable(true)).isTrue();
        return plugin;
    }

    /** A kubeconfig for the mock server whose user gets its token from the credential plugin {@code plugin}. */
    private Path execKubeconfig(Path plugin) throws Exception {
        return kubeconfig(api.url(), "{exec: {apiVersion: client.authentication.k8s.io/v1, command: " + plugin
                + ", interactiveMode: Never}}");
    }

    @Test
    void aServerCertificateTheKubeconfigDoesNotTrustIsATlsError() throws Exception {
        KubernetesMockServer https = new KubernetesMockServer(true);
        https.init(InetAddress.getLoopbackAddress(), 0);
        try {
            Path kc = kubeconfig("https://127.0.0.1:" + https.getPort(), "{token: abc}");
            UserFacingException e = loadFails(kc);
            assertThat(e.category()).isEqualTo(UserFacingException.Category.CLUSTER_UNREACHABLE);
            assertThat(e.getMessage()).contains("TLS connection to https://127.0.0.1:" + https.getPort())
                    .contains("context \"ctx\"").contains("certificate-authority").doesNotContain("\tat ");
        } finally {
            https.destroy();
        }
    }

    @Test
    void aRejectedTokenFromACredentialPluginNamesThePlugin() throws Exception {
        expectUnauthorized();
        Path plugin = plugin("kustodian-test-credential-plugin", """
                #!/bin/sh
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"expired"}}'
                """);
        UserFacingException e = loadFails(execKubeconfig(plugin));
        assertThat(e.category()).isEqualTo(UserFacingException.Category.CLUSTER_UNREACHABLE);
        assertThat(e.getMessage()).contains("401").contains("user \"u\"")
                .contains("credential plugin \"" + plugin + "\"");
    }

    @Test
    void aCredentialPluginThatFailsIsNamedAndTheLoadStops() throws Exception {
        // the plugin is run first (with a deadline): its failure is named as such, not as the 401 that fabric8
        // would provoke by going on without a token (issue 16)
        expectUnauthorized();
        Path plugin = plugin("kustodian-failing-plugin", "#!/bin/sh\necho 'please log in first' >&2\nexit 1\n");
        UserFacingException e = loadFails(execKubeconfig(plugin));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("failed (exit code 1)").doesNotContain("401 Unauthorized", "rejected the credentials")
                .contains("credential plugin \"" + plugin + "\"")
                .doesNotContain("please log in").doesNotContain("\tat ");
    }

    @Test
    void forbiddenKindBecomesAGapAndTheRestLoads() {
        expectVersion();
        expectEmptyLists("secrets", "namespaces");
        expectNamespaces("shop");
        forbidSecrets("shop");
        ClusterSnapshot s = load();
        assertThat(s.gaps()).containsExactly(new VisibilityGap("secrets", "shop", 403,
                "not visible: needs list on secrets in namespace shop"));
        assertThat(s.isHidden("secrets", "shop")).isTrue();
        assertThat(s.counts().get("Namespace")).isEqualTo(1);
    }

    /** The namespace list answers {@code names}. */
    private void expectNamespaces(String... names) {
        NamespaceListBuilder b = new NamespaceListBuilder();
        for (String n : names) {
            b.addToItems(new NamespaceBuilder().withNewMetadata().withName(n).endMetadata().build());
        }
        server.expect().get().withPath("/api/v1/namespaces?limit=500").andReturn(200, b.build()).always();
    }

    /** Listing secrets is forbidden cluster-wide and in each of {@code namespaces}. */
    private void forbidSecrets(String... namespaces) {
        server.expect().get().withPath(SECRETS).andReturn(403, forbidden()).always();
        for (String ns : namespaces) {
            server.expect().get().withPath("/api/v1/namespaces/" + ns + "/secrets?limit=500")
                    .andReturn(403, forbidden()).always();
        }
    }

    private static io.fabric8.kubernetes.api.model.Status forbidden() {
        return new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("forbidden").build();
    }

    private static io.fabric8.kubernetes.api.model.SecretList secrets(String ns, String... names) {
        SecretListBuilder b = new SecretListBuilder();
        for (String n : names) {
            b.addToItems(new SecretBuilder().withNewMetadata().withName(n).withNamespace(ns).endMetadata().build());
        }
        return b.build();
    }

    @Test
    void aUserWhoMayListOnlyInSomeNamespacesSeesThoseAndAGapPerForbiddenNamespace() {
        expectVersion();
        expectEmptyLists("secrets", "namespaces");
        expectNamespaces("team-a", "team-b");
        forbidSecrets("team-b");
        server.expect().get().withPath("/api/v1/namespaces/team-a/secrets?limit=500")
                .andReturn(200, secrets("team-a", "db", "api")).always();
        ClusterSnapshot s = load();
        assertThat(s.secrets()).extracting(x -> x.meta().namespace() + "/" + x.meta().name())
                .containsExactlyInAnyOrder("team-a/db", "team-a/api");
        assertThat(s.gaps()).containsExactly(new VisibilityGap("secrets", "team-b", 403,
                "not visible: needs list on secrets in namespace team-b"));
        assertThat(s.isHidden("secrets", "team-a")).isFalse();
        assertThat(s.isHidden("secrets", "team-b")).isTrue();
    }

    @Test
    void aKindForbiddenInEveryNamespaceIsOneGap() {
        expectVersion();
        expectEmptyLists("secrets", "namespaces");
        expectNamespaces("a", "b");
        forbidSecrets("a", "b");
        ClusterSnapshot s = load();
        assertThat(s.gaps()).containsExactly(new VisibilityGap("secrets", "", 403,
                "not visible: needs list on secrets (in none of the 2 namespaces)"));
        assertThat(s.isHidden("secrets", "a")).isTrue();
    }

    @Test
    void withoutListOnNamespacesTheContextsNamespaceIsStillLoaded() {
        expectVersion();
        expectEmptyLists("secrets", "namespaces");
        server.expect().get().withPath("/api/v1/namespaces?limit=500").andReturn(403, forbidden()).always();
        forbidSecrets();
        server.expect().get().withPath("/api/v1/namespaces/default/secrets?limit=500")
                .andReturn(200, secrets("default", "mine")).always();
        ClusterSnapshot s = load();
        assertThat(s.secrets()).extracting(x -> x.meta().name()).containsExactly("mine");
        assertThat(s.gaps()).extracting(VisibilityGap::resource).containsExactlyInAnyOrder("namespaces", "secrets");
        assertThat(s.gaps()).filteredOn(g -> g.resource().equals("secrets")).singleElement()
                .satisfies(g -> assertThat(g.message()).contains("listed only in namespace default"));
    }

    @Test
    void serverErrorIsRetriedThenSucceeds() {
        expectVersion();
        expectEmptyLists("secrets");
        server.expect().get().withPath(SECRETS).andReturn(500, "boom").once();
        server.expect().get().withPath(SECRETS).andReturn(429, "slow down").once();
        server.expect().get().withPath(SECRETS).andReturn(200, new SecretListBuilder().addToItems(
                new SecretBuilder().withNewMetadata().withName("s1").withNamespace("shop").endMetadata().build()).build())
                .always();
        ClusterSnapshot s = load();
        assertThat(s.gaps()).isEmpty();
        assertThat(s.secrets()).extracting(x -> x.meta().name()).containsExactly("s1");
    }

    @Test
    void persistentServerErrorBecomesAGapAfterRetries() {
        expectVersion();
        expectEmptyLists("secrets");
        server.expect().get().withPath(SECRETS).andReturn(500, "boom").always();
        ClusterSnapshot s = load();
        assertThat(s.gaps()).singleElement().satisfies(g -> {
            assertThat(g.resource()).isEqualTo("secrets");
            assertThat(g.status()).isEqualTo(500);
            assertThat(g.message()).contains("3 attempt(s)");
        });
        assertThat(server.getRequestCount()).isGreaterThan(3);
    }

    @Test
    void slowListHonoursTheRequestTimeoutAndBecomesAGap() {
        expectVersion();
        expectEmptyLists("secrets");
        server.expect().get().delay(10, TimeUnit.SECONDS).withPath(SECRETS)
                .andReturn(200, new SecretListBuilder().build()).always();
        ClusterSnapshot s = load(new LiveLoader.Options(30_000, 300, 500, 1, 5, 2));
        assertThat(s.gaps()).singleElement().satisfies(g -> {
            assertThat(g.resource()).isEqualTo("secrets");
            assertThat(g.status()).isZero();
            assertThat(g.message()).contains("no answer");
        });
    }

    @Test
    void slowServerIsUnreachableWithinTheConnectDeadline() {
        server.expect().get().delay(10, TimeUnit.SECONDS).withPath("/version").andReturn(200, Map.of()).always();
        UserFacingException e = catchThrowableOfType(UserFacingException.class,
                () -> load(new LiveLoader.Options(500, 5_000, 500, 0, 5, 2)));
        assertThat(e.category()).isEqualTo(UserFacingException.Category.CLUSTER_UNREACHABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("did not answer");
    }

    @Test
    void followsContinueTokensAcrossPages() {
        expectVersion();
        expectEmptyLists("secrets");
        server.expect().get().withPath(SECRETS).andReturn(200, new SecretListBuilder().withNewMetadata()
                .withContinue("page-2").endMetadata().addToItems(new SecretBuilder().withNewMetadata().withName("s1")
                        .withNamespace("a").endMetadata().build()).build()).always();
        server.expect().get().withPath("/api/v1/secrets?continue=page-2&limit=500").andReturn(200, new SecretListBuilder()
                .addToItems(new SecretBuilder().withNewMetadata().withName("s2").withNamespace("b").endMetadata().build())
                .build()).always();
        server.expect().get().withPath("/api/v1/secrets?limit=500&continue=page-2").andReturn(200, new SecretListBuilder()
                .addToItems(new SecretBuilder().withNewMetadata().withName("s2").withNamespace("b").endMetadata().build())
                .build()).always();
        ClusterSnapshot s = load();
        assertThat(s.secrets()).extracting(x -> x.meta().name()).containsExactlyInAnyOrder("s1", "s2");
        assertThat(s.gaps()).isEmpty();
    }

    @Test
    void unreachableServerIsRetryable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(kubeconfig, DemoCluster.kubeconfigText("http://127.0.0.1:" + port));
        UserFacingException e = catchThrowableOfType(UserFacingException.class, this::load);
        assertThat(e.category()).isEqualTo(UserFacingException.Category.CLUSTER_UNREACHABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("retry");
    }

    @Test
    void cancellationStopsTheLoad() {
        expectVersion();
        expectEmptyLists();
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> LiveLoader.open(SourceSpec.live(kubeconfig, null), FAST, Progress.NONE, cancel))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.category()).isEqualTo(UserFacingException.Category.CANCELLED));
    }

    @Test
    void missingKubeconfigNamesTheFile() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> LiveLoader.open(SourceSpec.live(missing, null), FAST, Progress.NONE, new Cancellation()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.category()).isEqualTo(UserFacingException.Category.BAD_INPUT);
                    assertThat(e.getMessage()).contains(missing.toString()).contains("does not exist");
                });
    }

    @Test
    void malformedKubeconfigNamesTheFileWithoutQuotingIt() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: v1\nusers:\n- name: x\n  user: {token: sup3r-s3cret\ncontexts: [\n");
        assertThatThrownBy(() -> LiveLoader.open(SourceSpec.live(bad, null), FAST, Progress.NONE, new Cancellation()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.category()).isEqualTo(UserFacingException.Category.BAD_INPUT);
                    assertThat(e.getMessage()).contains(bad.toString()).contains("not valid")
                            .doesNotContain("sup3r-s3cret");
                });
    }

    @Test
    void unknownContextListsTheKnownOnes() {
        assertThatThrownBy(() -> LiveLoader.open(SourceSpec.live(kubeconfig, "prod"), FAST, Progress.NONE,
                new Cancellation()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.category()).isEqualTo(UserFacingException.Category.BAD_INPUT);
                    assertThat(e.getMessage()).contains("\"prod\"").contains("Known contexts: " + DemoCluster.CONTEXT);
                });
    }
}
