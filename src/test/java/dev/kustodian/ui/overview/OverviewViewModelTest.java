package dev.kustodian.ui.overview;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.ui.framework.TestSnapshots;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewViewModelTest {
    private static Finding finding(String rule, String area, Severity s, String ns) {
        return Finding.of(rule, area, s, new ObjectRef("Secret", ns, "x-" + rule), "Title " + rule, "Why.",
                "Fix.", List.of("5.4.1"));
    }

    @Test
    void areasWithoutRulesSayNothingIsAnalysed() {
        var m = OverviewViewModel.compute(TestSnapshots.demoLike(SourceInfo.Kind.DEMO, "demo"), List.of(),
                Set.of(), ns -> true);
        assertThat(m.postures()).hasSize(4).allMatch(p -> p.state() == OverviewViewModel.State.NOT_ANALYSED
                && p.counts().isEmpty() && p.headline().equals("Nothing analysed yet"));
        assertThat(m.checklist()).extracting(OverviewViewModel.ChecklistStep::state).containsExactly(
                OverviewViewModel.StepState.DONE, OverviewViewModel.StepState.NOT_ANALYSED,
                OverviewViewModel.StepState.NOT_ANALYSED, OverviewViewModel.StepState.NOT_ANALYSED,
                OverviewViewModel.StepState.MANUAL, OverviewViewModel.StepState.MANUAL);
        assertThat(m.checklist().get(3).detail()).contains("External Secrets Operator is installed");
        // right-sizing needs an audit log: the step says how, not "not analysed"
        assertThat(m.checklist().get(4).detail()).contains("audit log").contains("Roles page");
        assertThat(m.counts()).containsEntry("Secret", 6).containsEntry("Namespace", 5).containsEntry("Pod", 2);
        assertThat(m.gaps()).hasSize(1);
        assertThat(m.serverVersion()).isEqualTo("v1.31.2");
        assertThat(m.identity()).startsWith("kubernetes-admin (groups: system:masters");
    }

    @Test
    void postureFromFindingsOfEachArea() {
        List<Finding> f = List.of(
                finding("RBAC-SECRETS-LIST", "rbac", Severity.HIGH, "").withFix("secret-reader-role"),
                finding("SEC-ENV", "secrets", Severity.MEDIUM, "team-a"),
                finding("SEC-UNUSED", "secrets", Severity.LOW, "team-b"));
        var m = OverviewViewModel.compute(TestSnapshots.demoLike(SourceInfo.Kind.DEMO, "demo"), f,
                Set.of("RBAC-SECRETS-LIST", "SEC-ENV", "SEC-UNUSED", "ENC-NOT-CONFIGURED"), ns -> true);
        var byArea = m.postures().stream().collect(java.util.stream.Collectors.toMap(p -> p.area(), p -> p));
        assertThat(byArea.get(OverviewViewModel.Area.RBAC).state()).isEqualTo(OverviewViewModel.State.CRITICAL);
        assertThat(byArea.get(OverviewViewModel.Area.RBAC).topFinding().fix()).isEqualTo("secret-reader-role");
        assertThat(byArea.get(OverviewViewModel.Area.SECRETS).state()).isEqualTo(OverviewViewModel.State.ATTENTION);
        assertThat(byArea.get(OverviewViewModel.Area.SECRETS).counts())
                .containsEntry(Severity.MEDIUM, 1).containsEntry(Severity.LOW, 1);
        assertThat(byArea.get(OverviewViewModel.Area.ENCRYPTION).state()).isEqualTo(OverviewViewModel.State.OK);
        assertThat(byArea.get(OverviewViewModel.Area.EXTERNAL_STORES).state())
                .isEqualTo(OverviewViewModel.State.NOT_ANALYSED);
        assertThat(m.checklist().get(1).state()).isEqualTo(OverviewViewModel.StepState.DONE);
        assertThat(m.checklist().get(2).state()).isEqualTo(OverviewViewModel.StepState.TODO);
        assertThat(m.topFindings()).hasSize(3);
    }

    @Test
    void namespaceFilterHidesFindingsOfOtherNamespacesButKeepsClusterOnes() {
        List<Finding> f = List.of(finding("RBAC-X", "rbac", Severity.HIGH, ""),
                finding("SEC-ENV", "secrets", Severity.MEDIUM, "team-a"),
                finding("SEC-UNUSED", "secrets", Severity.LOW, "team-b"));
        var m = OverviewViewModel.compute(TestSnapshots.demoLike(SourceInfo.Kind.DEMO, "demo"), f, Set.of(),
                ns -> ns.isEmpty() || ns.equals("team-a"));
        assertThat(m.topFindings()).extracting(Finding::rule).containsExactly("RBAC-X", "SEC-ENV");
        assertThat(m.totalFindings()).isEqualTo(2);
    }

    @Test
    void systemFindingsAreNotTopFindings() {
        List<Finding> f = List.of(finding("RBAC-X", "rbac", Severity.HIGH, "kube-system").asSystem());
        var m = OverviewViewModel.compute(TestSnapshots.demoLike(SourceInfo.Kind.DEMO, "demo"), f, Set.of("RBAC-X"),
                ns -> true);
        assertThat(m.topFindings()).isEmpty();
        assertThat(m.postures().stream().filter(p -> p.area() == OverviewViewModel.Area.RBAC).findFirst()
                .orElseThrow().state()).isEqualTo(OverviewViewModel.State.OK);
    }

    @Test
    void sourceLabels() {
        assertThat(OverviewViewModel.describe(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "/tmp/audit-2026-11.yaml",
                "", "", null, null))).isEqualTo("snapshot: audit-2026-11.yaml");
        assertThat(OverviewViewModel.describe(new SourceInfo(SourceInfo.Kind.LIVE, "prod-eu", "", "",
                TestSnapshots.LOADED, null))).startsWith("live: prod-eu · ");
    }

    @Test
    void withAPlanTheChecklistIsThePlansSummary() throws Exception {
        var session = TestSnapshots.session(dev.kustodian.core.cluster.SourceSpec.demo());
        var findings = dev.kustodian.core.analysis.Analysis.of(session.snapshot()).findings();
        var plan = dev.kustodian.core.plan.ClusterPlan.load(session, findings, null, null,
                java.time.Clock.systemUTC(), dev.kustodian.core.util.Progress.NONE,
                new dev.kustodian.core.util.Cancellation()).plan();
        var m = OverviewViewModel.compute(session.snapshot(), findings, OverviewViewModel.registeredRuleIds(),
                ns -> true, plan);
        assertThat(m.checklist()).extracting(OverviewViewModel.ChecklistStep::title)
                .containsExactlyElementsOf(plan.steps().stream().map(s -> s.title()).toList());
        assertThat(m.checklist()).allMatch(c -> OverviewViewModel.PLAN_PAGE.equals(c.pageId()));
        var next = plan.steps().stream().filter(s -> !s.status().settled()).findFirst().orElseThrow();
        assertThat(m.planSummary()).isEqualTo(plan.settledCount() + " of 6 steps settled · next: " + next.number()
                + ". " + next.title() + " (" + next.status().id() + ")");
        assertThat(OverviewViewModel.compute(session.snapshot(), findings, Set.of(), ns -> true).planSummary())
                .isNull();
    }
}
