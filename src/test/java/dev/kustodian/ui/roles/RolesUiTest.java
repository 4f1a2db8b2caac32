package dev.kustodian.ui.roles;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.app.ShellView;
import dev.kustodian.ui.app.TestShell;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.framework.TaskHandle;
import dev.kustodian.ui.framework.TestSnapshots;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.WizardView;
import dev.kustodian.ui.wizard.WizardViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static dev.kustodian.ui.app.TestShell.preview;
import static org.assertj.core.api.Assertions.assertThat;

/** The Roles page, the role wizard and the right-size flow, driven through the UI (TestFX, headless). */
@ExtendWith(ApplicationExtension.class)
class RolesUiTest {
    static final Path DEMO_LOG = Path.of("src/test/resources/audit/demo-deployer.jsonl").toAbsolutePath();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ShellView shell;

    @Start
    void start(Stage stage) {
        shell = TestShell.show(stage, dialogs);
    }

    private RolesPage rolesPage(FxRobot robot) {
        RolesPage page = (RolesPage) shell.page("roles").orElseThrow();
        robot.interact(() -> shell.showPage(page));
        return page;
    }

    @Test
    void rolesPageListsSubjectsWithBindingsAndKeepsTheSelection(FxRobot robot) {
        RolesPage page = rolesPage(robot);
        RolesViewModel vm = page.viewModel();
        assertThat(vm.allRows()).extracting(RolesViewModel.Row::text)
                .contains("serviceaccount:team-b/deployer", "serviceaccount:team-a/backend");
        RolesViewModel.Row deployer = vm.allRows().stream()
                .filter(r -> r.text().equals("serviceaccount:team-b/deployer")).findFirst().orElseThrow();
        assertThat(deployer.broad()).isTrue();
        assertThat(deployer.bindings()).extracting(RolesViewModel.BindingRow::binding)
                .containsExactly("ClusterRoleBinding/ci-can-list-secrets");
        robot.clickOn("#roles-filter").write("deployer");
        assertThat(robot.lookup("#roles-count").queryAs(Label.class).getText()).matches("Subjects \\(1 of \\d+\\)");
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        assertThat(robot.lookup("#roles-detail-title").queryAs(Label.class).getText())
                .isEqualTo("serviceaccount:team-b/deployer");
        assertThat(robot.lookup("ClusterRoleBinding/ci-can-list-secrets  →  ClusterRole/secret-lister").tryQuery()).isPresent();
        // a reload keeps the selection
        robot.interact(() -> page.onSnapshot(shell.viewModel().state.snapshot(), shell.viewModel().state.session()));
        assertThat(vm.selected.get().text()).isEqualTo("serviceaccount:team-b/deployer");
        assertThat(robot.lookup("#roles-detail-title").queryAs(Label.class).getText())
                .isEqualTo("serviceaccount:team-b/deployer");
    }

    @Test
    void rightSizeFromTheRolesPageReadsTheLogsAndShowsWhatCanGo(FxRobot robot, @TempDir Path dir) throws Exception {
        rolesPage(robot);
        robot.clickOn("#roles-filter").write("deployer");
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#roles-right-size");
        WizardView w = shell.currentWizard();
        assertThat(w.viewModel().wizard.id()).isEqualTo(RightSizeWizard.ID);
        assertThat(w.viewModel().form.field("subject", Fields.Choice.class).valueProperty().get())
                .isEqualTo("serviceaccount:team-b/deployer");
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue(); // logs not read yet
        dialogs.nextFile = DEMO_LOG;
        robot.clickOn("#field-logs-add");
        assertThat(dialogs.shown).isEmpty();
        robot.clickOn("#field-logs-read");
        assertThat(robot.lookup("#field-logs-status").queryAs(Label.class).getText())
                .startsWith("Read 31 audit events from 1 file(s)");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isFalse();
        robot.clickOn("#wizard-next");
        String headline = robot.lookup("#field-result-headline").queryAs(Label.class).getText();
        assertThat(headline).startsWith("2 of 3 permissions granted to it directly unused").contains("1 binding(s) to change").contains("re-check passed");
        String report = robot.lookup("#field-result-text").queryAs(TextArea.class).getText();
        assertThat(report).contains("ClusterRoleBinding/ci-can-list-secrets → ClusterRole/secret-lister")
                .contains("can go:    list secrets, watch secrets")
                .contains("delete ClusterRoleBinding/ci-can-list-secrets")
                .contains("Usage report for serviceaccount:team-b/deployer");
        assertThat(preview(robot)).contains("kind: Role").contains("- registry-pull").contains("# seen: get ×7");
        robot.clickOn("#wizard-next");
        robot.interact(() -> w.saveTo(dir));
        assertThat(dir.resolve("delete-bindings.sh")).content().contains("kubectl delete clusterrolebinding ci-can-list-secrets");
        assertThat(dir.resolve("recheck.txt")).content().contains("passed.");
        assertThat(Files.exists(dir.resolve("role-team-b-deployer-observed.yaml"))).isTrue();

        // changing the options after reading makes the result stale until the logs are read again
        robot.interact(() -> w.viewModel().form.field("includeDenied", Fields.Check.class).valueProperty().set(true));
        assertThat(w.viewModel().bundle.get().problems())
                .anyMatch(p -> p.error() && p.message().contains("Read logs again"));
    }

    @Test
    void cancelledReadingLeavesNothingAndShowsNoError(FxRobot robot) {
        TaskExecutor cancelling = new TaskExecutor() {
            @Override
            public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> ok, Consumer<? super Throwable> fail) {
                fail.accept(new UserFacingException(UserFacingException.Category.CANCELLED, "Cancelled."));
                return new TaskHandle(title);
            }
        };
        ClusterSession session = TestSnapshots.session(SourceSpec.demo());
        WizardViewModel[] vm = new WizardViewModel[1];
        robot.interact(() -> vm[0] = new WizardViewModel(new RightSizeWizard(), session,
                new ObjectRef("ServiceAccount", "team-b", "deployer"), cancelling, dialogs, false));
        RightSizeWizard wizard = (RightSizeWizard) vm[0].wizard;
        robot.interact(() -> {
            wizard.logs().add(DEMO_LOG.toString());
            wizard.logs().read();
        });
        assertThat(wizard.logs().status.get()).isEqualTo("Reading cancelled; nothing changed.");
        assertThat(wizard.logs().outcome.get()).isNull();
        assertThat(dialogs.ofKind("error")).isEmpty();
        assertThat(vm[0].bundle.get().hasErrors()).isTrue();
    }

    @Test
    void roleWizardFromAFindingShowsGuidanceLiveAndCommentsEachRule(FxRobot robot) {
        robot.interact(() -> shell.openWizard(RoleWizard.ID,
                new ObjectRef("ClusterRoleBinding", "", "ci-can-list-secrets")));
        WizardView w = shell.currentWizard();
        assertThat(w.viewModel().form.field("subject", Fields.Choice.class).valueProperty().get())
                .isEqualTo("serviceaccount:team-b/deployer");
        assertThat(w.viewModel().form.field("namespaces", Fields.ListEditor.class).values()).containsExactly("team-b");
        robot.clickOn("#wizard-next").clickOn("#wizard-next");
        // resources from discovery / CRDs (ExternalSecret CRD of the demo-like cluster) are suggested
        assertThat(w.viewModel().form.field("resources", Fields.ListEditor.class).node()).isNotNull();
        assertThat(RoleChoices.resources(shell.viewModel().state.snapshot()))
                .contains("externalsecrets.external-secrets.io", "pods/log", "deployments/scale.apps");
        robot.clickOn("#field-resources-input").write("secrets");
        robot.clickOn("#field-resources-add");
        robot.clickOn("#field-verbs-input").write("list");
        robot.clickOn("#field-verbs-add");
        // guidance appears at the verbs field as soon as list on secrets is picked
        assertThat(w.viewModel().form.field("verbs").orElseThrow().messageText())
                .startsWith("Warning: ").contains("list/watch on secrets");
        assertThat(((RoleWizard) w.viewModel().wizard).guidance().warnings())
                .anyMatch(m -> m.contains("list/watch on secrets"));
        robot.clickOn("#field-verbs-remove"); // nothing selected: no-op
        robot.interact(() -> {
            Fields.ListEditor verbs = w.viewModel().form.field("verbs", Fields.ListEditor.class);
            verbs.values().setAll("get");
            w.viewModel().form.field("resourceNames", Fields.ListEditor.class).add("registry-pull");
        });
        assertThat(w.viewModel().form.field("verbs").orElseThrow().messageText()).isEmpty();
        assertThat(((RoleWizard) w.viewModel().wizard).guidance().warnings()).isEmpty();
        assertThat(preview(robot)).contains("kind: Role").contains("namespace: team-b")
                .contains("# chosen in the wizard: get on secrets, only registry-pull").contains("- registry-pull");
        // a preset with a wildcard-free job and pods/exec shows the pod-creation warning
        robot.interact(() -> w.viewModel().form.field("rules", Fields.ListEditor.class).add(":pods/exec:create"));
        assertThat(w.viewModel().form.field("verbs").orElseThrow().messageText()).contains("pods");
    }

    @Test
    void roleWizardWarnsWhenTheApplyingUserLacksThePermissions(FxRobot robot) {
        ClusterSnapshot base = TestSnapshots.demoLike(SourceInfo.Kind.LIVE, "dev");
        ClusterSnapshot.Builder b = base.toBuilder();
        b.source(new SourceInfo(SourceInfo.Kind.LIVE, "dev", "", "", TestSnapshots.LOADED,
                new SourceInfo.Identity("jane", List.of("system:authenticated"), "SelfSubjectReview")));
        ClusterSession session = new ClusterSession(SourceSpec.demo(), b.build(), null, "dev");
        WizardViewModel[] vm = new WizardViewModel[1];
        robot.interact(() -> {
            vm[0] = new WizardViewModel(new RoleWizard(), session, null, new SameThreadTaskExecutor(), dialogs, false);
            vm[0].form.field("subjectOther", Fields.Text.class).valueProperty().set("user:bob");
            vm[0].form.field("namespaces", Fields.ListEditor.class).add("team-a");
            vm[0].form.field("preset", Fields.Choice.class).valueProperty().set("read-secret");
            vm[0].form.field("presetArg", Fields.Text.class).valueProperty().set("db-credentials");
        });
        assertThat(vm[0].bundle.get().hasErrors()).isFalse();
        assertThat(vm[0].bundle.get().warnings()).anyMatch(w -> w.startsWith("user jane does not hold get secrets"));
        assertThat(vm[0].form.field("resources").orElseThrow().messageText()).contains("user jane does not hold");
    }
}
