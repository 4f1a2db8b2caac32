package dev.kustodian.ui.onboarding;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.plan.ClusterPlan;
import dev.kustodian.core.plan.PlanStep;
import dev.kustodian.core.port.FakeClusterPort;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestSnapshots;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Onboarding page's model: Apply (dry run, confirmation naming the context, apply), wizards, accept checks. */
class OnboardingViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private final FakeClusterPort cluster = new FakeClusterPort("prod-eu");
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final AppState state = new AppState();
    private final int[] reloads = {0};
    private final OnboardingViewModel vm = new OnboardingViewModel(state, new SameThreadTaskExecutor(), dialogs,
            () -> reloads[0]++, CLOCK);

    OnboardingViewModelTest() throws Exception {
        ClusterSession session = ClusterSession.over(SourceSpec.live(null, "prod-eu"),
                TestSnapshots.demoLike(SourceInfo.Kind.LIVE, "prod-eu"), cluster, "prod-eu");
        Analysis analysis = Analysis.of(session.snapshot());
        state.analysis.set(analysis);
        state.plan.set(ClusterPlan.load(session, analysis.findings(), null, null, CLOCK, Progress.NONE,
                new Cancellation()));
        state.session.set(session);
        state.production.set(true);
    }

    private PlanStep rbac() {
        return state.plan().plan().step("rbac-critical").orElseThrow();
    }

    @Test
    void applyDryRunsFirstThenAsksNamingTheContextThenDeletesTheRiskyBindings() {
        PlanStep step = rbac();
        assertThat(step.removals()).isNotEmpty();
        assertThat(vm.canApply(step)).isTrue();
        vm.apply(step);
        String first = step.removals().get(0).target().display();
        assertThat(cluster.calls()).startsWith("delete dry-run " + first);
        assertThat(cluster.calls()).contains("delete " + first);
        assertThat(cluster.calls().indexOf("delete " + first))
                .isGreaterThan(cluster.calls().lastIndexOf("delete dry-run " + step.removals().get(
                        step.removals().size() - 1).target().display()));
        var confirm = dialogs.ofKind("confirm");
        assertThat(confirm).hasSize(1);
        assertThat(confirm.get(0).title()).isEqualTo("PRODUCTION: Apply step 2 to context prod-eu?");
        assertThat(confirm.get(0).danger()).isTrue();
        assertThat(vm.status.get()).startsWith("Applied step 2");
    }

    @Test
    void aDeclinedConfirmationOrARejectedDryRunChangesNothing() {
        dialogs.confirmAnswer = false;
        vm.apply(rbac());
        assertThat(cluster.calls()).allMatch(c -> c.contains("dry-run"));
        assertThat(vm.status.get()).isEqualTo("Not applied.");

        dialogs.confirmAnswer = true;
        cluster.rejectingDryRuns("Forbidden");
        vm.apply(rbac());
        assertThat(cluster.calls()).allMatch(c -> c.contains("dry-run"));
        assertThat(dialogs.ofKind("error")).hasSize(1);
    }

    @Test
    void theWizardOfAStepIsTheOneItsFirstOpenFindingNames() {
        PlanStep step = rbac();
        var choice = vm.wizardFor(step, id -> true).orElseThrow();
        var first = vm.findings(step).stream().filter(f -> f.fix() != null).findFirst().orElseThrow();
        assertThat(choice.wizardId()).isEqualTo(first.fix());
        assertThat(choice.target()).isEqualTo(first.object());
        assertThat(vm.wizardFor(state.plan().plan().step("keep-it-so").orElseThrow(), id -> true)).isEmpty();
    }

    @Test
    void acceptNeedsFindingsAReasonWhoAndAFutureExpiry() {
        assertThat(vm.acceptProblems(List.of(), " ", "", null)).hasSize(4);
        assertThat(vm.acceptProblems(List.of("X"), "why", "me", LocalDate.of(2026, 12, 4)))
                .containsExactly("The expiry date must be in the future.");
        assertThat(vm.acceptProblems(List.of("X"), "why", "me", LocalDate.of(2027, 3, 31))).isEmpty();
    }

    @Test
    void verifyReloadsThroughTheShell() {
        vm.verify(rbac());
        assertThat(reloads[0]).isEqualTo(1);
        assertThat(vm.status.get()).startsWith("Reloading to verify step 2");
    }
}
