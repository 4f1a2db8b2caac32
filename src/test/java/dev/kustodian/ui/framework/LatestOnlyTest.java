package dev.kustodian.ui.framework;

import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Work for an older load never reports once newer work was submitted or the load was invalidated. */
class LatestOnlyTest {
    private final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    private final LatestOnly latest = new LatestOnly(tasks);
    private final List<String> delivered = new ArrayList<>();

    private void submit(String name) {
        latest.submit(name, (p, c) -> name, delivered::add, t -> delivered.add("failed " + name));
    }

    @Test
    void theLatestResultIsDeliveredAndAnOlderOneThatEndsLaterIsDropped() {
        submit("cluster-a");
        submit("cluster-b");
        assertThat(latest.isRunning()).isTrue();
        tasks.runNext(); // cluster-a ends after cluster-b was submitted: cancelled, dropped
        assertThat(delivered).isEmpty();
        tasks.runNext();
        assertThat(delivered).containsExactly("cluster-b");
        assertThat(latest.isRunning()).isFalse();
    }

    @Test
    void invalidateDropsTheRunningWorkAndCancelsIt() {
        List<Boolean> cancelled = new ArrayList<>();
        latest.submit("a", (p, c) -> {
            cancelled.add(c.isCancelled());
            return "a";
        }, delivered::add, t -> delivered.add("failed"));
        latest.invalidate();
        tasks.runNext();
        assertThat(cancelled).containsExactly(true);
        assertThat(delivered).isEmpty();
        assertThat(latest.isRunning()).isFalse();
    }

    @Test
    void theLatestFailureIsDelivered() {
        List<Throwable> failures = new ArrayList<>();
        latest.submit("a", (p, c) -> {
            throw new UserFacingException(UserFacingException.Category.BAD_INPUT, "bad input");
        }, r -> delivered.add("ok"), failures::add);
        tasks.runNext();
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("bad input");
        assertThat(delivered).isEmpty();
    }

    @Test
    void workThatEndsAtOnceIsNotLeftRunning() {
        LatestOnly sameThread = new LatestOnly(new SameThreadTaskExecutor());
        sameThread.submit("a", (p, c) -> "a", delivered::add, t -> delivered.add("failed"));
        assertThat(delivered).containsExactly("a");
        assertThat(sameThread.isRunning()).isFalse();
    }
}
