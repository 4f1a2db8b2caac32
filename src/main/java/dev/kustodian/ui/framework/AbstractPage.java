package dev.kustodian.ui.framework;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.kordamp.ikonli.Ikon;

import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The one page base: metadata as data ({@link PageInfo}), the page's view model, the view created lazily on first use
 * from the view model and the context, the namespace filter wired to {@link #namespaceFilterChanged()} (handed to a
 * {@link NamespaceFiltered} view model by default; for a view kept hidden in the window, at its next show), and
 * {@link #whenShown} / {@link #whenInWindow} for work that should only run for a page on screen or in the window. Work
 * off the FX thread for a load goes through {@link #latest()} (results of an older load are dropped).
 *
 * @param <V> the page's view
 * @param <M> the page's view model
 */
public abstract class AbstractPage<V extends Node, M> implements Page {
    protected final PageContext ctx;
    /** The page's view model (created with the page, before its view). */
    protected final M vm;
    private final PageInfo info;
    private final BiFunction<? super M, ? super PageContext, ? extends V> viewFactory;
    private final LatestOnly latest;
    private V view;
    private Runnable pendingShown;
    /** True when {@link #pendingShown} may run while the view is in the window hidden ({@link #whenInWindow}). */
    private boolean pendingInWindow;
    /** The namespace filter changed while the view was kept in the window hidden: applied at the next show. */
    private boolean namespaceFilterPending;
    /** The latest result for the view kept hidden, waiting for its paced step or the next show ({@link #showResult}). */
    private Runnable pendingResult;

    /**
     * @param viewFactory creates the view from the view model and the context on first use (null when the page
     *                    overrides {@link #createView()})
     */
    protected AbstractPage(PageContext ctx, PageInfo info, M vm,
                           BiFunction<? super M, ? super PageContext, ? extends V> viewFactory) {
        this.ctx = ctx;
        this.info = info;
        this.vm = vm;
        this.viewFactory = viewFactory;
        this.latest = new LatestOnly(ctx.tasks());
        if (vm instanceof NamespaceFiltered f) {
            f.setNamespaceFilter(namespaceVisible());
        }
        ctx.state().namespaceFilter.addListener((ListChangeListener<String>) c -> {
            if (isKeptHidden() && namespaceFilterWaitsForShow()) {
                namespaceFilterPending = true; // applied when the page shows again
            } else {
                namespaceFilterPending = false;
                namespaceFilterChanged();
            }
        });
    }

    /** The page's view model. */
    public final M viewModel() {
        return vm;
    }

    @Override
    public final String id() {
        return info.id();
    }

    @Override
    public final String title() {
        return info.title();
    }

    @Override
    public final Ikon icon() {
        return info.icon();
    }

    @Override
    public final int order() {
        return info.order();
    }

    /** Creates the page's view (called once, on first use): by default the view factory given to the constructor. */
    protected V createView() {
        if (viewFactory == null) {
            throw new IllegalStateException("page " + info.id() + " has no view factory and does not create its view");
        }
        return viewFactory.apply(vm, ctx);
    }

    @Override
    public final Node view() {
        return typedView();
    }

    /** The view, created on first use. */
    protected final V typedView() {
        if (view == null) {
            view = createView();
            // shown = in the scene and visible: the shell prepares a page's view ahead in the scene, hidden
            javafx.beans.InvalidationListener shown = o -> {
                if (isShown()) {
                    runPendingResult(); // not the previous figures for a pulse
                    if (namespaceFilterPending) {
                        namespaceFilterPending = false;
                        namespaceFilterChanged();
                    }
                }
                if (isShown() || pendingInWindow && isInWindow()) {
                    runPendingShown();
                }
            };
            view.sceneProperty().addListener(shown);
            view.visibleProperty().addListener(shown);
            viewCreated(view);
        }
        return view;
    }

    @Override
    public final boolean hasView() {
        return view != null;
    }

    /** The view when it was created, else null (work for a page nobody opened waits). */
    protected final V viewIfCreated() {
        return view;
    }

    /** Called once right after the view was created. */
    protected void viewCreated(V view) {
    }

    /** The view's filter field when the view has one ({@link FilterablePane}). */
    @Override
    public TextInputControl filterField() {
        return typedView() instanceof FilterablePane f ? f.filterField() : null;
    }

    /**
     * True when objects of this namespace pass the namespace filter as it is now (a page is told of every change, see
     * {@link #namespaceFilterChanged()}, and asks again). A copy, not a view of the filter's list: a page's filter
     * tests it for each of 20,000 rows on every keystroke.
     */
    protected final Predicate<String> namespaceVisible() {
        return ctx.state().namespaceVisibility();
    }

    /**
     * True (default) when a namespace filter change may wait for the page's next show while its view is kept hidden:
     * for a page that filters on the FX thread. A page whose {@link #namespaceFilterChanged()} starts background work
     * returns false: the work starts at once, so the page does not show the previous filter's figures when shown.
     */
    protected boolean namespaceFilterWaitsForShow() {
        return true;
    }

    /** The namespace filter changed (FX thread): by default a {@link NamespaceFiltered} view model refilters. */
    protected void namespaceFilterChanged() {
        if (vm instanceof NamespaceFiltered f) {
            f.setNamespaceFilter(namespaceVisible());
        }
    }

    /** Runs background work for the current load: a result of an older load is dropped. */
    protected final LatestOnly latest() {
        return latest;
    }

    /** True while the page's view is in the window and visible (not just prepared ahead, hidden). */
    protected final boolean isShown() {
        return view != null && view.getScene() != null && view.isVisible();
    }

    /**
     * Runs {@code action} now when the page is shown, else the next time it is shown (pages nobody opens do no work).
     * Only the latest action waits.
     */
    protected final void whenShown(Runnable action) {
        pendingShown = action;
        pendingInWindow = false;
        if (isShown()) {
            runPendingShown();
        }
    }

    /**
     * True while the page's view is in the window but hidden (prepared ahead, or left for another page and kept): a
     * namespace filter change waits for its next show, so that the change restyles only the page on screen (every
     * hidden view in the window would follow it in the same pulses: 37-91 ms on the large cluster).
     */
    private boolean isKeptHidden() {
        return isInWindow() && !view.isVisible();
    }

    /** True while the page's view is in the window: shown, or prepared ahead and kept there hidden. */
    protected final boolean isInWindow() {
        return view != null && view.getScene() != null;
    }

    /**
     * Runs {@code action} now when the page's view is in the window (shown, or prepared ahead and kept there hidden),
     * else once it joins it: for work whose result the page should have drawn before it is first shown (the shell
     * prepares pages in idle time, so that work runs then; pages nobody opens and the shell does not prepare still do
     * none). Only the latest action waits (shared with {@link #whenShown}).
     */
    protected final void whenInWindow(Runnable action) {
        pendingShown = action;
        pendingInWindow = true;
        if (isInWindow()) {
            runPendingShown();
        }
    }

    /**
     * Runs a load's work for the view ({@code action}, e.g. its analysis): while the view is kept in the window hidden,
     * at its next show (a later load: its result arriving among the load's own callbacks made long gaps, and a page
     * left hidden may not be opened again); otherwise, now or once the view joins the window ({@link #whenInWindow}:
     * the first load's result is then drawn while the shell prepares the page in idle time, not when it first shows).
     */
    protected final void whenLoadWanted(Runnable action) {
        if (isKeptHidden()) {
            whenShown(action);
        } else {
            whenInWindow(action);
        }
    }

    /**
     * Shows a result of background work ({@code apply} changes the view model, the view follows): now when the page is
     * shown or not in the window; while its view is kept hidden, in a step of its own ({@link PacedSteps}: one pulse
     * styles this page's new nodes, not those of every page that follows the same change), or at the next show if that
     * comes first. Only the latest result waits, and a waiting one is dropped once {@link #latest()} moves on (newer
     * work submitted, or the page showed a newer load at once).
     */
    protected final void showResult(Runnable apply) {
        if (!isKeptHidden()) {
            pendingResult = null;
            apply.run();
            return;
        }
        boolean stepAdded = pendingResult != null;
        long generation = latest.generation();
        pendingResult = () -> {
            if (latest.generation() == generation) {
                apply.run();
            }
        };
        if (!stepAdded) {
            PacedSteps.of(view.getScene()).add(this::runPendingResult);
        }
    }

    private void runPendingResult() {
        Runnable r = pendingResult;
        pendingResult = null;
        if (r != null) {
            r.run();
        }
    }

    /** Runs {@code action} the next time the page is shown (e.g. to retry work that failed). */
    protected final void whenNextShown(Runnable action) {
        pendingShown = action;
        pendingInWindow = false;
    }

    private void runPendingShown() {
        Runnable r = pendingShown;
        pendingShown = null;
        pendingInWindow = false;
        if (r != null) {
            r.run();
        }
    }
}
