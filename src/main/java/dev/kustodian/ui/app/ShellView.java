package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.KubeContexts;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import dev.kustodian.ui.framework.TaskExecutor;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.onboarding.OnboardingPage;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.wizard.Wizard;
import dev.kustodian.ui.wizard.WizardRegistry;
import dev.kustodian.ui.wizard.WizardView;
import dev.kustodian.ui.wizard.WizardViewModel;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Optional;

/**
 * The main window's content: menu ({@link ShellMenuBar}), context banner and top bar ({@link TopBar}: context
 * picker, namespace filter, source label, refresh/progress/cancel, theme), left navigation of registered pages, page
 * area (or wizard, or error state), status bar ({@link StatusBar}). Keyboard: Ctrl+1…9 pages, Ctrl+F page filter, Ctrl+R refresh.
 */
public final class ShellView extends BorderPane {
    private final ShellViewModel vm;
    private final AppState state;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final WizardRegistry wizards;
    private final List<PageSlot> pages;
    private final ListView<PageSlot> nav;
    private final PageArea pageArea = new PageArea();
    private final PagePreparation preparation;
    private PageSlot currentPage;
    private WizardView currentWizard;
    private Node shownContent;

    public ShellView(ShellViewModel vm, DialogService dialogs, TaskExecutor tasks, PageRegistry pageRegistry,
                     WizardRegistry wizards) {
        this.vm = vm;
        this.state = vm.state;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.wizards = wizards;
        // the theme before the first control: a control created without one loads JavaFX's default (Modena) first
        applyTheme(state.theme.get());
        nav = new ListView<>();
        getStyleClass().add("shell");
        Css.add(this, "/dev/kustodian/ui/app/shell.css");
        this.pages = pageRegistry.slots(new Context());
        for (PageSlot slot : pages) {
            // a page created after a load starts from it
            slot.onCreated(p -> {
                if (state.session() != null) {
                    p.onSnapshot(state.session().snapshot(), state.session());
                }
            });
        }

        setTop(new VBox(new ShellMenuBar(vm, dialogs, wizards, id -> openWizard(id, null), this::chooseSnapshot,
                this::toggleTheme), new TopBar(vm, this::toggleTheme)));
        setLeft(navigation());
        preparation = new PagePreparation(pageArea, pages,
                () -> state.session() != null && !vm.loading.get() && vm.error.get() == null,
                () -> shownContent);
        pageArea.getStyleClass().add("page-area");
        pageArea.setId("page-area");
        setCenter(pageArea);
        setBottom(new StatusBar(vm, dialogs, pages.stream().filter(p -> shortcut(p) != null)
                .mapToInt(p -> p.info().order()).max().orElse(1)));

        vm.addLoadedListener(session -> {
            for (PageSlot slot : pages) {
                Page p = slot.pageIfCreated(); // pages not created yet get the load when they are
                if (p != null) {
                    p.onSnapshot(session.snapshot(), session);
                }
            }
            if (state.plan() != null && state.plan().firstSeen() && currentWizard == null) {
                // a cluster never seen before starts with its hardening plan
                slot(OnboardingPage.ID).ifPresent(this::showSlot);
            }
            renderPageArea();
            if (getScene() != null) {
                // once a load is on screen, the classes and controls of the other pages warm up off the FX thread,
                // then the pages not shown yet are prepared in idle pulses
                dev.kustodian.ui.framework.Pulses.afterNextPulse(getScene(),
                        () -> UiWarmup.startOnce(tasks, preparation::start));
            }
        });
        vm.setAfterShown(r -> {
            if (getScene() == null) {
                r.run();
            } else {
                dev.kustodian.ui.framework.Pulses.afterNextPulse(getScene(), () -> javafx.application.Platform.runLater(r));
            }
        });
        vm.error.addListener((o, a, b) -> renderPageArea());
        vm.loading.addListener((o, a, b) -> renderPageArea());
        state.theme.addListener((o, a, b) -> applyTheme(b));
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                installShortcuts(b);
            }
        });
        if (!pages.isEmpty()) {
            showSlot(pages.get(0));
        }
    }

    // ---- navigation and page area ----

    private Node navigation() {
        nav.setId("navigation");
        nav.getStyleClass().add("navigation");
        nav.getItems().setAll(pages);
        nav.setPrefWidth(210);
        nav.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(PageSlot slot, boolean empty) {
                super.updateItem(slot, empty);
                if (empty || slot == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    PageInfo p = slot.info();
                    setText(p.title());
                    setGraphic(new FontIcon(p.icon()));
                    setId("nav-" + p.id());
                    setTooltip(new Tooltip(p.title() + " (Ctrl+" + p.order() + ")"));
                }
            }
        });
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != currentPage) {
                showSlot(b);
            }
        });
        return nav;
    }

    /** Shows a page (closing any open wizard). */
    public void showPage(Page page) {
        pages.stream().filter(s -> s.pageIfCreated() == page).findFirst().ifPresent(this::showSlot);
    }

    /** Shows a page, created when it is first shown with a load (closing any open wizard). */
    private void showSlot(PageSlot slot) {
        currentPage = slot;
        currentWizard = null;
        nav.getSelectionModel().select(slot);
        renderPageArea();
    }

    private Optional<PageSlot> slot(String id) {
        return pages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public ShellViewModel viewModel() {
        return vm;
    }

    /** The page with this id (created now if it was not yet). */
    public Optional<Page> page(String id) {
        return slot(id).map(PageSlot::page);
    }

    /** Every page, in navigation order (creates the pages not created yet). */
    public List<Page> pages() {
        return pages.stream().map(PageSlot::page).toList();
    }

    /** The page shown (or to be shown once a load is there). */
    public Page currentPage() {
        return currentPage == null ? null : currentPage.page();
    }

    public WizardView currentWizard() {
        return currentWizard;
    }

    private void renderPageArea() {
        ShellViewModel.LoadError err = vm.error.get();
        Node content;
        if (err != null) {
            EmptyState es = new EmptyState(err.cancelled() ? Feather.SLASH : Feather.ALERT_OCTAGON, err.title(),
                    err.message());
            es.setId("error-state");
            es.action("Retry", vm::refresh);
            es.action("Open demo cluster", vm::openDemo);
            es.action("Open snapshot…", this::chooseSnapshot);
            if (state.session() != null) {
                es.action("Back to " + vm.sourceLabel.get(), () -> {
                    vm.error.set(null);
                    state.source.set(state.session().spec());
                });
            }
            content = es;
        } else if (state.session() == null) {
            EmptyState es = new EmptyState(Feather.LOADER, vm.loading.get() ? "Loading…" : "Nothing loaded",
                    vm.loading.get() ? vm.progressMessage.get()
                            : "Open your kubeconfig context, a snapshot file or the demo cluster.");
            es.setId("loading-state");
            if (!vm.loading.get()) {
                es.action("Open demo cluster", vm::openDemo);
                es.action("Open snapshot…", this::chooseSnapshot);
            }
            content = es;
        } else if (currentWizard != null) {
            content = currentWizard;
        } else if (currentPage != null) {
            content = currentPage.page().view();
            preparation.shown(currentPage);
        } else {
            content = new EmptyState(Feather.LAYOUT, "No pages", "No pages are registered.");
        }
        shownContent = content;
        if (preparation.keepsViews() && currentPage != null && currentWizard == null
                && content == currentPage.page().view()) {
            // the other page views stay in the page area, hidden: showing one again restyles nothing
            java.util.Set<Node> views = new java.util.HashSet<>();
            for (PageSlot slot : pages) {
                Page p = slot.pageIfCreated();
                if (p != null && p.hasView()) {
                    views.add(p.view());
                }
            }
            pageArea.getChildren().removeIf(n -> n != content && !views.contains(n));
            Node focused = getScene() == null ? null : getScene().getFocusOwner();
            for (Node n : pageArea.getChildren()) {
                if (n != content) {
                    if (focused != null && isInside(focused, n)) {
                        pageArea.requestFocus(); // now: JavaFX moves the focus off a hidden node only at the next pulse
                    }
                    if (n.isVisible()) {
                        closePopupsOf(n); // a list, menu or tooltip open on the page left would stay on screen
                    }
                    n.setVisible(false);
                }
            }
            if (!pageArea.getChildren().contains(content)) {
                pageArea.getChildren().add(content);
            }
            pageArea.requestLayout(); // its size follows the page shown (PageArea), not cached from the previous one
        } else if (pageArea.getChildren().contains(content)) {
            pageArea.getChildren().retainAll(content); // e.g. a page being prepared ahead leaves
        } else {
            pageArea.getChildren().setAll(content);
        }
        content.setVisible(true); // a page being prepared ahead (or kept) is hidden
    }

    /** Hides the popups (combo box lists, context menus, tooltips) whose owner is inside {@code view}. */
    private static void closePopupsOf(Node view) {
        if (javafx.stage.Window.getWindows().stream().noneMatch(w -> w instanceof javafx.stage.PopupWindow
                && w.isShowing())) {
            return; // the usual switch: no walk through the page's nodes
        }
        for (Node n : view.lookupAll(".combo-box-base")) {
            if (n instanceof javafx.scene.control.ComboBoxBase<?> c && c.isShowing()) {
                c.hide(); // its list is shown for the window, not for an owner node
            }
        }
        for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w instanceof javafx.stage.PopupWindow p && p.isShowing() && p.getOwnerNode() != null
                    && isInside(p.getOwnerNode(), view)) {
                p.hide();
            }
        }
    }

    /** True when {@code n} is {@code ancestor} or one of its descendants. */
    static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Prepares the pages not shown yet in idle pulses once a load is on screen ({@link PagePreparation}); the app's
     * window does, shells of TestFX tests do not unless they ask.
     */
    void preparePagesAhead() {
        preparation.turnOn();
        if (state.session() != null && getScene() != null) {
            preparation.start();
        }
    }

    /** The page view being prepared ahead at this moment, or null (benchmarks). */
    Node preparingView() {
        return preparation.preparing();
    }

    /** Runs {@code action} on the FX thread once every page was prepared ahead or shown (benchmarks). */
    void whenPagesPrepared(Runnable action) {
        preparation.whenDone(action);
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

    // ---- keyboard, theme ----

    /** Ctrl+ORDER shows the page whose order is 1 to 9 (null: no shortcut). */
    private static KeyCode shortcut(PageSlot p) {
        int order = p.info().order();
        return order >= 1 && order <= 9 ? KeyCode.valueOf("DIGIT" + order) : null;
    }

    private void installShortcuts(Scene scene) {
        for (PageSlot p : pages) {
            KeyCode code = shortcut(p);
            if (code != null) {
                scene.getAccelerators().put(new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN),
                        () -> showSlot(p));
            }
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                this::focusFilter);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::refresh);
    }

    /** Ctrl+F: focuses the current page's filter field (when it has one). */
    public void focusFilter() {
        TextInputControl f = currentPage == null ? null : currentPage.page().filterField();
        if (f != null) {
            f.requestFocus();
            f.selectAll();
        }
    }

    private void toggleTheme() {
        state.theme.set(state.theme.get() == AppState.Theme.DARK ? AppState.Theme.LIGHT
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
            slot(pageId).ifPresent(ShellView.this::showSlot);
        }

        @Override
        public boolean hasPage(String pageId) {
            return pageId != null && slot(pageId).isPresent();
        }

        @Override
        public void reload() {
            vm.refresh();
        }

        @Override
        public KubeContexts contexts() {
            return vm.kubeContexts();
        }
    }

}
