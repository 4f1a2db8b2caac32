package dev.kustodian.cli;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code encryption status} and {@code encryption rotate rewrite} on the demo cluster and a mock API server. */
@EnableKubernetesMockClient(crud = true)
class EncryptionLiveCommandsTest {
    KubernetesMockServer server;
    KubernetesClient client;
    final CliRun.Last cli = new CliRun.Last();

    @Test
    void statusOfTheDemoShowsTheUnencryptedApiserverAndExitsOne() {
        int rc = cli.run("encryption", "status", "--demo");
        assertThat(rc).as(cli.err()).isEqualTo(1);
        assertThat(cli.out())
                .contains("kube-apiserver kube-apiserver-cp-1 on cp-1: NO --encryption-provider-config")
                .contains("Metrics:")
                .contains("ENC-NOT-CONFIGURED");
    }

    @Test
    void rewriteWithoutYesOnlyCountsTheDemoSecrets(@TempDir Path dir) {
        int rc = cli.run("encryption", "rotate", "rewrite", "--demo", "--state", dir.resolve("s").toString());
        assertThat(rc).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("\\d+ Secret\\(s\\) in \\d+ namespace\\(s\\); \\d+ to rewrite\\.")
                .contains("Add --yes to start.");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void rewriteWithYesRewritesEverySecretOfALiveClusterAndCleansItsState(@TempDir Path dir) throws Exception {
        for (String ns : new String[]{"a", "b"}) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
            client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("s-" + ns)
                    .withNamespace(ns).endMetadata().withData(Map.of("k", "dmFsdWU=")).build()).create();
        }
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: mock, context: {cluster: mock, user: u}}]
                current-context: mock
                """.formatted(client.getMasterUrl().toString()));
        Path state = dir.resolve("rewrite.state");
        int rc = cli.run("encryption", "rotate", "rewrite", "--kubeconfig", kubeconfig.toString(), "--state",
                state.toString(), "--yes");
        assertThat(rc).as(cli.err()).isZero();
        assertThat(cli.out()).contains("2 Secret(s) in 2 namespace(s); 2 to rewrite.")
                .contains("Rewrote 2 Secret(s); 0 conflict(s) retried; 0 deleted meanwhile.")
                .doesNotContain("dmFsdWU=");
        assertThat(cli.err()).doesNotContain("dmFsdWU=");
        assertThat(state).doesNotExist();
    }
}
