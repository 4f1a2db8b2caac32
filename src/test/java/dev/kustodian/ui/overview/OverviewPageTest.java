package dev.kustodian.ui.overview;

import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestSnapshots;
import dev.kustodian.ui.wizard.SecretReaderRoleWizard;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Overview page on its own, with findings: severity chips, Fix buttons resolved through the WizardRegistry. */
@ExtendWith(ApplicationExtension.class)
class OverviewPageTest {
    private final AppState state = new AppState();
    private final List<String> openedWizards = new ArrayList<>();
    private OverviewPage page;

    @Start
    void start(Stage stage) {
        TestPageContext.lightTheme();
        WizardRegistry wizards = new WizardRegistry().register(SecretReaderRoleWizard::new);
        TestPageContext ctx = new TestPageContext(state, new SameThreadTaskExecutor(), new RecordingDialogService(),
                wizards, openedWizards);
        state.findings.set(List.of(
                Finding.of("RBAC-SECRETS-LIST", "rbac", Severity.CRITICAL,
                        new ObjectRef("ServiceAccount", "team-b", "deployer"), "deployer can list every secret",
                        "Listing returns values.", "Bind a Role with get on named secrets.", List.of("5.1.2"))
                        .withFix(SecretReaderRoleWizard.ID),
                Finding.of("ENC-NOT-CONFIGURED", "encryption", Severity.HIGH, ObjectRef.cluster(),
                        "Secrets are not encrypted at rest", "etcd holds them in plain text.", "Configure it.",
                        List.of("1.2.27")).withFix("encryption-config"),
                Finding.of("SEC-ENV", "secrets", Severity.LOW, new ObjectRef("Deployment", "team-a", "backend"),
                        "Secret used as env var", "Env vars leak.", "Mount it.", List.of())));
        state.session.set(TestSnapshots.session(SourceSpec.demo()));
        page = ctx.show(stage, new OverviewPage(ctx));
    }

    @Test
    void showsFindingsWithChipsAndFixButtons(FxRobot robot) {
        assertThat(robot.lookup("#top-findings .severity-chip").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("Critical", "High", "Low");
        List<Button> fixes = new ArrayList<>(robot.lookup("#top-findings .fix-button").queryAllAs(Button.class));
        assertThat(fixes).hasSize(2);
        assertThat(fixes.get(0).isDisabled()).isFalse();
        assertThat(fixes.get(1).isDisabled()).isTrue(); // encryption-config is not registered
        robot.clickOn(fixes.get(0));
        assertThat(openedWizards).containsExactly("secret-reader-role ServiceAccount/team-b/deployer");
        assertThat(robot.lookup("#posture-rbac .posture-state").queryAs(Label.class).getText()).isEqualTo("At risk");
        assertThat(robot.lookup("#posture-secrets .posture-state").queryAs(Label.class).getText())
                .isEqualTo("Needs attention");
        // the external stores rules ran and none of the findings is theirs
        assertThat(robot.lookup("#posture-external-stores .posture-state").queryAs(Label.class).getText())
                .isEqualTo("OK");
    }

    @Test
    void namespaceFilterNarrowsTheFindings(FxRobot robot) {
        robot.interact(() -> state.namespaceFilter.setAll("team-a"));
        assertThat(robot.lookup("#top-findings .severity-chip").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("High", "Low");
        robot.interact(() -> state.namespaceFilter.clear());
        assertThat(robot.lookup("#top-findings .severity-chip").queryAll()).hasSize(3);
    }
}
