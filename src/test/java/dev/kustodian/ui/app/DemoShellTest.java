package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.core.cluster.SourceSpec;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell with the real loader and no kubeconfig: it connects to the embedded demo cluster through the same
 * client code as a real cluster and shows what it found.
 */
@ExtendWith(ApplicationExtension.class)
class DemoShellTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private ShellView shell;

    @Start
    void start(Stage stage) {
        shell = KustodianApp.createShell(tasks, dialogs, SessionOpener.CLUSTER_LOADER,
                ContextSource.of(List.of(), null, false), Settings.inMemory(), Pages.pages(),
                Pages.wizards());
        stage.setScene(new Scene(shell, 1600, 1000));
        stage.show();
    }

    @Test
    void connectsToTheDemoClusterAndShowsItsPosture(FxRobot robot) {
        robot.interact(() -> shell.viewModel().startUp());
        var state = shell.viewModel().state;
        assertThat(state.session()).isNotNull();
        assertThat(state.session().spec()).isEqualTo(SourceSpec.demo());
        assertThat(state.session().cluster()).as("live client to the demo API server").isPresent();
        assertThat(state.session().snapshot().secrets()).hasSizeGreaterThan(10);
        assertThat(robot.lookup("#source-label").queryAs(Label.class).getText()).startsWith("demo");
        assertThat(robot.lookup("#identity").queryAs(Label.class).getText()).isEqualTo("as kubernetes-admin");
        assertThat(robot.lookup("#context-banner").queryAs(Label.class).getText()).startsWith("Demo cluster");
        assertThat(state.findings()).extracting(f -> f.rule()).contains("ENC-NOT-CONFIGURED", "SEC-ENV",
                "RBAC-CLUSTER-ADMIN");
        assertThat(robot.lookup("Secrets are not encrypted at rest (kube-apiserver kube-apiserver-cp-1)").tryQuery())
                .as("the encryption finding is among the top findings").isPresent();
        assertThat(dialogs.ofKind("error")).isEmpty();
    }

    @Test
    void oneLoadBuildsTheRbacEngineOnceForTheShellAndEveryPage(FxRobot robot) {
        long before = dev.kustodian.core.rbac.RbacEngine.builds();
        robot.interact(() -> shell.viewModel().startUp());
        var state = shell.viewModel().state;
        assertThat(state.analysis()).isNotNull();
        assertThat(state.analysis().snapshot()).isSameAs(state.snapshot());
        // the findings shown are the analysis' findings, numbered in the cluster's CIS benchmark (issue 15) once, by
        // the load task (off the FX thread): the very list the analysis memoised
        assertThat(state.findings()).isSameAs(state.analysis().findingsInItsBenchmark())
                .isEqualTo(dev.kustodian.core.findings.CisBenchmarks.translateAll(state.analysis().findings(),
                        state.analysis().cisBenchmark()));
        // every page shown (each analyses the loaded snapshot for its view), some twice
        for (var page : shell.pages()) {
            robot.interact(() -> shell.showPage(page));
        }
        for (var page : shell.pages()) {
            robot.interact(() -> shell.showPage(page));
        }
        assertThat(shell.pages()).extracting(p -> p.id()).contains("secrets", "access", "roles");
        assertThat(dev.kustodian.core.rbac.RbacEngine.builds() - before).as("RBAC engine builds for one load")
                .isEqualTo(1);
        assertThat(dialogs.ofKind("error")).isEmpty();
    }
}
