package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.TaskExecutor;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.wizard.Wizard;
import dev.kustodian.ui.wizard.WizardRegistry;
import dev.kustodian.ui.wizard.WizardView;
import dev.kustodian.ui.wizard.WizardViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The main window's content: menu, context banner, top bar (context picker, namespace filter, source label,
 * refresh/progress/cancel, theme), left navigation of registered pages, page area (or wizard, or error state),
 * status bar. Keyboard: Ctrl+1…7 pages, Ctrl+F page filter, Ctrl+R refresh.
 */
public final class ShellView extends BorderPane {
    private final ShellViewModel vm;
    private final AppState state;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final WizardRegistry wizards;
    private final List<Page> pages;
    private final ListView<Page> nav = new ListView<>();
    private final StackPane pageArea = new StackPane();
    private final Label banner = new Label();
    private final ComboBox<String> contextPicker = new ComboBox<>();
    private final MenuButton namespaceFilter = new MenuButton();
    private final ToggleButton productionToggle = new ToggleButton("Production", new FontIcon(Feather.FLAG));
    private Page currentPage;
    private WizardView currentWizard;
    private boolean updatingContext;

    public ShellView(ShellViewModel vm, DialogService dialogs, TaskExecutor tasks, PageRegistry pageRegistry,
                     WizardRegistry wizards) {
        this.vm = vm;
        this.state = vm.state();
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.wizards = wizards;
        getStyleClass().add("shell");
        Css.add(this, "/dev/kustodian/ui/app/shell.css");
        this.pages = pageRegistry.create(new Context());

        setTop(new VBox(menuBar(), banner(), topBar()));
        setLeft(navigation());
        pageArea.getStyleClass().add("page-area");
        pageArea.setId("page-area");
        setCenter(pageArea);
        setBottom(statusBar());

        vm.addLoadedListener(session -> {
            for (Page p : pages) {
                p.onSnapshot(session.snapshot(), session);
            }
            renderPageArea();
        });
        vm.errorProperty().addListener((o, a, b) -> renderPageArea());
        vm.loadingProperty().addListener((o, a, b) -> renderPageArea());
        state.themeProperty().addListener((o, a, b) -> applyTheme(b));
        applyTheme(state.themeProperty().get());
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                installShortcuts(b);
            }
        });
        if (!pages.isEmpty()) {
            showPage(pages.get(0));
        }
    }

    // ---- top ----

    private MenuBar menuBar() {
        MenuItem openSnapshot = new MenuItem("Open snapshot…", new FontIcon(Feather.FILE));
        openSnapshot.setOnAction(e -> chooseSnapshot());
        MenuItem openDemo = new MenuItem("Open demo cluster", new FontIcon(Feather.PLAY_CIRCLE));
        openDemo.setOnAction(e -> vm.openDemo());
        MenuItem openKube = new MenuItem("Open current kubeconfig context");
        openKube.setOnAction(e -> vm.open(SourceSpec.live(null, null)));
        MenuItem refresh = new MenuItem("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        refresh.setOnAction(e -> vm.refresh());
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, openKube, openSnapshot, openDemo, new SeparatorMenuItem(), refresh,
                new SeparatorMenuItem(), quit);
        Menu generate = new Menu("Generate");
        for (String id : wizards.ids()) {
            Wizard w = wizards.create(id).orElseThrow();
            MenuItem mi = new MenuItem(w.title() + "…", new FontIcon(Feather.TOOL));
            mi.setOnAction(e -> openWizard(id, null));
            generate.getItems().add(mi);
        }
        MenuItem theme = new MenuItem("Toggle light/dark theme", new FontIcon(Feather.MOON));
        theme.setOnAction(e -> toggleTheme());
        Menu view = new Menu("View", null, theme);
        MenuItem about = new MenuItem("About Kustodian");
        about.setId("about");
        about.setOnAction(e -> dialogs.showInfo("About Kustodian", aboutText()));
        MenuBar bar = new MenuBar(file, generate, view, new Menu("Help", null, about));
        bar.setId("menu-bar");
        return bar;
    }

    /** The About dialog's text: the build's version and the runtime it runs on. */
    static String aboutText() {
        return "Kustodian " + dev.kustodian.core.util.BuildInfo.version() + "\n"
                + "Shows where Kubernetes Secrets are exposed and generates the configuration that fixes it.\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), JavaFX "
                + System.getProperty("javafx.runtime.version", "?");
    }

    private Node banner() {
        banner.setId("context-banner");
        banner.getStyleClass().add("context-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.bannerTextProperty());
        banner.visibleProperty().bind(vm.bannerTextProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        Runnable style = () -> {
            banner.getStyleClass().removeAll("banner-production", "banner-demo", "banner-snapshot", "banner-live");
            SourceSpec spec = state.sourceProperty().get();
            String cls = spec == null ? "banner-live" : switch (spec.kind()) {
                case DEMO -> "banner-demo";
                case SNAPSHOT -> "banner-snapshot";
                case LIVE -> state.isProduction() ? "banner-production" : "banner-live";
            };
            banner.getStyleClass().add(cls);
            banner.setGraphic(new FontIcon(cls.equals("banner-production") ? Feather.ALERT_OCTAGON : Feather.SERVER));
        };
        vm.bannerTextProperty().addListener((o, a, b) -> style.run());
        state.productionProperty().addListener((o, a, b) -> style.run());
        style.run();
        return banner;
    }

    private Node topBar() {
        contextPicker.setId("context-picker");
        contextPicker.setItems(vm.contextItems());
        contextPicker.setPromptText(vm.contextItems().isEmpty() ? "No kubeconfig contexts" : "Choose a context");
        contextPicker.setTooltip(new Tooltip("Kubeconfig context to load"));
        contextPicker.setPrefWidth(220);
        contextPicker.valueProperty().addListener((o, a, b) -> {
            if (!updatingContext && b != null) {
                vm.switchContext(b);
            }
        });
        state.selectedContextProperty().addListener((o, a, b) -> {
            updatingContext = true;
            try {
                contextPicker.setValue(b);
            } finally {
                updatingContext = false;
            }
        });
        productionToggle.setId("production-toggle");
        productionToggle.setTooltip(new Tooltip("Mark this context as production: red banner, red confirmations"));
        productionToggle.disableProperty().bind(state.selectedContextProperty().isNull());
        productionToggle.selectedProperty().bindBidirectional(state.productionProperty());
        productionToggle.setOnAction(e -> vm.setProduction(productionToggle.isSelected()));

        namespaceFilter.setId("namespace-filter");
        namespaceFilter.setGraphic(new FontIcon(Feather.FILTER));
        vm.namespaces().addListener((ListChangeListener<String>) c -> rebuildNamespaceMenu());
        state.namespaceFilter().addListener((ListChangeListener<String>) c -> {
            updateNamespaceLabel();
            syncNamespaceChecks();
        });
        rebuildNamespaceMenu();

        Label source = new Label();
        source.setId("source-label");
        source.getStyleClass().add("source-label");
        source.textProperty().bind(vm.sourceLabelProperty());
        source.setGraphic(new FontIcon(Feather.DATABASE));

        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh");
        refresh.setTooltip(new Tooltip("Refresh (Ctrl+R)"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loadingProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("load-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(160);
        Label msg = new Label();
        msg.textProperty().bind(vm.progressMessageProperty());
        msg.getStyleClass().add("progress-message");
        msg.setMaxWidth(360);
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("cancel-load");
        cancel.setOnAction(e -> vm.cancel());
        HBox progress = new HBox(6, bar, msg, cancel);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.managedProperty().bind(vm.loadingProperty());

        Button theme = new Button(null, new FontIcon(Feather.MOON));
        theme.setId("theme-toggle");
        theme.setTooltip(new Tooltip("Light / dark theme"));
        theme.setOnAction(e -> toggleTheme());
        state.themeProperty().addListener((o, a, b) ->
                theme.setGraphic(new FontIcon(b == AppState.Theme.DARK ? Feather.SUN : Feather.MOON)));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label ctxLabel = new Label("Context");
        Label nsLabel = new Label("Namespaces");
        HBox top = new HBox(8, ctxLabel, contextPicker, productionToggle, nsLabel, namespaceFilter, spacer, progress,
                source, refresh, theme);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("top-bar");
        return top;
    }

    private void rebuildNamespaceMenu() {
        MenuItem all = new MenuItem("All namespaces");
        all.setId("ns-all");
        all.setOnAction(e -> state.namespaceFilter().clear());
        namespaceFilter.getItems().setAll(all, new SeparatorMenuItem());
        for (String ns : vm.namespaces()) {
            CheckMenuItem item = new CheckMenuItem(ns);
            item.setId("ns-" + ns);
            item.setSelected(state.namespaceFilter().contains(ns));
            item.setOnAction(e -> {
                if (item.isSelected()) {
                    if (!state.namespaceFilter().contains(ns)) {
                        state.namespaceFilter().add(ns);
                    }
                } else {
                    state.namespaceFilter().remove(ns);
                }
            });
            namespaceFilter.getItems().add(item);
        }
        updateNamespaceLabel();
    }

    private void syncNamespaceChecks() {
        for (MenuItem mi : namespaceFilter.getItems()) {
            if (mi instanceof CheckMenuItem c) {
                c.setSelected(state.namespaceFilter().contains(c.getText()));
            }
        }
    }

    private void updateNamespaceLabel() {
        List<String> sel = state.namespaceFilter();
        namespaceFilter.setText(sel.isEmpty() ? "All namespaces" : sel.size() == 1 ? sel.get(0)
                : sel.size() + " namespaces");
    }

    // ---- navigation and page area ----

    private Node navigation() {
        nav.setId("navigation");
        nav.getStyleClass().add("navigation");
        nav.getItems().setAll(pages);
        nav.setPrefWidth(210);
        nav.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Page p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(p.title());
                    setGraphic(new FontIcon(p.icon()));
                    setId("nav-" + p.id());
                    setTooltip(new Tooltip(p.title() + " (Ctrl+" + p.order() + ")"));
                }
            }
        });
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != currentPage) {
                showPage(b);
            }
        });
        return nav;
    }

    /** Shows a page (closing any open wizard). */
    public void showPage(Page page) {
        currentPage = page;
        currentWizard = null;
        nav.getSelectionModel().select(page);
        renderPageArea();
    }

    public ShellViewModel viewModel() {
        return vm;
    }

    public Optional<Page> page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<Page> pages() {
        return pages;
    }

    public Page currentPage() {
        return currentPage;
    }

    public WizardView currentWizard() {
        return currentWizard;
    }

    private void renderPageArea() {
        ShellViewModel.LoadError err = vm.errorProperty().get();
        Node content;
        if (err != null) {
            EmptyState es = new EmptyState(err.cancelled() ? Feather.SLASH : Feather.ALERT_OCTAGON, err.title(),
                    err.message());
            es.setId("error-state");
            es.action("Retry", vm::refresh);
            es.action("Open demo cluster", vm::openDemo);
            es.action("Open snapshot…", this::chooseSnapshot);
            if (state.session() != null) {
                es.action("Back to " + vm.sourceLabelProperty().get(), () -> {
                    vm.errorProperty().set(null);
                    state.sourceProperty().set(state.session().spec());
                });
            }
            content = es;
        } else if (state.session() == null) {
            EmptyState es = new EmptyState(Feather.LOADER, vm.loadingProperty().get() ? "Loading…" : "Nothing loaded",
                    vm.loadingProperty().get() ? vm.progressMessageProperty().get()
                            : "Open your kubeconfig context, a snapshot file or the demo cluster.");
            es.setId("loading-state");
            if (!vm.loadingProperty().get()) {
                es.action("Open demo cluster", vm::openDemo);
                es.action("Open snapshot…", this::chooseSnapshot);
            }
            content = es;
        } else if (currentWizard != null) {
            content = currentWizard;
        } else if (currentPage != null) {
            content = currentPage.view();
        } else {
            content = new EmptyState(Feather.LAYOUT, "No pages", "No pages are registered.");
        }
        if (pageArea.getChildren().size() != 1 || pageArea.getChildren().get(0) != content) {
            pageArea.getChildren().setAll(content);
        }
    }

    /** Opens a wizard in the page area (Close returns to the page). */
    public Optional<WizardView> openWizard(String id, ObjectRef target) {
        Optional<Wizard> w = wizards.create(id);
        if (w.isEmpty()) {
            dialogs.showError("No such wizard", "The wizard '" + id + "' is not available in this version.");
            return Optional.empty();
        }
        WizardViewModel wvm = new WizardViewModel(w.get(), state.session(), target, tasks, dialogs,
                state.isProduction());
        currentWizard = new WizardView(wvm, dialogs, () -> {
            currentWizard = null;
            renderPageArea();
        });
        renderPageArea();
        return Optional.of(currentWizard);
    }

    // ---- status bar ----

    private Node statusBar() {
        Label conn = new Label();
        conn.setId("connection-state");
        Runnable upd = () -> {
            ShellViewModel.Connection c = vm.connectionProperty().get();
            conn.setText(switch (c) {
                case NOT_CONNECTED -> "Not connected";
                case LOADING -> "Loading…";
                case CONNECTED -> "Connected";
                case SNAPSHOT -> "Offline (snapshot)";
                case ERROR -> "Error";
            });
            conn.setGraphic(new FontIcon(switch (c) {
                case CONNECTED -> Feather.CHECK_CIRCLE;
                case LOADING -> Feather.LOADER;
                case SNAPSHOT -> Feather.FILE_TEXT;
                case ERROR -> Feather.ALERT_OCTAGON;
                case NOT_CONNECTED -> Feather.WIFI_OFF;
            }));
            conn.getStyleClass().removeAll("conn-ok", "conn-error");
            conn.getStyleClass().add(c == ShellViewModel.Connection.ERROR ? "conn-error" : "conn-ok");
        };
        vm.connectionProperty().addListener((o, a, b) -> upd.run());
        upd.run();
        Label identity = new Label();
        identity.setId("identity");
        identity.textProperty().bind(vm.identityProperty());
        identity.setGraphic(new FontIcon(Feather.USER));
        identity.visibleProperty().bind(vm.identityProperty().isNotEmpty());
        Hyperlink gaps = new Hyperlink();
        gaps.setId("gaps-link");
        gaps.textProperty().bind(vm.gapsTextProperty());
        gaps.setGraphic(new FontIcon(Feather.EYE_OFF));
        gaps.visibleProperty().bind(vm.gapsTextProperty().isNotEmpty());
        gaps.setOnAction(e -> dialogs.showInfo("Not visible", describeGaps(vm.gaps())));
        Label message = new Label();
        message.textProperty().bind(vm.statusMessageProperty());
        message.getStyleClass().add("status-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Ctrl+1…7 pages · Ctrl+F filter · Ctrl+R refresh");
        hint.getStyleClass().add("status-message");
        HBox bar = new HBox(14, conn, identity, gaps, message, spacer, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    static String describeGaps(List<VisibilityGap> gaps) {
        if (gaps.isEmpty()) {
            return "Everything could be read.";
        }
        return "These parts could not be read; the rest of the cluster loaded and was analysed:\n\n"
                + gaps.stream().map(g -> "• " + g.resource() + (g.namespace().isEmpty() ? "" : " in " + g.namespace())
                        + ": " + g.message()).collect(Collectors.joining("\n"))
                + "\n\nAsk your administrator for list access on these resources, or load a snapshot taken by "
                + "someone who has it.";
    }

    // ---- keyboard, theme ----

    private void installShortcuts(Scene scene) {
        for (Page p : pages) {
            if (p.order() >= 1 && p.order() <= 9) {
                KeyCode code = KeyCode.valueOf("DIGIT" + p.order());
                scene.getAccelerators().put(new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN),
                        () -> showPage(p));
            }
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                this::focusFilter);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::refresh);
    }

    /** Ctrl+F: focuses the current page's filter field (when it has one). */
    public void focusFilter() {
        TextInputControl f = currentPage == null ? null : currentPage.filterField();
        if (f != null) {
            f.requestFocus();
            f.selectAll();
        }
    }

    private void toggleTheme() {
        state.themeProperty().set(state.themeProperty().get() == AppState.Theme.DARK ? AppState.Theme.LIGHT
                : AppState.Theme.DARK);
    }

    private static void applyTheme(AppState.Theme theme) {
        Application.setUserAgentStylesheet(theme == AppState.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private void chooseSnapshot() {
        dialogs.chooseFile("Open snapshot (kubectl -o yaml/json or kustodian snapshot)", null)
                .ifPresent(vm::openSnapshot);
    }

    private final class Context implements PageContext {
        @Override
        public AppState state() {
            return state;
        }

        @Override
        public TaskExecutor tasks() {
            return tasks;
        }

        @Override
        public DialogService dialogs() {
            return dialogs;
        }

        @Override
        public boolean hasWizard(String wizardId) {
            return wizards.isRegistered(wizardId);
        }

        @Override
        public void openWizard(String wizardId, ObjectRef target) {
            ShellView.this.openWizard(wizardId, target);
        }

        @Override
        public void navigate(String pageId) {
            page(pageId).ifPresent(ShellView.this::showPage);
        }

        @Override
        public boolean hasPage(String pageId) {
            return pageId != null && pages.stream().anyMatch(p -> p.id().equals(pageId));
        }
    }

}
