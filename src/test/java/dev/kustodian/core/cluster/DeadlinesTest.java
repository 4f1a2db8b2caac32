package dev.kustodian.core.cluster;

import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: deadlines are carried by each {@link SourceSpec}, not set for the whole process: two loads running at
 * the same time in one JVM against a server that never answers each end at their own deadline.
 */
class DeadlinesTest {
    @TempDir
    Path dir;

    @Test
    void twoLoadsInOneProcessKeepTheirOwnRequestDeadline() throws Exception {
        try (ServerSocket hole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path k = TestKubeconfigs.write(dir.resolve("config"),
                    Map.of("hole", "http://127.0.0.1:" + hole.getLocalPort()), Map.of());
            SourceSpec quick = SourceSpec.live(k, "hole").withDeadlines(new Deadlines(Duration.ofMillis(400), null));
            SourceSpec patient = SourceSpec.live(k, "hole").withDeadlines(new Deadlines(Duration.ofMillis(1500), null));
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> failure(quick));
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> failure(patient));
            assertThat(a.get()).contains("did not answer within 400 ms");
            assertThat(b.get()).contains("did not answer within 1.5 s");
            // and a spec without deadlines has the defaults (30 s requests, 60 s exec plugins)
            assertThat(SourceSpec.live(k, "hole").deadlines()).isEqualTo(Deadlines.DEFAULTS);
            assertThat(Deadlines.DEFAULTS.apply(LiveLoader.Options.DEFAULTS)).isEqualTo(LiveLoader.Options.DEFAULTS);
            assertThat(quick.deadlines().apply(LiveLoader.Options.DEFAULTS).connectDeadlineMillis()).isEqualTo(400);
        }
    }

    private static String failure(SourceSpec spec) {
        try (ClusterSession s = LiveLoader.open(spec, Progress.NONE, Cancellation.none())) {
            return "loaded " + s.contextName();
        } catch (UserFacingException e) {
            return e.getMessage();
        }
    }

    @Test
    void aZeroRequestDeadlineIsRefusedAndABadExecDeadlineIsTheDefault() {
        assertThatThrownBy(() -> new Deadlines(Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Deadlines(null, Duration.ZERO).exec()).isEqualTo(Deadlines.DEFAULT_EXEC);
    }
}
