package dev.kustodian.ui.framework;

import dev.kustodian.core.util.UserFacingException;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's executor: work off the FX thread, callbacks on it, cancel reported as CANCELLED. */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void runsOffTheFxThreadAndCallsBackOnIt() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        AtomicBoolean workOnFx = new AtomicBoolean(true);
        Platform.runLater(() -> executor.submit("t", (p, c) -> {
            workOnFx.set(Platform.isFxApplicationThread());
            p.update(0.5, "half");
            return "done";
        }, v -> result.complete(v + (Platform.isFxApplicationThread() ? " on fx" : " elsewhere")),
                result::completeExceptionally));
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("done on fx");
        assertThat(workOnFx.get()).isFalse();
    }

    @Test
    void failuresReachOnFailure() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Platform.runLater(() -> executor.submit("t", (p, c) -> {
            throw UserFacingException.badInput("The file x is not YAML.");
        }, v -> failure.complete(null), failure::complete));
        assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(UserFacingException.class)
                .hasMessage("The file x is not YAML.");
    }

    @Test
    void cancelReportsCancelledAndNeverSucceeds() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        AtomicBoolean succeeded = new AtomicBoolean();
        AtomicBoolean workSawCancel = new AtomicBoolean();
        CountDownLatch workEnded = new CountDownLatch(1);
        TaskHandle[] handle = new TaskHandle[1];
        Platform.runLater(() -> handle[0] = executor.submit("Loading", (p, c) -> {
            started.countDown();
            while (!c.isCancelled()) {
                Thread.sleep(1); // poll without hogging one of the two cores
            }
            workSawCancel.set(true);
            workEnded.countDown();
            return "late";
        }, v -> succeeded.set(true), failure::complete));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Platform.runLater(() -> handle[0].cancel());
        Throwable t = failure.get(30, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(UserFacingException.class);
        assertThat(((UserFacingException) t).category()).isEqualTo(UserFacingException.Category.CANCELLED);
        assertThat(workEnded.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(workSawCancel.get()).isTrue();
        CompletableFuture<Boolean> afterEvents = new CompletableFuture<>();
        Platform.runLater(() -> afterEvents.complete(succeeded.get()));
        assertThat(afterEvents.get(30, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void workThatEndsNormallyAfterTheCancelFlagStillReportsCancelled() throws Exception {
        // TaskHandle.cancel sets the flag, then cancels the Task: work that sees the flag first can end normally
        // before the Task is cancelled. Setting only the flag makes that order certain.
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        AtomicBoolean succeeded = new AtomicBoolean();
        TaskHandle[] handle = new TaskHandle[1];
        Platform.runLater(() -> handle[0] = executor.submit("Loading", (p, c) -> {
            started.countDown();
            while (!c.isCancelled()) {
                Thread.sleep(1);
            }
            return "ended normally";
        }, v -> succeeded.set(true), failure::complete));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Platform.runLater(() -> handle[0].cancellation.cancel());
        Throwable t = failure.get(30, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(UserFacingException.class);
        assertThat(((UserFacingException) t).category()).isEqualTo(UserFacingException.Category.CANCELLED);
        CompletableFuture<Boolean> afterEvents = new CompletableFuture<>();
        Platform.runLater(() -> afterEvents.complete(succeeded.get()));
        assertThat(afterEvents.get(30, TimeUnit.SECONDS)).isFalse();
    }
}
