package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.DemoCluster;
import dev.kustodian.core.plan.PlanStep;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.Screenshots;
import dev.kustodian.ui.onboarding.OnboardingPage;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Onboarding page's screenshots on the demo cluster: {@code 9-onboarding-start.png} (a cluster never seen
 * before: the app opens on its plan) and {@code 9-onboarding-progress.png} (after RBAC and secret hygiene were
 * applied and verified, and the node-level encryption change and the certificates accepted). Runs only with
 * {@code -Dkustodian.screenshots=true}:
 * <pre>mvn -B -q -o test -Dtest='OnboardingScreenshotGenerator' -Dtest.extraArgs=-Dkustodian.screenshots=true</pre>
 */
@ExtendWith(ApplicationExtension.class)
class OnboardingScreenshotGenerator {
    @Test
    void renderOnboarding(FxRobot robot) throws Exception {
        Path out = Screenshots.folder();
        DemoCluster.stop();
        Path config = Files.createTempDirectory("kustodian-onboarding-shots");
        ShellView shell = Screenshots.shell(robot, new RecordingDialogService(), SessionOpener.CLUSTER_LOADER,
                ContextSource.of(List.of(), null, false), new Settings(null, config));
        Scene scene = shell.getScene();
        assertThat(shell.currentPage().id()).isEqualTo(OnboardingPage.ID);
        OnboardingPage page = (OnboardingPage) shell.currentPage();
        select(robot, "encryption-at-rest");
        Screenshots.shoot(robot, scene, out.resolve("9-onboarding-start.png"));

        var vm = page.viewModel();
        for (String id : List.of("rbac-critical", "secret-hygiene")) {
            robot.interact(() -> vm.apply(step(shell, id)));
            if (id.equals("secret-hygiene")) {
                OnboardingWalkTest.rollOut(shell, step(shell, id));
            }
            robot.interact(() -> vm.verify(step(shell, id)));
        }
        for (String id : List.of("encryption-at-rest", "tls-renewal")) {
            PlanStep s = step(shell, id);
            robot.interact(() -> vm.accept(s, s.openFindings(), id.equals("tls-renewal")
                    ? "renewed by the CDN team on 2027-01-10" : "node change scheduled for the next maintenance window",
                    "alice@example.com", LocalDate.now().plusMonths(2)));
        }
        select(robot, "rbac-critical");
        Screenshots.shoot(robot, scene, out.resolve("9-onboarding-progress.png"));
        DemoCluster.stop();
    }

    private static PlanStep step(ShellView shell, String id) {
        return shell.viewModel().state.plan().plan().step(id).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static void select(FxRobot robot, String id) {
        ListView<PlanStep> list = robot.lookup("#plan-steps").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(s -> s.id().equals(id)).findFirst().orElseThrow()));
    }
}
