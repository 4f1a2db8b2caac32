package dev.kustodian.ui.encryption;

import dev.kustodian.core.encryption.SecretRewriter;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.core.port.FakeClusterPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's "Rewrite all secrets" step: count first, confirm, rewrite through the executor, resume. */
class RewriteRunnerTest {
    private final FakeClusterPort cluster = new FakeClusterPort("test");

    RewriteRunnerTest() {
        for (String[] s : new String[][]{{"a", "x"}, {"a", "y"}, {"b", "z"}}) {
            cluster.secret(s[0], s[1], Map.of("k", "value".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @Test
    void countsThenAsksThenRewritesWithProgress(@TempDir Path dir) {
        SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        Path state = dir.resolve("rewrite.state");
        RewriteRunner r = new RewriteRunner(() -> Optional.of(cluster), () -> state, tasks, dialogs);
        assertThat(r.available()).isTrue();
        r.start(); // nothing before a count
        assertThat(tasks.submitted()).isZero();
        r.count();
        assertThat(r.status.get()).isEqualTo("3 Secret(s) in 2 namespace(s); 3 to rewrite.");
        dialogs.confirmAnswer = false;
        r.start();
        assertThat(r.status.get()).isEqualTo("Not started.");
        assertThat(dialogs.ofKind("confirm")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("3 to rewrite"));
        assertThat(cluster.writtenBack()).isEmpty();
        dialogs.confirmAnswer = true;
        r.start();
        SecretRewriter.Result res = r.result.get();
        assertThat(res.rewritten()).isEqualTo(3);
        assertThat(res.failures()).isEmpty();
        assertThat(r.progress.get()).isEqualTo(1.0);
        assertThat(r.status.get()).startsWith("Rewrote 3 Secret(s); 0 conflict(s) retried")
                .doesNotContain("value");
        assertThat(cluster.writtenBack()).containsExactly("a/x", "a/y", "b/z"); // every Secret written back
        assertThat(state).doesNotExist(); // complete: the next rotation starts from scratch
        assertThat(r.running.get()).isFalse();
        assertThat(r.count.get()).isNull(); // a new run needs a new count
    }

    @Test
    void withoutAClusterItExplainsAndDoesNothing() {
        SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
        RewriteRunner r = new RewriteRunner(Optional::empty, () -> Path.of("x"), tasks, null);
        r.count();
        assertThat(tasks.submitted()).isZero();
        assertThat(r.status.get()).contains("needs a live cluster connection");
    }
}
