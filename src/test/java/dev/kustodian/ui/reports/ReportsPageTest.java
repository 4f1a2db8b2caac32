package dev.kustodian.ui.reports;

import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.secrets.SecretsFixture;
import dev.kustodian.ui.wizard.SecretReaderRoleWizard;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Reports page: findings of all areas, filter, include-system toggle, detail with Fix, export with overwrite question. */
@ExtendWith(ApplicationExtension.class)
class ReportsPageTest {
    private final AppState state = new AppState();
    private final List<String> opened = new ArrayList<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ReportsPage page;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        TestPageContext.lightTheme();
        ClusterSnapshot s = SecretsFixture.snapshot(SourceInfo.Kind.LIVE);
        List<Finding> findings = new ArrayList<>(SecretsFixture.findings(s));
        findings.add(Finding.of("RBAC-SECRETS-LIST", "rbac", Severity.CRITICAL,
                new ObjectRef("ServiceAccount", "shop", "ci"), "ci can list every secret of shop",
                "Listing returns values.", "Bind a Role with get on named secrets.", List.of("5.1.2"))
                .withFix(SecretReaderRoleWizard.ID));
        findings.add(Finding.of("RBAC-SYSTEM", "rbac", Severity.HIGH, new ObjectRef("ServiceAccount", "kube-system",
                "generic-garbage-collector"), "expected system access", "System.", "None.", List.of()).asSystem());
        state.findings.set(findings);
        state.session.set(SecretsFixture.session(SourceSpec.live(null, "test"), s, null));
        TestPageContext ctx = SecretsFixture.context(state, new SameThreadTaskExecutor(), dialogs,
                new WizardRegistry().register(SecretReaderRoleWizard::new), opened);
        page = ctx.show(stage, new ReportsPage(ctx, SecretsFixture.CLOCK));
    }

    @SuppressWarnings("unchecked")
    private TableView<Finding> table(FxRobot robot) {
        return robot.lookup("#findings-table").queryAs(TableView.class);
    }

    @Test
    void listsFindingsOfAllAreasSortedBySeverityWithoutSystemByDefault(FxRobot robot) {
        TableView<Finding> t = table(robot);
        int all = state.findings().size();
        long system = state.findings().stream().filter(Finding::system).count();
        assertThat(system).isPositive();
        assertThat(t.getItems()).hasSize((int) (all - system)).noneMatch(Finding::system);
        assertThat(t.getItems().get(0).severity()).isEqualTo(Severity.CRITICAL);
        List<Finding> expected = new ArrayList<>(state.findings().stream().filter(f -> !f.system()).toList());
        expected.sort(java.util.Comparator.comparing(Finding::severity, java.util.Comparator.reverseOrder()));
        assertThat(t.getItems()).as("by severity, highest first, ties in load order").containsExactlyElementsOf(expected);
        assertThat(t.getItems()).extracting(Finding::area).contains("rbac", "secrets");
        assertThat(robot.lookup("#reports-header").queryAs(Label.class).getText())
                .contains(system + " expected system finding(s) hidden");
        robot.clickOn("#include-system");
        assertThat(robot.lookup("#include-system").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(t.getItems()).hasSize(all).anyMatch(Finding::system);
    }

    @Test
    void aClickedColumnSortsTheRowsInTheFilteringTaskAndTheExportKeepsLoadOrder(FxRobot robot) {
        TableView<Finding> t = table(robot);
        List<Finding> loadOrder = state.findings().stream().filter(f -> !f.system()).toList();
        robot.clickOn("Rule"); // the column header: ascending by rule
        List<Finding> byRule = new ArrayList<>(loadOrder);
        byRule.sort(java.util.Comparator.comparing(Finding::rule));
        assertThat(t.getItems()).as("by rule, ties in load order").containsExactlyElementsOf(byRule);
        robot.clickOn("Rule"); // descending
        List<Finding> byRuleDown = new ArrayList<>(loadOrder);
        byRuleDown.sort(java.util.Comparator.comparing(Finding::rule).reversed());
        assertThat(t.getItems()).containsExactlyElementsOf(byRuleDown);
        assertThat(page.viewModel().report(SecretsFixture.CLOCK.instant()).findings()).as("the export: load order")
                .containsExactlyElementsOf(loadOrder);
        robot.clickOn("#reports-filter").write("rbac");
        assertThat(t.getItems()).isNotEmpty().allMatch(f -> f.area().equals("rbac") || f.rule().toLowerCase()
                .contains("rbac") || f.title().toLowerCase().contains("rbac")
                || f.object().display().toLowerCase().contains("rbac"));
        assertThat(t.getItems()).isSortedAccordingTo(java.util.Comparator.comparing(Finding::rule).reversed());
    }

    @Test
    void cisIdsAreNumberedInTheClustersBenchmarkAndNamedBesideThem(FxRobot robot) {
        robot.interact(() -> {
            state.analysis.set(dev.kustodian.core.analysis.Analysis.of(state.snapshot()));
            page.onSnapshot(state.snapshot(), state.session());
        });
        assertThat(state.cisBenchmark()).isEqualTo("cis-1.11"); // v1.31.2, as kube-bench maps it
        TableView<Finding> t = table(robot);
        int withCis = -1;
        for (int i = 0; i < t.getItems().size() && withCis < 0; i++) {
            withCis = t.getItems().get(i).cis().isEmpty() ? -1 : i;
        }
        assertThat(withCis).as("a finding with CIS ids").isNotNegative();
        int row = withCis;
        robot.interact(() -> t.getSelectionModel().select(row));
        assertThat(robot.lookup("#finding-cis").queryAs(Label.class).getText()).contains("in benchmark cis-1.11");
        String exported = dev.kustodian.core.report.ReportWriter.toString(page.viewModel().report(SecretsFixture.NOW),
                dev.kustodian.core.report.ReportFormat.MARKDOWN);
        assertThat(exported).contains("CIS ids: cis-1.11");
    }

    @Test
    void filterAndDetailWithFixButton(FxRobot robot) {
        robot.clickOn("#reports-filter").write("list every");
        TableView<Finding> t = table(robot);
        assertThat(t.getItems()).extracting(Finding::rule).containsExactly("RBAC-SECRETS-LIST");
        robot.interact(() -> t.getSelectionModel().select(0));
        assertThat(robot.lookup("#finding-title").queryAs(Label.class).getText())
                .isEqualTo("ci can list every secret of shop");
        assertThat(robot.lookup("#finding-cis").queryAs(Label.class).getText()).contains("5.1.2");
        Button fix = robot.lookup("#finding-fix").queryButton();
        assertThat(fix.isDisabled()).isFalse();
        robot.clickOn(fix);
        assertThat(opened).containsExactly("secret-reader-role ServiceAccount/shop/ci");
        robot.interact(() -> state.namespaceFilter.setAll("payments"));
        assertThat(t.getItems()).isEmpty();
    }

    @Test
    void exportsEveryFormatAndAsksBeforeReplacing(FxRobot robot) throws Exception {
        for (var fmt : dev.kustodian.core.report.ReportFormat.values()) {
            Path file = dir.resolve("report-" + fmt.id() + "." + fmt.extension()); // two formats share .yaml
            dialogs.nextFile = file;
            robot.interact(() -> robot.lookup("#export-format").queryAs(ComboBox.class).setValue(fmt));
            robot.clickOn("#export-button");
            assertThat(file).exists();
            String text = Files.readString(file);
            assertThat(text).contains("RBAC-SECRETS-LIST").doesNotContain("generic-garbage-collector");
        }
        assertThat(Files.readString(dir.resolve("report-sarif.sarif"))).contains("\"version\" : \"2.1.0\"");
        assertThat(dialogs.ofKind("info")).hasSize(dev.kustodian.core.report.ReportFormat.values().length);
        assertThat(dialogs.ofKind("confirm")).isEmpty();
        // an existing file: asked; declined: left as it was
        Path existing = dir.resolve("report.json");
        Files.writeString(existing, "keep me");
        dialogs.nextFile = existing;
        dialogs.confirmAnswer = false;
        robot.interact(() -> robot.lookup("#export-format").queryAs(ComboBox.class)
                .setValue(dev.kustodian.core.report.ReportFormat.JSON));
        robot.clickOn("#export-button");
        assertThat(dialogs.ofKind("confirm")).hasSize(1);
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        dialogs.confirmAnswer = true;
        robot.clickOn("#export-button");
        assertThat(Files.readString(existing)).contains("\"findings\"");
    }
}
