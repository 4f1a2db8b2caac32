package dev.kustodian.ui.encryption;

import dev.kustodian.core.encryption.SecretRewriter;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's "Rewrite all secrets" step: count first, confirm, rewrite through the executor, resume. */
@EnableKubernetesMockClient(crud = true)
class RewriteRunnerTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void populate() {
        for (String ns : List.of("a", "b")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
        for (String[] s : new String[][]{{"a", "x"}, {"a", "y"}, {"b", "z"}}) {
            client.secrets().inNamespace(s[0]).resource(new SecretBuilder().withNewMetadata().withName(s[1])
                    .withNamespace(s[0]).endMetadata().withData(Map.of("k", "dmFsdWU=")).build()).create();
        }
    }

    @Test
    void countsThenAsksThenRewritesWithProgress(@TempDir Path dir) {
        SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        Path state = dir.resolve("rewrite.state");
        RewriteRunner r = new RewriteRunner(() -> Optional.of(new dev.kustodian.core.cluster.Fabric8ClusterPort(client, "test", true)), () -> state, tasks, dialogs);
        assertThat(r.available()).isTrue();
        r.start(); // nothing before a count
        assertThat(tasks.submitted()).isZero();
        r.count();
        assertThat(r.statusProperty().get()).isEqualTo("3 Secret(s) in 2 namespace(s); 3 to rewrite.");
        dialogs.confirmAnswer = false;
        r.start();
        assertThat(r.statusProperty().get()).isEqualTo("Not started.");
        assertThat(dialogs.ofKind("confirm")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("3 to rewrite"));
        int before = server.getRequestCount();
        dialogs.confirmAnswer = true;
        r.start();
        SecretRewriter.Result res = r.resultProperty().get();
        assertThat(res.rewritten()).isEqualTo(3);
        assertThat(res.failures()).isEmpty();
        assertThat(r.progressProperty().get()).isEqualTo(1.0);
        assertThat(r.statusProperty().get()).startsWith("Rewrote 3 Secret(s); 0 conflict(s) retried")
                .doesNotContain("dmFsdWU=");
        int puts = 0;
        int total = server.getRequestCount();
        for (int i = 0; i < total; i++) {
            try {
                var req = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
                if (req != null && i >= before && "PUT".equals(req.getMethod())) {
                    puts++;
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(puts).isEqualTo(3); // every Secret written back
        assertThat(state).doesNotExist(); // complete: the next rotation starts from scratch
        assertThat(r.runningProperty().get()).isFalse();
        assertThat(r.countProperty().get()).isNull(); // a new run needs a new count
    }

    @Test
    void withoutAClusterItExplainsAndDoesNothing() {
        SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
        RewriteRunner r = new RewriteRunner(Optional::empty, () -> Path.of("x"), tasks, null);
        r.count();
        assertThat(tasks.submitted()).isZero();
        assertThat(r.statusProperty().get()).contains("needs a live cluster connection");
    }
}
