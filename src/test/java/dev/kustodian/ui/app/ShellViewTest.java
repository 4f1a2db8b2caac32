package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestSnapshots;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell, headless: start-up source, navigation and shortcuts, namespace filter, context switch, errors. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
    private final List<SourceSpec> opened = new ArrayList<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private ShellView shell;
    private Stage stage;
    private SecretsLikePage secretsPage;
    /** What the fake loader does for LIVE context "broken". */
    private static final String BROKEN_MESSAGE = "The kubeconfig /home/u/.kube/config is malformed (line 3: mapping "
            + "values are not allowed here). Fix the file or choose another with --kubeconfig.";

    /** A minimal second page with a filter field, as later pages will be. */
    static final class SecretsLikePage implements Page {
        final TextField filter = new TextField();
        final PageContext ctx;
        ClusterSnapshot last;
        final Label label = new Label("secrets page");

        SecretsLikePage(PageContext ctx) {
            this.ctx = ctx;
            filter.setId("secrets-filter");
        }

        @Override public String id() { return "secrets"; }
        @Override public String title() { return "Secrets"; }
        @Override public Ikon icon() { return Feather.KEY; }
        @Override public int order() { return 2; }
        @Override public Node view() { return new javafx.scene.layout.VBox(filter, label); }
        @Override public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) { last = snapshot; }
        @Override public TextInputControl filterField() { return filter; }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SessionOpener opener = (spec, progress, cancel) -> {
            opened.add(spec);
            progress.update(0.5, "listing secrets");
            if (spec.kind() == SourceSpec.Kind.LIVE && "broken".equals(spec.context())) {
                throw new UserFacingException(UserFacingException.Category.BAD_INPUT, BROKEN_MESSAGE);
            }
            if (spec.kind() == SourceSpec.Kind.SNAPSHOT) {
                return SessionOpener.CLUSTER_LOADER.open(spec, progress, cancel); // the real snapshot loader
            }
            return TestSnapshots.session(spec);
        };
        PageRegistry pages = Pages.pages();
        pages.register(ctx -> secretsPage = new SecretsLikePage(ctx));
        shell = KustodianApp.createShell(tasks, dialogs, opener,
                ContextSource.of(List.of("dev", "prod-eu", "broken"), "dev", true), Settings.inMemory(), pages,
                Pages.wizards());
        stage.setScene(new Scene(shell, 1600, 1000));
        stage.show();
    }

    @Test
    void startsOnTheCurrentContextAndShowsOverview(FxRobot robot) {
        int before = tasks.submitted();
        assertThat(before).as("background work started by creating the pages (before any is shown)").isZero();
        robot.interact(() -> shell.viewModel().startUp());
        assertThat(opened).containsExactly(SourceSpec.live(null, "dev"));
        assertThat(tasks.submitted() - before).isEqualTo(1); // the load and its analysis: one task
        assertThat(shell.currentPage().id()).isEqualTo("overview");
        assertThat(robot.lookup("#posture-cards").tryQuery()).isPresent();
        assertThat(robot.lookup("#source-label").queryAs(Label.class).getText()).startsWith("live: dev · ");
        assertThat(robot.lookup("#context-banner").queryAs(Label.class).getText()).isEqualTo("Context dev");
        assertThat(robot.lookup("#identity").queryAs(Label.class).getText()).isEqualTo("as kubernetes-admin");
        assertThat(robot.lookup("#gaps-link").queryLabeled().getText()).isEqualTo("1 kind not visible — details");
        assertThat(secretsPage.last).isNotNull();
        robot.clickOn("#gaps-link");
        assertThat(dialogs.ofKind("info")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("configmaps in payments"));
    }

    @Test
    void startsOnTheDemoWithoutKubeconfig(FxRobot robot) {
        SessionOpener opener = (spec, p, c) -> {
            opened.add(spec);
            return TestSnapshots.session(spec);
        };
        ShellViewModel vm = new ShellViewModel(new AppState(), tasks, opener,
                ContextSource.of(List.of(), null, false), Settings.inMemory());
        robot.interact(vm::startUp);
        assertThat(opened).containsExactly(SourceSpec.demo());
        assertThat(vm.sourceLabel.get()).startsWith("demo");
        assertThat(vm.bannerText.get()).startsWith("Demo cluster");
    }

    @Test
    void navigatesWithClicksAndShortcutsAndFocusesTheFilter(FxRobot robot) {
        robot.interact(() -> shell.viewModel().startUp());
        robot.clickOn("Secrets");
        assertThat(shell.currentPage().id()).isEqualTo("secrets");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(shell.currentPage().id()).isEqualTo("overview");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(shell.currentPage().id()).isEqualTo("secrets");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(secretsPage.filter.isFocused()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        assertThat(opened).hasSize(2).allMatch(s -> s.equals(SourceSpec.live(null, "dev")));
        // every page has its shortcut, and the status bar names the last one (9: Fleet)
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL);
        assertThat(shell.currentPage().id()).isEqualTo("fleet");
        assertThat(robot.lookup("#shortcuts-hint").queryAs(Label.class).getText())
                .isEqualTo("Ctrl+1…9 pages · Ctrl+F filter · Ctrl+R refresh");
    }

    @Test
    void namespaceFilterSelectsOneOrSeveral(FxRobot robot) {
        robot.interact(() -> shell.viewModel().startUp());
        AppState state = shell.viewModel().state;
        robot.clickOn("#namespace-filter").clickOn("team-a");
        assertThat(state.namespaceFilter).containsExactly("team-a");
        assertThat(robot.lookup("#namespace-filter").queryLabeled().getText()).isEqualTo("team-a");
        robot.clickOn("#namespace-filter").clickOn("payments");
        assertThat(state.namespaceFilter).containsExactly("team-a", "payments");
        assertThat(robot.lookup("#namespace-filter").queryLabeled().getText()).isEqualTo("2 namespaces");
        assertThat(state.namespaceVisibility().test("team-b")).isFalse();
        assertThat(state.namespaceVisibility().test("")).isTrue();
        robot.clickOn("#namespace-filter").clickOn("All namespaces");
        assertThat(state.namespaceFilter).isEmpty();
        assertThat(robot.lookup("#namespace-filter").queryLabeled().getText()).isEqualTo("All namespaces");
    }

    @Test
    void switchingToAProductionContextTurnsTheBannerRed(FxRobot robot) {
        robot.interact(() -> shell.viewModel().startUp());
        @SuppressWarnings("unchecked")
        ComboBox<String> picker = robot.lookup("#context-picker").queryAs(ComboBox.class);
        assertThat(picker.getValue()).isEqualTo("dev");
        robot.interact(() -> picker.setValue("prod-eu"));
        assertThat(opened).last().isEqualTo(SourceSpec.live(null, "prod-eu"));
        Label banner = robot.lookup("#context-banner").queryAs(Label.class);
        assertThat(banner.getText()).startsWith("PRODUCTION context prod-eu");
        assertThat(banner.getStyleClass()).contains("banner-production");
        assertThat(shell.viewModel().state.isProduction()).isTrue();
        // the user can unmark it, and mark any other context
        robot.clickOn("#production-toggle");
        assertThat(shell.viewModel().state.isProduction()).isFalse();
        assertThat(banner.getStyleClass()).contains("banner-live").doesNotContain("banner-production");
        robot.interact(() -> picker.setValue("dev"));
        assertThat(banner.getStyleClass()).contains("banner-live");
        robot.clickOn("#production-toggle");
        assertThat(banner.getText()).startsWith("PRODUCTION context dev");
    }

    @Test
    void brokenKubeconfigShowsAnErrorStateWithNextActions(FxRobot robot) {
        robot.interact(() -> shell.viewModel().switchContext("broken"));
        assertThat(robot.lookup("#error-state").tryQuery()).isPresent();
        assertThat(robot.lookup(BROKEN_MESSAGE).tryQuery()).isPresent();
        assertThat(robot.lookup("Retry").tryQuery()).isPresent();
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).isEqualTo("Error");
        robot.clickOn("Open demo cluster");
        assertThat(opened).last().isEqualTo(SourceSpec.demo());
        assertThat(robot.lookup("#error-state").tryQuery()).isEmpty();
        assertThat(robot.lookup("#posture-cards").tryQuery()).isPresent();
    }

    @Test
    void unreadableSnapshotPathShowsAnErrorStateNotAStackTrace(FxRobot robot) {
        dialogs.nextFile = Path.of("/nonexistent/missing-snapshot.yaml");
        robot.clickOn("File").clickOn("Open snapshot…");
        assertThat(opened).last().isEqualTo(SourceSpec.snapshot(dialogs.nextFile));
        assertThat(robot.lookup("#error-state").tryQuery()).isPresent();
        Label title = robot.lookup(".empty-state-title").queryAs(Label.class);
        assertThat(title.getText()).contains("snapshot /nonexistent/missing-snapshot.yaml");
        Label message = robot.lookup(".empty-state-message").queryAs(Label.class);
        assertThat(message.getText()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void loadErrorsAreSentences() {
        var e = ShellViewModel.toError(SourceSpec.live(null, "x"), new RuntimeException(
                new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "Cannot reach it.")));
        assertThat(e.title()).isEqualTo("Cannot reach context x");
        assertThat(e.message()).isEqualTo("Cannot reach it.");
        var other = ShellViewModel.toError(SourceSpec.demo(), new IllegalStateException("boom\n\tat x.y"));
        // issue 16: no exception class names in what the user reads
        assertThat(other.message()).contains("internal error", "the demo cluster")
                .doesNotContain("IllegalStateException").doesNotContain("at x.y");
    }

    private static Path resource(String name) {
        try {
            return Path.of(ShellViewTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void opensARealSnapshotFolder(FxRobot robot) {
        dialogs.nextFile = resource("/snapshots/basic");
        robot.clickOn("File").clickOn("Open snapshot…");
        assertThat(robot.lookup("#error-state").tryQuery()).isEmpty();
        assertThat(robot.lookup("#source-label").queryAs(Label.class).getText()).isEqualTo("snapshot: basic");
        assertThat(robot.lookup("#context-banner").queryAs(Label.class).getText()).startsWith("Snapshot file");
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).isEqualTo("Offline (snapshot)");
        assertThat(shell.viewModel().state.snapshot().secrets()).isNotEmpty();
        assertThat(shell.viewModel().namespaces).isNotEmpty();
    }

    @Test
    void malformedSnapshotNamesFileAndLine(FxRobot robot) {
        robot.interact(() -> shell.viewModel().openSnapshot(resource("/snapshots/bad/broken.yaml")));
        assertThat(robot.lookup("#error-state").tryQuery()).isPresent();
        assertThat(robot.lookup(".empty-state-message").queryAs(Label.class).getText()).contains("broken.yaml");
    }

    /** A page that counts its creation and records the loads it is given. */
    static final class CountingPage implements Page {
        static final PageInfo INFO = new PageInfo("counting", "Counting", Feather.CLOCK, 5);
        static int created;
        final List<ClusterSnapshot> loads = new ArrayList<>();

        CountingPage(PageContext ctx) {
            created++;
        }

        @Override public String id() { return INFO.id(); }
        @Override public String title() { return INFO.title(); }
        @Override public Ikon icon() { return INFO.icon(); }
        @Override public int order() { return INFO.order(); }
        @Override public Node view() { return new Label("counting page"); }
        @Override public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) { loads.add(snapshot); }
    }

    @Test
    void aPageIsCreatedWhenFirstNeededWithTheCurrentLoad(FxRobot robot) {
        CountingPage.created = 0;
        PageRegistry pages = overviewAnd(CountingPage.INFO, CountingPage::new);
        ShellView[] s = new ShellView[1];
        robot.interact(() -> s[0] = KustodianApp.createShell(tasks, dialogs, (spec, p, c) -> TestSnapshots.session(spec),
                ContextSource.of(List.of("dev"), "dev", true), Settings.inMemory(), pages, new WizardRegistry()));
        assertThat(CountingPage.created).as("no page is created with the shell").isZero();

        robot.interact(() -> s[0].viewModel().startUp());
        assertThat(s[0].currentPage().id()).isEqualTo("overview");
        assertThat(CountingPage.created).as("the load itself creates no other page (the shell is in no window)")
                .isZero();

        CountingPage page = (CountingPage) s[0].page("counting").orElseThrow();
        assertThat(CountingPage.created).isEqualTo(1);
        assertThat(page.loads).as("created after a load: starts from it").containsExactly(
                s[0].viewModel().state.snapshot());

        robot.interact(() -> s[0].viewModel().refresh());
        assertThat(page.loads).hasSize(2).last().isSameAs(s[0].viewModel().state.snapshot());
        assertThat(s[0].page("counting")).containsSame(page);
        assertThat(CountingPage.created).isEqualTo(1);
    }

    /** A page whose work waits until it is shown. */
    static final class ShownPage extends dev.kustodian.ui.framework.AbstractPage<Label, Object> {
        static final PageInfo INFO = new PageInfo("shown", "Shown", Feather.EYE, 6);
        final List<ClusterSnapshot> loads = new ArrayList<>();
        int shownRuns;

        ShownPage(PageContext ctx) {
            super(ctx, INFO, new Object(), (vm, c) -> new Label("shown page"));
        }

        @Override
        public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
            loads.add(snapshot);
            whenShown(() -> shownRuns++);
        }
    }

    /** A shell with {@code pages} that prepares its pages ahead, as the app's window does, once they are prepared. */
    private ShellView preparedShell(FxRobot robot, PageRegistry pages) throws Exception {
        return preparedShell(robot, pages, tasks, () -> { });
    }

    /** The shell with {@code executor}, preparing its pages ahead; {@code afterStartUp} runs right after start-up. */
    private ShellView preparedShell(FxRobot robot, PageRegistry pages, dev.kustodian.ui.framework.TaskExecutor executor,
                                    Runnable afterStartUp) throws Exception {
        ShellView[] s = new ShellView[1];
        robot.interact(() -> {
            s[0] = KustodianApp.createShell(executor, dialogs, (spec, p, c) -> TestSnapshots.session(spec),
                    ContextSource.of(List.of("dev"), "dev", true), Settings.inMemory(), pages, new WizardRegistry());
            s[0].preparePagesAhead(); // as the app's window does
            stage.setScene(new Scene(s[0], 1200, 800));
            s[0].viewModel().startUp();
            afterStartUp.run();
        });
        java.util.concurrent.CompletableFuture<Void> prepared = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> s[0].whenPagesPrepared(() -> prepared.complete(null)));
        prepared.get(1, java.util.concurrent.TimeUnit.MINUTES); // waits for the idle pulses; asserts no duration
        return s[0];
    }

    @Test
    void pagesNotShownArePreparedAheadInIdlePulsesWithoutBeingShown(FxRobot robot) throws Exception {
        PageRegistry pages = overviewAnd(ShownPage.INFO, ShownPage::new);
        ShellView shell = preparedShell(robot, pages);

        ShownPage page = (ShownPage) shell.page("shown").orElseThrow();
        assertThat(page.loads).as("created with the load on screen").containsExactly(
                shell.viewModel().state.snapshot());
        assertThat(page.hasView()).isTrue();
        Node overview = shell.page("overview").orElseThrow().view();
        assertThat(page.view().getScene()).as("styled in the scene and kept there, hidden").isNotNull();
        assertThat(page.view().isVisible()).isFalse();
        assertThat(page.shownRuns).as("work for a shown page waits while the page is only prepared").isZero();
        assertThat(shell.currentPage().id()).isEqualTo("overview");
        assertThat(visibleIn(shell)).containsExactly(overview);

        robot.interact(() -> shell.showPage(page));
        assertThat(page.view().getScene()).isNotNull();
        assertThat(page.shownRuns).isEqualTo(1);
        assertThat(visibleIn(shell)).as("one page at a time").containsExactly(page.view());
        assertThat(overview.getScene()).as("the page left stays in the scene, hidden").isNotNull();

        robot.interact(() -> shell.showPage(shell.page("overview").orElseThrow()));
        assertThat(visibleIn(shell)).containsExactly(overview);
        assertThat(page.view().getParent()).isSameAs(overview.getParent());
        assertThat(overview.getParent().getChildrenUnmodifiable()).containsExactlyInAnyOrder(overview, page.view());
    }

    /** The Overview page (shown first) and one other page. */
    private static PageRegistry overviewAnd(dev.kustodian.ui.framework.PageInfo info,
                                            java.util.function.Function<dev.kustodian.ui.framework.PageContext,
                                                    dev.kustodian.ui.framework.Page> factory) {
        return new PageRegistry().register(dev.kustodian.ui.overview.OverviewPage.INFO,
                dev.kustodian.ui.overview.OverviewPage::new).register(info, factory);
    }

    private static List<Node> visibleIn(ShellView shell) {
        return ((javafx.scene.Parent) shell.lookup("#page-area")).getChildrenUnmodifiable().stream()
                .filter(Node::isVisible).toList();
    }

    @Test
    void theSecretsInventoryIsBuiltWhileThePageIsPreparedAheadNotOnlyWhenShown(FxRobot robot) throws Exception {
        PageRegistry pages = overviewAnd(dev.kustodian.ui.secrets.SecretsPage.INFO,
                dev.kustodian.ui.secrets.SecretsPage::new);
        ShellView shell = preparedShell(robot, pages);

        var page = (dev.kustodian.ui.secrets.SecretsPage) shell.page("secrets").orElseThrow();
        var view = (dev.kustodian.ui.secrets.SecretsView) page.view();
        assertThat(view.getScene()).as("kept in the page area").isNotNull();
        assertThat(view.isVisible()).as("never shown").isFalse();
        assertThat(page.viewModel().rows).as("built while hidden in the window")
                .hasSize(shell.viewModel().state.snapshot().secrets().size());
        assertThat(view.table().getItems()).as("the inventory, in the table before the first show")
                .containsExactlyInAnyOrderElementsOf(page.viewModel().filtered)
                .allSatisfy(r -> assertThat(r.name()).isNotEmpty());
        assertThat(view.table().lookupAll(".table-row-cell")).as("its rows built while hidden").isNotEmpty();
        assertThat(page.viewModel().readersAvailable()).isTrue();

        // a later load while the page is kept hidden: the previous readers are let go, the new inventory waits for a
        // show
        var first = shell.viewModel().state.snapshot();
        robot.interact(() -> shell.viewModel().refresh());
        assertThat(shell.viewModel().state.snapshot()).isNotSameAs(first);
        assertThat(view.getScene()).as("still kept").isNotNull();
        assertThat(page.viewModel().readersAvailable()).isFalse();
        robot.interact(() -> shell.showPage(page));
        assertThat(page.viewModel().readersAvailable()).isTrue();
        assertThat(view.table().getItems()).containsExactlyInAnyOrderElementsOf(page.viewModel().filtered)
                .hasSize(shell.viewModel().state.snapshot().secrets().size());
    }

    @Test
    void theSecretsTableBuildsItsRowsOnPlaceholdersWhileTheInventoryIsBuiltAndShowsOnlyTheInventory(FxRobot robot)
            throws Exception {
        PageRegistry pages = overviewAnd(dev.kustodian.ui.secrets.SecretsPage.INFO,
                dev.kustodian.ui.secrets.SecretsPage::new);
        dev.kustodian.ui.framework.QueuedTaskExecutor queued = new dev.kustodian.ui.framework.QueuedTaskExecutor();
        // right after start-up: the load, and what the first page starts
        ShellView shell = preparedShell(robot, pages, queued, queued::runAll);

        var page = (dev.kustodian.ui.secrets.SecretsPage) shell.page("secrets").orElseThrow();
        var view = (dev.kustodian.ui.secrets.SecretsView) page.view();
        assertThat(view.isVisible()).as("hidden").isFalse();
        assertThat(queued.waiting()).as("the inventory, started while the page is prepared, not built yet")
                .isPositive();
        assertThat(view.table().getItems()).as("the real list again, empty: the placeholder rows never show")
                .isEmpty();
        assertThat(view.table().lookupAll(".table-row-cell")).as("rows built ahead, kept for reuse").isNotEmpty();

        robot.interact(queued::runAll);
        assertThat(view.table().getItems()).as("the inventory arrived while hidden").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(page.viewModel().filtered)
                .allSatisfy(r -> assertThat(r.name()).isNotEmpty());
        robot.interact(() -> shell.showPage(page));
        assertThat(view.table().getItems()).containsExactlyInAnyOrderElementsOf(page.viewModel().filtered);
    }

    @Test
    void theAccessAnalysisRunsWhileThePageIsPreparedAheadNotOnlyWhenShown(FxRobot robot) throws Exception {
        PageRegistry pages = overviewAnd(dev.kustodian.ui.access.AccessPage.INFO,
                dev.kustodian.ui.access.AccessPage::new);
        ShellView shell = preparedShell(robot, pages);
        var access = (dev.kustodian.ui.access.AccessPage) shell.page("access").orElseThrow();
        assertThat(access.view().isVisible()).as("never shown").isFalse();
        assertThat(access.viewModel().analysis.get()).as("analysed while hidden in the window").isNotNull();
        assertThat(access.viewModel().analysis.get().snapshot()).isSameAs(shell.viewModel().state.snapshot());
        assertThat(access.viewModel().subjects).isNotEmpty();

        // a later load while the page is kept hidden: the previous analysis is let go, the new one waits for a show
        var first = shell.viewModel().state.snapshot();
        robot.interact(() -> shell.viewModel().refresh());
        assertThat(shell.viewModel().state.snapshot()).isNotSameAs(first);
        assertThat(access.view().getScene()).as("still kept").isNotNull();
        assertThat(access.viewModel().analysis.get()).isNull();
        robot.interact(() -> shell.showPage(access));
        assertThat(access.viewModel().analysis.get().snapshot()).isSameAs(shell.viewModel().state.snapshot());
    }

    @Test
    void theAccessAnalysisWaitsForTheWindowWithoutThePreparation(FxRobot robot) {
        PageRegistry pages = overviewAnd(dev.kustodian.ui.access.AccessPage.INFO,
                dev.kustodian.ui.access.AccessPage::new);
        ShellView[] s = new ShellView[1];
        robot.interact(() -> {
            s[0] = KustodianApp.createShell(tasks, dialogs, (spec, p, c) -> TestSnapshots.session(spec),
                    ContextSource.of(List.of("dev"), "dev", true), Settings.inMemory(), pages, new WizardRegistry());
            stage.setScene(new Scene(s[0], 1200, 800));
            s[0].viewModel().startUp();
        });
        var access = (dev.kustodian.ui.access.AccessPage) s[0].page("access").orElseThrow();
        assertThat(access.viewModel().analysis.get()).as("a page nobody opened does no work").isNull();
        robot.interact(() -> s[0].showPage(access));
        assertThat(access.viewModel().analysis.get()).isNotNull();
    }

    @Test
    void aPageKeptHiddenFollowsTheNamespaceFilterWhenItShowsAgain(FxRobot robot) throws Exception {
        PageRegistry pages = overviewAnd(dev.kustodian.ui.roles.RolesPage.INFO,
                dev.kustodian.ui.roles.RolesPage::new);
        ShellView shell = preparedShell(robot, pages);
        var roles = (dev.kustodian.ui.roles.RolesPage) shell.page("roles").orElseThrow();
        List<String> before = roles.viewModel().rows.stream().map(r -> r.namespace()).distinct().toList();
        assertThat(before).as("rows of several namespaces").contains("team-a", "team-b");

        robot.interact(() -> shell.viewModel().state.namespaceFilter.setAll("team-a"));
        assertThat(roles.viewModel().rows.stream().map(r -> r.namespace()).distinct().toList())
                .as("a page kept hidden waits").isEqualTo(before);

        robot.interact(() -> shell.showPage(roles));
        assertThat(roles.viewModel().rows).isNotEmpty()
                .allSatisfy(r -> assertThat(r.namespace()).isIn("team-a", ""));

        // a page whose figures are recomputed off the FX thread starts at once, also while kept hidden
        var overview = (dev.kustodian.ui.overview.OverviewPage) shell.page("overview").orElseThrow();
        var figures = overview.viewModel().model.get();
        robot.interact(() -> shell.viewModel().state.namespaceFilter.setAll("team-b"));
        assertThat(overview.view().isVisible()).isFalse();
        assertThat(overview.viewModel().model.get()).as("recomputed while hidden").isNotNull().isNotSameAs(figures);

        // the page on screen follows at once
        robot.interact(() -> shell.viewModel().state.namespaceFilter.clear());
        assertThat(roles.viewModel().rows.stream().map(r -> r.namespace()).distinct().toList())
                .contains("team-a", "team-b");
    }

    @Test
    void aPopupOpenOnAPageLeftForAnotherCloses(FxRobot robot) throws Exception {
        ShellView shell = preparedShell(robot, overviewAnd(dev.kustodian.ui.secrets.SecretsPage.INFO,
                dev.kustodian.ui.secrets.SecretsPage::new));
        var secrets = shell.page("secrets").orElseThrow();
        robot.interact(() -> shell.showPage(secrets));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> type = (javafx.scene.control.ComboBox<String>) secrets.view()
                .lookup("#secrets-type-filter");
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(
                new javafx.scene.control.MenuItem("Copy"));
        robot.interact(() -> {
            type.show();
            menu.show(secrets.filterField(), javafx.geometry.Side.BOTTOM, 0, 0);
        });
        assertThat(type.isShowing()).isTrue();
        assertThat(menu.isShowing()).isTrue();

        robot.interact(() -> shell.showPage(shell.page("overview").orElseThrow()));
        assertThat(type.isShowing()).as("the list of a page no longer shown").isFalse();
        assertThat(menu.isShowing()).as("a menu of a page no longer shown").isFalse();
    }

    @Test
    void aHiddenPageDoesNotWidenThePageArea(FxRobot robot) throws Exception {
        PageRegistry pages = overviewAnd(dev.kustodian.ui.access.AccessPage.INFO,
                dev.kustodian.ui.access.AccessPage::new);
        ShellView shell = preparedShell(robot, pages);
        Node access = shell.page("access").orElseThrow().view();
        Node overview = shell.page("overview").orElseThrow().view();
        javafx.scene.layout.Region area = (javafx.scene.layout.Region) shell.lookup("#page-area");
        assertThat(access.getParent()).as("Access kept hidden in the area").isSameAs(area);
        double[] min = new double[3];
        robot.interact(() -> {
            min[0] = area.minWidth(-1);
            min[1] = overview.minWidth(-1);
            min[2] = access.minWidth(-1);
        });
        assertThat(min[2]).as("Access is the wider page").isGreaterThan(min[1]);
        assertThat(min[0]).as("the area is as narrow as the page it shows")
                .isEqualTo(min[1] + area.getInsets().getLeft() + area.getInsets().getRight());

        robot.interact(() -> shell.showPage(shell.page("access").orElseThrow()));
        robot.interact(() -> min[0] = area.minWidth(-1));
        assertThat(min[0]).isEqualTo(min[2] + area.getInsets().getLeft() + area.getInsets().getRight());
    }

    @Test
    void aPageLeftForAnotherKeepsNoFocusWhileItStaysInTheWindowHidden(FxRobot robot) throws Exception {
        PageRegistry pages = overviewAnd(dev.kustodian.ui.secrets.SecretsPage.INFO,
                dev.kustodian.ui.secrets.SecretsPage::new);
        ShellView shell = preparedShell(robot, pages);
        var secrets = shell.page("secrets").orElseThrow();
        robot.interact(() -> shell.showPage(secrets));
        robot.interact(() -> secrets.filterField().requestFocus());
        assertThat(shell.getScene().getFocusOwner()).isSameAs(secrets.filterField());

        Node[] atOnce = new Node[1];
        robot.interact(() -> {
            shell.showPage(shell.page("overview").orElseThrow());
            atOnce[0] = shell.getScene().getFocusOwner(); // before the next pulse: a key typed now goes there
        });
        assertThat(atOnce[0] == null || !ShellView.isInside(atOnce[0], secrets.view()))
                .as("focus left the hidden page at once: %s", atOnce[0]).isTrue();
        assertThat(secrets.view().getScene()).as("kept").isNotNull();
        Node owner = shell.getScene().getFocusOwner();
        assertThat(owner == null || !ShellView.isInside(owner, secrets.view()))
                .as("keys typed now must not reach the hidden page: focus owner %s", owner).isTrue();
        robot.write("x");
        assertThat(secrets.filterField().getText()).isEmpty();
    }

    @Test
    void theAppsWizardsAreRegisteredUnderTheirIds() {
        WizardRegistry wizards = Pages.wizards();
        assertThat(wizards.ids()).hasSize(14);
        for (String id : wizards.ids()) {
            assertThat(wizards.create(id)).hasValueSatisfying(w -> assertThat(w.id()).isEqualTo(id));
        }
    }
}
