package dev.kustodian.ui.onboarding;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.plan.ClusterPlan;
import dev.kustodian.core.plan.PlanFiles;
import dev.kustodian.core.plan.PlanStep;
import dev.kustodian.core.plan.StepStatus;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.framework.TestSnapshots;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Onboarding page on the demo-like snapshot (no cluster connection): the plan's steps as a stepper, the selected
 * step's findings and files, Open wizard, Write plan files…, Accept risk… (the step becomes accepted, the entry is
 * kept per cluster) and Verify (the shell's reload; before → after recorded and kept across a restart).
 */
@ExtendWith(ApplicationExtension.class)
class OnboardingPageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private final AppState state = new AppState();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> opened = new ArrayList<>();
    private Path configDir;
    private ClusterSession session;
    private OnboardingPage page;

    @Start
    void start(Stage stage) throws Exception {
        TestPageContext.lightTheme();
        configDir = Files.createTempDirectory("kustodian-onboarding-test");
        session = TestSnapshots.session(SourceSpec.demo());
        Analysis analysis = Analysis.of(session.snapshot());
        state.analysis.set(analysis);
        state.plan.set(load(analysis.findings(), null));
        state.session.set(session);
        WizardRegistry wizards = dev.kustodian.ui.app.Pages.wizards();
        page = new OnboardingPage(new TestPageContext(state, new SameThreadTaskExecutor(), dialogs, wizards, opened),
                CLOCK);
        stage.setScene(new Scene((javafx.scene.Parent) page.view(), 1600, 1000));
        stage.show();
    }

    private ClusterPlan load(List<Finding> findings, ClusterPlan previous) throws Exception {
        return ClusterPlan.load(session, findings, configDir, previous, CLOCK, Progress.NONE, new Cancellation());
    }

    @SuppressWarnings("unchecked")
    private ListView<PlanStep> steps(FxRobot robot) {
        return robot.lookup("#plan-steps").queryAs(ListView.class);
    }

    private void select(FxRobot robot, String stepId) {
        ListView<PlanStep> list = steps(robot);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(s -> s.id().equals(stepId)).findFirst().orElseThrow()));
    }

    private PlanStep step(String id) {
        return state.plan().plan().step(id).orElseThrow();
    }

    @Test
    void showsTheStepsWithTheirStatusFindingsAndFiles(FxRobot robot) {
        ListView<PlanStep> list = steps(robot);
        assertThat(list.getItems()).extracting(PlanStep::id).containsExactly("encryption-at-rest", "rbac-critical",
                "external-stores", "secret-hygiene", "tls-renewal", "keep-it-so");
        assertThat(robot.lookup("#plan-progress-text").queryAs(Label.class).getText())
                .startsWith(state.plan().plan().settledCount() + " of 6 steps settled");
        PlanStep withFiles = list.getItems().stream().filter(s -> !s.generates().isEmpty()
                && !s.findings().isEmpty()).findFirst().orElseThrow();
        select(robot, withFiles.id());
        assertThat(robot.lookup("#step-status").queryAs(Label.class).getText()).isEqualTo(withFiles.status().id());
        assertThat(robot.lookup("#step-files").queryAs(VBox.class).getChildren())
                .anyMatch(n -> ((Label) n).getText().contains(withFiles.generates().get(0)));
        assertThat(robot.lookup("#step-findings").queryAs(VBox.class).getChildren())
                .hasSize(page.viewModel().findings(withFiles).size()).isNotEmpty();
    }

    @Test
    void openWizardOpensTheStepsWizardForItsFirstFinding(FxRobot robot) {
        select(robot, "encryption-at-rest");
        robot.clickOn("#step-wizard");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0)).startsWith("encryption-config");
    }

    @Test
    void writePlanFilesWritesTheGitOpsFolder(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("kustodian-plan-ui");
        dialogs.nextDirectory = dir;
        robot.clickOn(robot.lookup("#write-plan").queryAs(Button.class));
        assertThat(dialogs.ofKind("error")).isEmpty();
        assertThat(dialogs.ofKind("info")).isNotEmpty();
        assertThat(dir.resolve("README.md")).exists();
        assertThat(dir.resolve("kustomization.yaml")).exists();
        assertThat(dir.resolve(".kustodian/keys/encryption-config.yaml")).exists();
    }

    /** A step with open findings other than the RBAC one (which the Verify test uses). */
    private String acceptable() {
        return state.plan().plan().steps().stream().filter(s -> !s.openFindings().isEmpty()
                && !s.id().equals("rbac-critical")).findFirst().orElseThrow().id();
    }

    @Test
    void acceptRiskMarksTheFindingsAcceptedAndTheStepAcceptedAcrossARestart(FxRobot robot) throws Exception {
        String id = acceptable();
        select(robot, id);
        assertThat(step(id).status()).isNotIn(StepStatus.ACCEPTED, StepStatus.DONE);
        robot.clickOn("#step-accept");
        robot.interact(() -> robot.lookup("#accept-reason").queryAs(TextField.class).setText("renewed by the CDN team"));
        robot.interact(() -> robot.lookup("#accept-by").queryAs(TextField.class).setText("alice@example.com"));
        robot.clickOn("#accept-confirm");
        assertThat(dialogs.ofKind("error")).isEmpty();
        assertThat(step(id).status()).isEqualTo(StepStatus.ACCEPTED);
        assertThat(step(id).accepted()).containsExactlyElementsOf(step(id).findings());
        assertThat(robot.lookup("#step-status").queryAs(Label.class).getText()).isEqualTo("accepted");
        assertThat(robot.lookup("#step-findings").queryAs(VBox.class).getChildren())
                .allMatch(n -> n instanceof Label l && l.getText().startsWith("Accepted: ")
                        && l.getText().contains("alice@example.com"));
        assertThat(PlanFiles.userAcceptFile(configDir, state.plan().identity())).exists();
        // a restart: the accepted risks come back from the cluster's file
        ClusterPlan restarted = load(state.analysis().findings(), null);
        assertThat(restarted.plan().step(id).orElseThrow().status()).isEqualTo(StepStatus.ACCEPTED);
    }

    @Test
    void acceptRiskNeedsAReasonAndWho(FxRobot robot) {
        String id = acceptable();
        StepStatus was = step(id).status();
        select(robot, id);
        robot.clickOn("#step-accept");
        robot.interact(() -> robot.lookup("#accept-by").queryAs(TextField.class).setText(""));
        robot.clickOn("#accept-confirm");
        assertThat(robot.lookup("#accept-problems").queryAs(Label.class).getText()).contains("Say why")
                .contains("Say who");
        assertThat(step(id).status()).isEqualTo(was);
        assertThat(PlanFiles.userAcceptFile(configDir, state.plan().identity())).doesNotExist();
    }

    @Test
    void verifyReloadsAndRecordsBeforeAfterThatSurviveARestart(FxRobot robot) throws Exception {
        select(robot, "rbac-critical");
        PlanStep rbac = step("rbac-critical");
        assertThat(rbac.status()).isEqualTo(StepStatus.TODO);
        int before = rbac.openFindings().size();
        assertThat(before).isPositive();
        robot.clickOn("#step-verify-button");
        assertThat(opened).containsExactly("reload");
        // what the shell's reload delivers after the step was applied: its findings are gone
        Set<String> fixed = Set.copyOf(rbac.findings());
        List<Finding> after = state.analysis().findings().stream().filter(f -> !fixed.contains(f.id())).toList();
        ClusterPlan reloaded = load(after, state.plan());
        robot.interact(() -> state.plan.set(reloaded));
        assertThat(step("rbac-critical").status()).isEqualTo(StepStatus.DONE);
        assertThat(robot.lookup("#onboarding-status").queryAs(Label.class).getText())
                .contains(before + " → 0 open finding(s)").contains("done");
        assertThat(robot.lookup("#step-verification").queryAs(Label.class).getText())
                .contains(before + " → 0 open finding(s) (done)");
        // a restart: the verification comes back from the cluster's plan state
        ClusterPlan restarted = load(after, null);
        assertThat(restarted.firstSeen()).isFalse();
        assertThat(restarted.state().verifications().get("rbac-critical").before()).isEqualTo(before);
        assertThat(restarted.state().verifications().get("rbac-critical").after()).isZero();
    }

    @Test
    void aClusterIsFirstSeenOnlyOnce() throws Exception {
        Path fresh = Files.createTempDirectory("kustodian-onboarding-fresh");
        List<Finding> fs = state.analysis().findings();
        ClusterPlan first = ClusterPlan.load(session, fs, fresh, null, CLOCK, Progress.NONE, new Cancellation());
        ClusterPlan second = ClusterPlan.load(session, fs, fresh, null, CLOCK, Progress.NONE, new Cancellation());
        assertThat(first.firstSeen()).isTrue();
        assertThat(second.firstSeen()).isFalse();
        ClusterPlan inMemory = ClusterPlan.load(session, fs, null, null, CLOCK, Progress.NONE, new Cancellation());
        assertThat(inMemory.firstSeen()).isFalse();
    }
}
