package dev.kustodian.core.encryption;

import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class SecretRewriterTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void populate() {
        for (String ns : List.of("a", "b", "c")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        for (int i = 0; i < 3; i++) {
            secret("a", "s" + i);
        }
        secret("b", "only");
        // c has none
    }

    Secret secret(String ns, String name) {
        return client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns)
                .endMetadata().withData(Map.of("k", "dmFsdWU=")).build()).create();
    }

    dev.kustodian.core.cluster.Fabric8ClusterPort port() {
        return new dev.kustodian.core.cluster.Fabric8ClusterPort(client, "test", true);
    }

    String rv(String ns, String name) {
        return client.secrets().inNamespace(ns).withName(name).get().getMetadata().getResourceVersion();
    }

    @Test
    void countsThenRewritesEverySecretUnchangedAndRecordsProgress(@TempDir Path dir) {
        Path state = dir.resolve("rewrite.state");
        SecretRewriter r = new SecretRewriter(port(), state, 3);
        SecretRewriter.Count count = r.count();
        assertThat(count.perNamespace()).containsEntry("a", 3).containsEntry("b", 1).containsEntry("c", 0);
        assertThat(count.total()).isEqualTo(4);
        int requestsBefore = server.getRequestCount();
        List<String> messages = new ArrayList<>();
        Progress p = (f, m) -> messages.add(m);
        SecretRewriter.Result res = r.run(count, p, new Cancellation());
        assertThat(res.rewritten()).isEqualTo(4);
        assertThat(res.failures()).isEmpty();
        assertThat(res.namespacesDone()).containsExactlyInAnyOrder("a", "b", "c");
        // every Secret was written back with a PUT (kube-apiserver re-encrypts stale values on such writes)
        int puts = 0;
        for (int i = 0; i < server.getRequestCount(); i++) {
            try {
                var req = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
                if (req != null && i >= requestsBefore && "PUT".equals(req.getMethod())) {
                    puts++;
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(puts).isEqualTo(4);
        assertThat(client.secrets().inNamespace("a").withName("s1").get().getData()).containsEntry("k", "dmFsdWU=");
        assertThat(messages).contains("Rewriting a/s0", "Rewrote 4 Secret(s)");
        assertThat(String.join("\n", messages)).doesNotContain("dmFsdWU=");
        // complete: the resume file is removed so that the next rotation rewrites everything again
        assertThat(state).doesNotExist();
        assertThat(r.readState()).isEmpty();
    }

    @Test
    void conflictsAreRetriedWithAFreshRead(@TempDir Path dir) {
        Set<String> bumped = new HashSet<>();
        SecretRewriter r = new SecretRewriter(port().beforeWriteBack((ns, name) -> {
            if (bumped.add(ns + "/" + name) && name.equals("s1")) {
                // someone else updates the Secret between our GET and PUT → 409
                Secret s = client.secrets().inNamespace(ns).withName(name).get();
                s.getMetadata().setLabels(Map.of("touched", "yes"));
                client.secrets().inNamespace(ns).resource(s).update();
            }
        }), dir.resolve("s"), 3);
        SecretRewriter.Result res = r.run(r.count(), Progress.NONE, new Cancellation());
        assertThat(res.conflictsRetried()).isEqualTo(1);
        assertThat(res.rewritten()).isEqualTo(4);
        assertThat(client.secrets().inNamespace("a").withName("s1").get().getMetadata().getLabels()).containsEntry("touched", "yes");
    }

    @Test
    void cancelAndResume(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("rewrite.state");
        SecretRewriter r = new SecretRewriter(port(), state, 3);
        Cancellation cancel = new Cancellation();
        // cancel after namespace "a" completes (while rewriting the first Secret of "b")
        SecretRewriter.Result first = r.run(r.count(), (f, m) -> {
            if (m.startsWith("Rewriting b/")) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(first.cancelled()).isTrue();
        assertThat(first.rewritten()).isEqualTo(3);
        assertThat(Files.readAllLines(state)).contains("a").doesNotContain("b");
        String aRv = rv("a", "s0");
        SecretRewriter.Count again = new SecretRewriter(port(), state, 3).count();
        assertThat(again.alreadyDone()).containsExactly("a");
        assertThat(again.remaining()).isEqualTo(1);
        SecretRewriter.Result second = new SecretRewriter(port(), state, 3).run(again, Progress.NONE, new Cancellation());
        assertThat(second.rewritten()).isEqualTo(1);
        assertThat(rv("a", "s0")).isEqualTo(aRv); // completed namespace skipped
        // complete: the resume file is gone, so the next rotation rewrites everything again
        assertThat(state).doesNotExist();
        assertThat(new SecretRewriter(port(), state, 3).count().remaining()).isEqualTo(4);
    }

    @Test
    void aResumeFileThatIsAPipeOrAFolderIsRefusedWithASentenceNotWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("state.fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretRewriter(port(), fifo, 3).readState())
                .isInstanceOf(dev.kustodian.core.util.UserFacingException.class)
                .hasMessage(fifo + ": is not a regular file (a pipe, socket or device), so it is not read as the "
                        + "resume file (delete it to start over). Save the content to a file and give that file.");
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("state.d"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretRewriter(port(), folder, 3).readState())
                .hasMessageContaining(folder + ": is a folder");
        java.nio.file.Files.writeString(dir.resolve("ok"), "# done\nshop\r\nteam\n\n");
        assertThat(new SecretRewriter(port(), dir.resolve("ok"), 3).readState()).containsExactly("shop", "team");
    }
}
