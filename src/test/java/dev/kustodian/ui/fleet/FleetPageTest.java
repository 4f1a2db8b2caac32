package dev.kustodian.ui.fleet;

import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.KubeContexts;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.QueuedTaskExecutor;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The Fleet page: several contexts (one unreachable), Scan all, progress and cancel, open a context from its row. */
@ExtendWith(ApplicationExtension.class)
class FleetPageTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T14:02:00Z"), ZoneOffset.UTC);
    private final FleetFixture contexts = new FleetFixture();
    private Stage stage;

    @Start
    void start(Stage stage) {
        TestPageContext.lightTheme();
        this.stage = stage;
    }

    /** A page context with the fixture's contexts and the given executor. */
    static PageContext context(AppState state, TaskExecutor tasks, KubeContexts contexts) {
        return new TestPageContext(state, tasks, new RecordingDialogService(), new WizardRegistry(), new ArrayList<>(),
                contexts);
    }

    private FleetPage show(FxRobot robot, TaskExecutor tasks) {
        FleetPage[] page = new FleetPage[1];
        robot.interact(() -> {
            page[0] = new FleetPage(context(new AppState(), tasks, contexts), CLOCK);
            stage.setScene(new Scene((Parent) page[0].view(), 1600, 1000));
            stage.show();
        });
        return page[0];
    }

    @SuppressWarnings("unchecked")
    private static TableView<FleetViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#fleet-table").queryAs(TableView.class);
    }

    @Test
    void nothingIsLoadedBeforeScanAllThenEveryContextGetsItsRow(FxRobot robot) {
        new FleetPage(context(new AppState(), new SameThreadTaskExecutor(), contexts), CLOCK);
        assertThat(contexts.loaded).as("a page nobody opened does no work").isEmpty();
        FleetPage page = show(robot, new SameThreadTaskExecutor());
        assertThat(contexts.loaded).isEmpty();
        TableView<FleetViewModel.Row> t = table(robot);
        assertThat(t.getItems()).extracting(FleetViewModel.Row::context)
                .containsExactly("prod-eu", "staging", "lab-offline", "dev");
        assertThat(t.getItems()).allMatch(r -> r.status() == FleetViewModel.Status.NOT_SCANNED);
        assertThat(t.getItems().get(0).production()).isTrue();
        assertThat(robot.lookup(".fleet-production").queryAll()).isNotEmpty();

        robot.clickOn("#fleet-scan-all");
        assertThat(contexts.loaded).containsExactlyInAnyOrder("prod-eu", "staging", "lab-offline", "dev");
        FleetViewModel.Row prod = t.getItems().get(0);
        assertThat(prod.status()).isIn(FleetViewModel.Status.OK, FleetViewModel.Status.PARTIAL);
        assertThat(prod.total()).isPositive();
        assertThat(prod.cell("rbac")).contains("C");
        assertThat(prod.scannedAt()).isEqualTo(CLOCK.instant());
        FleetViewModel.Row down = t.getItems().get(2);
        assertThat(down.status()).isEqualTo(FleetViewModel.Status.UNREACHABLE);
        assertThat(down.message()).contains("refused the connection");
        assertThat(down.cell("rbac")).isEqualTo("—");
        assertThat(robot.lookup("#fleet-progress-text").queryAs(Label.class).getText())
                .contains("Scanned 4 context(s)", "3 ok", "1 unreachable");
        assertThat(robot.lookup("#fleet-summary").queryAs(Label.class).getText())
                .contains("4 context(s)", "3 scanned", "1 not reachable", "1 production");

        robot.interact(() -> t.getSelectionModel().select(2));
        assertThat(robot.lookup("#fleet-detail").queryAs(Label.class).getText())
                .contains("lab-offline", "unreachable", "refused the connection");
        assertThat(page.viewModel().rows).hasSize(4);
    }

    @Test
    void openSwitchesTheAppToTheRowsContext(FxRobot robot) {
        show(robot, new SameThreadTaskExecutor());
        TableView<FleetViewModel.Row> t = table(robot);
        assertThat(robot.lookup("#fleet-open").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> t.getSelectionModel().select(3));
        robot.clickOn("#fleet-open");
        assertThat(contexts.opened).containsExactly("dev");
        robot.doubleClickOn("prod-eu");
        assertThat(contexts.opened).containsExactly("dev", "prod-eu");
    }

    @Test
    void theLastInClusterScanIsReadFromPublishedReportsWithoutALoad(FxRobot robot) {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        show(robot, tasks);
        TableView<FleetViewModel.Row> t = table(robot);
        assertThat(tasks.waiting()).as("read in the background when the page is shown").isEqualTo(1);
        assertThat(t.getItems()).allMatch(r -> r.inClusterNote().equals("reading…"));
        robot.interact(tasks::runNext);
        assertThat(contexts.loaded).as("no load: a few list requests per context").isEmpty();
        assertThat(contexts.connected).containsExactlyInAnyOrder("prod-eu", "staging", "lab-offline", "dev");
        FleetViewModel.Row prod = t.getItems().get(0);
        assertThat(prod.inCluster()).isNotNull();
        assertThat(prod.inCluster().scannedAt()).isEqualTo(FleetFixture.PUBLISHED_AT);
        assertThat(prod.inCluster().fail()).isEqualTo(3);
        assertThat(prod.inClusterCell(java.time.format.DateTimeFormatter.ISO_INSTANT)).isEqualTo(
                "2026-12-04T12:00:00Z · 1C 2H");
        assertThat(t.getItems().get(1).inClusterNote()).isEqualTo("none published");
        assertThat(t.getItems().get(2).inClusterNote()).isEqualTo("unreachable");
        assertThat(t.getItems().get(3).inClusterNote()).contains("403");
        assertThat(robot.lookup("Last in-cluster scan").tryQuery()).isPresent();
        robot.interact(() -> t.getSelectionModel().select(0));
        assertThat(robot.lookup("#fleet-detail").queryAs(Label.class).getText())
                .contains("Last in-cluster scan:", "3 finding(s) (1 critical, 2 high)", "PolicyReport/ClusterPolicyReport");
    }

    @Test
    void aRunningScanShowsProgressAndCanBeCancelled(FxRobot robot) {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        show(robot, tasks);
        robot.interact(tasks::runNext); // the published reports, read when the page is shown
        robot.clickOn("#fleet-scan-all");
        assertThat(tasks.waiting()).isEqualTo(1);
        TableView<FleetViewModel.Row> t = table(robot);
        assertThat(t.getItems()).allMatch(r -> r.status() == FleetViewModel.Status.SCANNING);
        assertThat(robot.lookup("#fleet-scan-all").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#fleet-cancel").queryAs(Button.class).isVisible()).isTrue();
        robot.clickOn("#fleet-cancel");
        robot.interact(tasks::runNext);
        assertThat(contexts.loaded).isEmpty();
        assertThat(t.getItems()).allMatch(r -> r.status() == FleetViewModel.Status.NOT_SCANNED);
        assertThat(robot.lookup("#fleet-progress-text").queryAs(Label.class).getText()).contains("cancelled");
        assertThat(robot.lookup("#fleet-scan-all").queryAs(Button.class).isDisabled()).isFalse();
    }
}
