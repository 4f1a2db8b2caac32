package dev.kustodian.ui.wizard;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.app.ShellView;
import dev.kustodian.ui.app.TestShell;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kustodian.ui.app.TestShell.preview;
import static org.assertj.core.api.Assertions.assertThat;

/** The wizard framework, walked end to end with the example "Secret reader Role" wizard. */
@ExtendWith(ApplicationExtension.class)
class WizardFrameworkTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ShellView shell;

    @Start
    void start(Stage stage) {
        shell = TestShell.show(stage, dialogs);
    }

    @Test
    void walkTheExampleWizardToTheEndAndSave(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("Generate").clickOn("Secret reader Role…");
        assertThat(shell.currentWizard()).isNotNull();
        // nothing filled in: inline errors at the fields, Next disabled, preview says why
        assertThat(preview(robot)).startsWith("# Nothing to generate yet");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup(".field-error").queryAll()).isNotEmpty();

        robot.clickOn("#field-namespace").write("team-a");
        robot.clickOn("#field-secretNames-input").write("db-credentials").type(KeyCode.ENTER);
        robot.clickOn("#field-secretNames-input").write("api-token");
        robot.clickOn("#field-secretNames-add");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isFalse();
        robot.clickOn("#wizard-next");
        assertThat(preview(robot)).startsWith("# Nothing to generate yet"); // no ServiceAccount yet
        robot.clickOn("#field-serviceAccount").write("backend");
        assertThat(preview(robot)).contains("kind: Role").contains("- db-credentials").contains("- api-token")
                .contains("name: backend-secret-reader").contains("kind: RoleBinding");
        // an invalid value shows the rule's reason at the field, and the preview stops generating
        robot.clickOn("#field-roleName").write("Bad_Name");
        assertThat(robot.lookup(".field-error").queryAs(Label.class).getText())
                .contains("'Bad_Name' is not a valid Role name");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        robot.doubleClickOn("#field-roleName").eraseText(8);
        assertThat(robot.lookup(".field-error").tryQuery()).isEmpty();
        robot.clickOn("#wizard-next");

        // the review step: save to a folder, copy; apply is disabled without a cluster connection
        assertThat(robot.lookup("role-backend-secret-reader.yaml  —  Role team-a/backend-secret-reader")
                .tryQuery()).isPresent();
        assertThat(robot.lookup("#wizard-apply").queryButton().isDisabled()).isTrue();
        dialogs.nextDirectory = dir;
        robot.clickOn("#wizard-save");
        assertThat(dir.resolve("role-backend-secret-reader.yaml")).exists();
        assertThat(dir.resolve("rolebinding-backend-secret-reader.yaml")).exists();
        assertThat(Files.readString(dir.resolve("kustomization.yaml"))).contains("role-backend-secret-reader.yaml");
        assertThat(robot.lookup("#wizard-status").queryAs(Label.class).getText()).startsWith("Saved 3 file(s)");
        assertThat(dialogs.ofKind("confirm")).isEmpty();
        robot.clickOn("#wizard-copy");
        assertThat(dialogs.clipboard).contains("kind: Role").contains("---\n");

        robot.clickOn("#wizard-close");
        assertThat(shell.currentWizard()).isNull();
        assertThat(robot.lookup("#posture-cards").tryQuery()).isPresent();
    }

    @Test
    void savingOverExistingFilesAsksFirst(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> shell.openWizard(SecretReaderRoleWizard.ID, new ObjectRef("Secret", "team-a",
                "db-credentials")));
        WizardView view = shell.currentWizard();
        robot.interact(() -> view.viewModel().form.field("serviceAccount", Fields.Choice.class).valueProperty()
                .set("backend"));
        Path role = dir.resolve("role-backend-secret-reader.yaml");
        Files.writeString(role, "# mine\n");

        dialogs.confirmAnswer = false;
        boolean[] saved = new boolean[1];
        robot.interact(() -> saved[0] = view.saveTo(dir));
        assertThat(saved[0]).isFalse();
        assertThat(dialogs.ofKind("confirm")).singleElement()
                .satisfies(c -> assertThat(c.message()).contains("role-backend-secret-reader.yaml"));
        assertThat(Files.readString(role)).isEqualTo("# mine\n");

        dialogs.confirmAnswer = true;
        robot.interact(() -> saved[0] = view.saveTo(dir));
        assertThat(saved[0]).isTrue();
        assertThat(Files.readString(role)).contains("kind: Role").contains("- db-credentials");
    }

    @Test
    void prefillFromAFindingAndReplayAnswers(FxRobot robot, @TempDir Path dir) {
        robot.interact(() -> shell.openWizard(SecretReaderRoleWizard.ID, new ObjectRef("ServiceAccount", "payments",
                "checkout")));
        assertThat(preview(robot)).startsWith("# Nothing to generate yet"); // no secret yet
        robot.clickOn("#field-secretNames-input").write("stripe-keys").type(KeyCode.ENTER);
        assertThat(preview(robot)).contains("namespace: payments").contains("- stripe-keys")
                .contains("name: checkout");
        Path answers = dir.resolve("reader.answers");
        dialogs.nextFile = answers;
        robot.clickOn("Save answers…");
        assertThat(answers).exists();
        robot.clickOn("#wizard-close");

        robot.interact(() -> shell.openWizard(SecretReaderRoleWizard.ID, null));
        assertThat(preview(robot)).startsWith("# Nothing to generate yet");
        robot.clickOn("Load answers…");
        assertThat(preview(robot)).contains("namespace: payments").contains("- stripe-keys")
                .contains("name: checkout-secret-reader");
        assertThat(dialogs.ofKind("error")).isEmpty();
    }

    @Test
    void answersOfAnotherWizardAreRefusedWithASentence(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("other.answers");
        Files.writeString(f, "wizard=encryption-config\nprovider=aescbc\n");
        WizardForm form = new WizardForm(new WizardContext(null));
        new SecretReaderRoleWizard().build(form, new WizardContext(null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WizardAnswers.load(SecretReaderRoleWizard.ID, form, f))
                .hasMessageContaining("is for the wizard 'encryption-config'");
    }

    @Test
    void pickersAreFedFromTheSnapshot(FxRobot robot) {
        robot.interact(() -> shell.openWizard(SecretReaderRoleWizard.ID, null));
        WizardForm form = formOf(shell);
        Fields.Choice ns = form.field("namespace", Fields.Choice.class);
        assertThat(ns.items()).containsExactly("default", "kube-system", "payments", "team-a", "team-b");
        robot.interact(() -> ns.valueProperty().set("payments"));
        assertThat(form.field("serviceAccount", Fields.Choice.class).items()).containsExactly("checkout", "default");
    }

    private static WizardForm formOf(ShellView shell) {
        return shell.currentWizard().viewModel().form;
    }
}
