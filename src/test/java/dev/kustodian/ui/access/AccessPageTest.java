package dev.kustodian.ui.access;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.rbac.SubjectRisk;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Access page in a scene (TestFX, headless): ranking, filters, who-can, subject view, secret readers. */
@ExtendWith(ApplicationExtension.class)
class AccessPageTest {
    private final AppState state = new AppState();
    private final List<String> openedWizards = new ArrayList<>();
    private AccessPage page;

    @Start
    void start(Stage stage) {
        TestPageContext.lightTheme();
        TestPageContext ctx = new TestPageContext(state, new SameThreadTaskExecutor(), new RecordingDialogService(),
                new WizardRegistry(), openedWizards);
        state.session.set(new ClusterSession(SourceSpec.demo(), AccessFixtures.snapshot(), null, "demo"));
        page = ctx.show(stage, new AccessPage(ctx));
    }

    @SuppressWarnings("unchecked")
    private TableView<SubjectRisk> subjects(FxRobot robot) {
        return robot.lookup("#access-subjects").queryAs(TableView.class);
    }

    private static List<String> rows(TableView<SubjectRisk> t) {
        return t.getItems().stream().map(r -> r.subject().display()).toList();
    }

    @Test
    void showsTheRankingWithSystemAccessCollapsed(FxRobot robot) {
        TableView<SubjectRisk> t = subjects(robot);
        assertThat(rows(t)).containsExactly("ServiceAccount/team-b/deployer", "User/alice", "Group/devs",
                "ServiceAccount/team-a/backend");
        assertThat(robot.lookup("#access-count").queryAs(Label.class).getText())
                .isEqualTo("Risky subjects (4 shown of 5)");
        TitledPane system = robot.lookup("#access-system-group").queryAs(TitledPane.class);
        assertThat(system.isVisible()).isTrue();
        assertThat(system.isExpanded()).isFalse();
        assertThat(system.getText()).startsWith("Expected system access (1 subjects");

        robot.clickOn("#access-show-system");
        assertThat(rows(t)).contains("User/system:kube-controller-manager");
        assertThat(system.isVisible()).isFalse();
        robot.interact(() -> robot.lookup("#access-show-system").queryAs(CheckBox.class).setSelected(false));
        assertThat(rows(t)).doesNotContain("User/system:kube-controller-manager");
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersByKindTextAndNamespace(FxRobot robot) {
        TableView<SubjectRisk> t = subjects(robot);
        robot.interact(() -> robot.lookup("#access-kind").queryAs(ComboBox.class).setValue("Group"));
        assertThat(rows(t)).containsExactly("Group/devs");
        robot.interact(() -> robot.lookup("#access-kind").queryAs(ComboBox.class).setValue("All kinds"));
        robot.clickOn("#access-filter").write("alice");
        assertThat(rows(t)).containsExactly("User/alice");
        robot.interact(() -> robot.lookup("#access-filter").queryAs(TextField.class).clear());
        robot.interact(() -> state.namespaceFilter.setAll("team-b"));
        assertThat(rows(t)).containsExactly("ServiceAccount/team-b/deployer", "User/alice");
        robot.interact(() -> state.namespaceFilter.clear());
        assertThat(rows(t)).hasSize(4);
    }

    @Test
    void aFilterMatchingNoSubjectShowsWhyInTheTablesPlaceAndKeepsItsRows(FxRobot robot) {
        TableView<SubjectRisk> t = subjects(robot);
        javafx.scene.Node noMatch = robot.lookup("#access-no-match").query();
        assertThat(noMatch.isVisible()).isFalse();
        robot.clickOn("#access-filter").write("zz-no-such-subject");
        assertThat(page.viewModel().subjects).isEmpty();
        assertThat(noMatch.isVisible()).as("says why the list is empty").isTrue();
        assertThat(t.isVisible()).isFalse();
        assertThat(robot.lookup("No risky subject matches the filters").tryQuery()).isPresent();
        assertThat(rows(t)).as("its rows are not emptied (the table's first emptying is slow on a large cluster)")
                .hasSize(4);
        // a filter matching some again: the table with exactly those
        robot.interact(() -> robot.lookup("#access-filter").queryAs(TextField.class).setText("alice"));
        assertThat(t.isVisible()).isTrue();
        assertThat(noMatch.isVisible()).isFalse();
        assertThat(rows(t)).containsExactly("User/alice");
        robot.interact(() -> robot.lookup("#access-filter").queryAs(TextField.class).clear());
        assertThat(rows(t)).hasSize(4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whoCanQueryShowsSubjectsWithPaths(FxRobot robot) {
        robot.interact(() -> ((AccessView) page.view()).showTab("tab-who-can"));
        robot.interact(() -> {
            robot.lookup("#who-verb").queryAs(ComboBox.class).setValue("create");
            // the subresource in its own field: "pods/exec" would be the pod named exec, as in `kustodian who-can`
            robot.lookup("#who-resource").queryAs(TextField.class).setText("pods");
            robot.lookup("#who-subresource").queryAs(TextField.class).setText("exec");
            robot.lookup("#who-namespace").queryAs(ComboBox.class).setValue("team-a");
        });
        robot.clickOn("#who-run");
        TreeView<String> tree = robot.lookup("#who-results").queryAs(TreeView.class);
        List<String> subjects = tree.getRoot().getChildren().stream().map(TreeItem::getValue).toList();
        assertThat(subjects).anySatisfy(s -> assertThat(s).startsWith("ServiceAccount/team-a/backend"));
        TreeItem<String> backend = tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue().startsWith("ServiceAccount/team-a/backend")).findFirst().orElseThrow();
        assertThat(backend.getChildren()).extracting(TreeItem::getValue)
                .containsExactly("RoleBinding/team-a/backend-exec → Role/team-a/pod-exec → verbs=[create] "
                        + "apiGroups=[\"\"] resources=[pods/exec]");
        assertThat(robot.lookup("#who-message").queryAs(Label.class).getText())
                .contains("create pods/exec in namespace team-a");
    }

    @Test
    @SuppressWarnings("unchecked")
    void subjectViewShowsPathsRulesAndMatrix(FxRobot robot) {
        TableView<SubjectRisk> t = subjects(robot);
        robot.interact(() -> t.getSelectionModel().select(3));
        assertThat(robot.lookup("#subject-title").queryAs(Label.class).getText())
                .isEqualTo("ServiceAccount/team-a/backend");
        TreeView<String> paths = robot.lookup("#subject-paths").queryAs(TreeView.class);
        TreeItem<String> binding = paths.getRoot().getChildren().get(0);
        assertThat(binding.getValue()).isEqualTo("RoleBinding/team-a/backend-exec");
        TreeItem<String> role = binding.getChildren().get(0);
        assertThat(role.getValue()).isEqualTo("Role/team-a/pod-exec");
        assertThat(role.getChildren().get(0).getValue()).contains("resources=[pods/exec]");
        robot.interact(() -> ((AccessView) page.view()).showSubjectPart("part-rules")); // built when first shown
        TableView<?> rules = robot.lookup("#subject-rules").queryAs(TableView.class);
        assertThat(rules.getItems()).hasSize(1);
        robot.interact(() -> ((AccessView) page.view()).showSubjectPart("part-matrix"));
        TableView<AccessViewModel.MatrixRow> matrix = robot.lookup("#subject-matrix").queryAs(TableView.class);
        assertThat(matrix.getItems()).anySatisfy(r -> {
            assertThat(r.resource()).isEqualTo("pods/exec");
            assertThat(r.verbs().get("create")).isTrue();
        });
        // ✓/✗ with words, not colour only
        assertThat(robot.lookup("#subject-matrix .matrix-yes").queryAllAs(javafx.scene.control.TableCell.class))
                .isNotEmpty().allSatisfy(c -> assertThat(c.getText()).isEqualTo("yes"));
        assertThat(robot.lookup("#subject-matrix .matrix-no").queryAllAs(javafx.scene.control.TableCell.class))
                .isNotEmpty().allSatisfy(c -> assertThat(c.getText()).isEqualTo("no"));

        // the right-size wizard is not registered here: the button is disabled
        assertThat(robot.lookup("#right-size").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretReadersView(FxRobot robot) {
        robot.interact(() -> ((AccessView) page.view()).showSecret("team-a/db-credentials"));
        TableView<AccessViewModel.ReaderRow> readers = robot.lookup("#secret-readers").queryAs(TableView.class);
        assertThat(readers.getItems()).extracting(r -> r.subject().display())
                .contains("User/alice", "ServiceAccount/team-b/deployer", "Group/devs");
        assertThat(readers.getItems()).anyMatch(r -> !r.direct());
        AccessViewModel.ReaderRow deployer = readers.getItems().stream()
                .filter(r -> r.direct() && r.subject().name().equals("deployer")).findFirst().orElseThrow();
        assertThat(deployer.how()).hasSize(3); // get, list, watch in one row
        assertThat(deployer.paths()).singleElement().asString()
                .startsWith("ClusterRoleBinding/ci-can-list-secrets → ClusterRole/secret-lister");
        assertThat(robot.lookup("#secret-readers-note").queryAs(Label.class).getText())
                .contains("directly").contains("expected system path(s) not listed");
        robot.clickOn("#access-show-system");
        assertThat(readers.getItems()).extracting(r -> r.subject().display())
                .contains("User/system:kube-controller-manager");
    }
}
