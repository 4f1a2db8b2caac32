package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.DemoCluster;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.plan.PlanStep;
import dev.kustodian.core.plan.StepStatus;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.onboarding.OnboardingPage;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole hardening plan walked on the demo cluster (its in-process API server), as a user would: the demo is a
 * cluster never seen before, so the app opens on the Onboarding page; for each step its wizard opens pre-filled,
 * Apply sends the step to the demo (dry run, confirmation, apply), Verify reloads and records before → after. What
 * the demo cannot take (the node-level encryption change, certificates to renew, store-side findings) is accepted
 * with a reason, as a user would. Then the app restarts on the same config directory: the progress is still there.
 */
@ExtendWith(ApplicationExtension.class)
class OnboardingWalkTest {
    private static Path configDir;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private Stage stage;
    private ShellView shell;

    @BeforeAll
    static void freshDemo() throws Exception {
        DemoCluster.stop(); // a demo nobody changed yet
        configDir = Files.createTempDirectory("kustodian-walk");
    }

    @AfterAll
    static void stopDemo() {
        DemoCluster.stop(); // the next test class gets the demo as shipped
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = newShell();
        stage.setScene(new Scene(shell, 1600, 1000));
        stage.show();
    }

    private ShellView newShell() {
        return KustodianApp.createShell(tasks, dialogs, SessionOpener.CLUSTER_LOADER,
                ContextSource.of(List.of(), null, false), new Settings(null, configDir), Pages.pages(),
                Pages.wizards());
    }

    @SuppressWarnings("unchecked")
    private static ListView<PlanStep> steps(FxRobot robot) {
        return robot.lookup("#plan-steps").queryAs(ListView.class);
    }

    private PlanStep step(String id) {
        return shell.viewModel().state.plan().plan().step(id).orElseThrow();
    }

    private void select(FxRobot robot, String id) {
        ListView<PlanStep> list = steps(robot);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(s -> s.id().equals(id)).findFirst().orElseThrow()));
    }

    private boolean enabled(FxRobot robot, String button) {
        return !robot.lookup(button).queryAs(Button.class).isDisabled();
    }

    private void acceptRest(FxRobot robot, String id, String reason) {
        select(robot, id);
        robot.clickOn("#step-accept");
        robot.interact(() -> {
            robot.lookup("#accept-reason").queryAs(TextField.class).setText(reason);
            robot.lookup("#accept-by").queryAs(TextField.class).setText("alice@example.com");
        });
        robot.clickOn("#accept-confirm");
    }

    /**
     * The mock API server runs no controllers: a patched Deployment/StatefulSet does not replace its pods, whose old
     * spec still reads the secrets through env vars, and neither does the old ReplicaSet go. The test deletes those
     * pods and ReplicaSets, as the rollout would (a real cluster keeps old ReplicaSets at 0 replicas).
     */
    static void rollOut(ShellView shell, PlanStep step) {
        var state = shell.viewModel().state;
        var port = state.session().cluster().orElseThrow();
        for (var p : step.patches()) {
            List<dev.kustodian.core.model.WorkloadInfo> old = new java.util.ArrayList<>(state.snapshot().pods());
            old.addAll(state.snapshot().workloads().stream().filter(w -> w.kind().equals("ReplicaSet")).toList());
            for (var w : old) {
                if (w.meta().namespace().equals(p.target().namespace())
                        && w.meta().name().startsWith(p.target().name() + "-") && w.isControlled()) {
                    assertThat(port.delete(w.kind().equals("Pod") ? "v1" : "apps/v1", w.kind(), w.meta().namespace(),
                            w.meta().name(), false, new dev.kustodian.core.util.Cancellation()).ok()).isTrue();
                }
            }
        }
    }

    @Test
    void walksThePlanOnTheDemoAndTheProgressSurvivesARestart(FxRobot robot) {
        robot.interact(() -> shell.viewModel().startUp());
        assertThat(shell.currentPage().id()).as("first page for a cluster never seen").isEqualTo(OnboardingPage.ID);
        assertThat(step("keep-it-so").status()).isEqualTo(StepStatus.BLOCKED);

        Map<String, String> how = new LinkedHashMap<>();
        for (PlanStep s : List.copyOf(shell.viewModel().state.plan().plan().steps())) {
            if (s.id().equals("keep-it-so")) {
                continue;
            }
            select(robot, s.id());
            // the step's wizard, pre-filled, in the page area; closing it returns to the plan
            if (enabled(robot, "#step-wizard")) {
                robot.clickOn("#step-wizard");
                assertThat(shell.currentWizard()).as("wizard of " + s.id()).isNotNull();
                robot.clickOn("#wizard-close");
                assertThat(shell.currentWizard()).isNull();
                select(robot, s.id());
            }
            StringBuilder h = new StringBuilder();
            if (enabled(robot, "#step-apply")) {
                int before = step(s.id()).openFindings().size();
                Set<String> ids = Set.copyOf(step(s.id()).openFindings());
                robot.clickOn("#step-apply");
                assertThat(dialogs.ofKind("error")).as("apply of " + s.id()).isEmpty();
                if (!step(s.id()).patches().isEmpty()) {
                    h.append("rollout emulated, ");
                    rollOut(shell, step(s.id()));
                }
                select(robot, s.id());
                robot.clickOn("#step-verify-button");
                PlanStep after = step(s.id());
                h.append("applied, ").append(before).append(" → ").append(after.openFindings().size());
                assertThat(after.openFindings().size()).as("open findings of " + s.id() + " after apply")
                        .isLessThan(before);
                assertThat(shell.viewModel().state.plan().state().verifications().get(s.id()).before())
                        .isEqualTo(before);
                List<String> fixed = ids.stream().filter(id -> !after.findings().contains(id)).toList();
                assertThat(shell.viewModel().state.findings()).extracting(Finding::id)
                        .doesNotContainAnyElementsOf(fixed);
            }
            if (!step(s.id()).status().settled()) {
                h.append(h.isEmpty() ? "" : "; ").append("accepted ").append(step(s.id()).openFindings().size());
                acceptRest(robot, s.id(), "cannot be done on the demo cluster; done by hand");
            }
            assertThat(step(s.id()).status().settled()).as(s.id() + ": " + h).isTrue();
            how.put(s.id(), step(s.id()).status().id() + " (" + h + ")");
        }
        System.out.println("walk: " + how);
        assertThat(step("rbac-critical").status()).as("risky bindings deleted on the demo").isEqualTo(StepStatus.DONE);
        assertThat(step("secret-hygiene").status()).as("workloads patched on the demo").isEqualTo(StepStatus.DONE);
        assertThat(step("keep-it-so").status()).isEqualTo(StepStatus.MANUAL);
        long settled = shell.viewModel().state.plan().plan().settledCount();
        assertThat(settled).isEqualTo(5);
        assertThat(dialogs.ofKind("error")).isEmpty();

        // restart: a new shell (new app state) on the same config directory and the same (changed) demo cluster
        robot.interact(() -> {
            shell = newShell();
            stage.getScene().setRoot(shell);
            shell.viewModel().startUp();
        });
        assertThat(shell.currentPage().id()).as("a cluster seen before opens as usual").isNotEqualTo(OnboardingPage.ID);
        robot.interact(() -> shell.showPage(shell.page(OnboardingPage.ID).orElseThrow()));
        assertThat(shell.viewModel().state.plan().plan().settledCount()).isEqualTo(settled);
        assertThat(step("rbac-critical").status()).isEqualTo(StepStatus.DONE);
        assertThat(step("encryption-at-rest").status()).isEqualTo(StepStatus.ACCEPTED);
        assertThat(shell.viewModel().state.plan().state().verifications()).containsKeys("rbac-critical",
                "secret-hygiene");
        select(robot, "rbac-critical");
        assertThat(robot.lookup("#step-verification").queryAs(javafx.scene.control.Label.class).getText())
                .contains("→ 0 open finding(s) (done)");
    }
}
