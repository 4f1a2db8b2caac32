package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.Pulses;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Prepares the pages nobody opened yet, on the FX thread in idle pulses once a load is on screen, so that a page's
 * first show costs what a second show costs (its skins are built and its styles resolved). One small step per gap
 * between pulses, with an empty pulse between steps (a step's work and the CSS and layout pass it causes fall in
 * different gaps): create the page (it gets the load), create its view, add the view to the page area hidden (the next
 * pulse builds its skins, styles and lays it out at the page area's size; a larger view as its frame first, then its
 * parts a few per pulse: {@link ViewPieces}), let the page prepare more in steps of
 * its own ({@link Page#prepareMore()}, e.g. the Secrets table's rows), then leave it in the page area, hidden, until
 * it is shown ({@link #keepsViews()}; taken out again when that is off). A page is only prepared while a load is on
 * screen and no other load runs; the next load resumes where this one stopped.
 */
final class PagePreparation {
    private final Pane area;
    private final List<PageSlot> slots;
    private final BooleanSupplier idle;
    private final Supplier<Node> shown;
    private final Set<PageSlot> prepared = new HashSet<>();
    private final List<Runnable> whenDone = new ArrayList<>();
    private boolean running;
    private boolean on;
    /** The parts still out of the view being attached, or null. */
    private ViewPieces attaching;
    private PageSlot attachingSlot;
    /** The view being prepared now (joining, laid out, preparing more), or null. */
    private Node preparing;

    /**
     * @param area  where the page views are shown
     * @param idle  true while a load is on screen and no load runs
     * @param shown what the page area shows now (never taken out)
     */
    PagePreparation(Pane area, List<PageSlot> slots, BooleanSupplier idle, Supplier<Node> shown) {
        this.area = area;
        this.slots = slots;
        this.idle = idle;
        this.shown = shown;
    }

    /**
     * Turns the preparation on (the app's window, the benchmark). Off by default: TestFX tests look nodes up from their
     * own thread, and a page view joining or leaving the page area in an idle pulse races with that lookup.
     */
    void turnOn() {
        on = true;
    }

    /** True when turned on and {@code -Dkustodian.preparePages=false} is not set (to compare). */
    boolean enabled() {
        return on && !"false".equals(System.getProperty("kustodian.preparePages"));
    }

    /**
     * True when a prepared or shown page view stays in the page area, hidden, while another page shows (preparation
     * enabled and {@code -Dkustodian.keepPageViews=false} not set, to compare). A view that joins the scene again is
     * styled again from scratch (JavaFX reapplies CSS to a subtree whose parent changes): 10-95 ms for a page on the
     * large cluster; one that stays costs a visibility change.
     */
    boolean keepsViews() {
        return enabled() && !"false".equals(System.getProperty("kustodian.keepPageViews"));
    }

    /** The page view being prepared at this moment, or null (benchmarks name it in a long gap). */
    Node preparing() {
        return preparing;
    }

    /** A page shown needs no preparation (and a view being attached in parts is whole again before it shows). */
    void shown(PageSlot slot) {
        prepared.add(slot);
        if (slot == attachingSlot) {
            restoreAttaching();
        }
    }

    /** Starts (or resumes) preparing the pages not prepared yet. */
    void start() {
        if (!running && enabled()) {
            running = true;
            later(this::next);
        }
    }

    /** Runs {@code action} (FX thread) once every page is prepared: now if they are, or if preparing is off. */
    void whenDone(Runnable action) {
        if (!enabled() || remaining() == null) {
            action.run();
        } else {
            whenDone.add(action);
        }
    }

    private PageSlot remaining() {
        return slots.stream().filter(s -> !prepared.contains(s)).findFirst().orElse(null);
    }

    private void next() {
        PageSlot slot = remaining();
        if (slot == null) {
            running = false;
            List<Runnable> done = new ArrayList<>(whenDone);
            whenDone.clear();
            done.forEach(Runnable::run);
            return;
        }
        if (!idle.getAsBoolean() || area.getScene() == null) {
            running = false; // the next load resumes
            return;
        }
        if (slot.pageIfCreated() == null) {
            slot.page(); // created: gets the load (its background work starts)
            later(this::next);
            return;
        }
        Page page = slot.page();
        if (!page.prepareAhead()) {
            prepared.add(slot);
            later(this::next);
            return;
        }
        if (!page.hasView()) {
            page.view();
            later(this::next);
            return;
        }
        prepared.add(slot);
        Node view = page.view();
        if (view.getScene() != null || view.getParent() != null) {
            later(this::next);
            return;
        }
        view.setVisible(false);
        preparing = view;
        attaching = ViewPieces.cut(view); // the view's frame first, its larger parts one pulse after another
        attachingSlot = slot;
        area.getChildren().add(0, view);
        later(() -> attachMore(page, view));
    }

    /** One more pulse's worth of the view's parts back in place, while the view is still being prepared. */
    private void attachMore(Page page, Node view) {
        ViewPieces pieces = attaching;
        if (pieces != null && view.getParent() == area && shown.get() != view && idle.getAsBoolean()
                && pieces.restoreNext()) {
            later(() -> attachMore(page, view));
            return;
        }
        if (view.getParent() == area && shown.get() != view && !idle.getAsBoolean()) {
            area.getChildren().remove(view); // a load begins: the rest comes back out of the scene (no CSS pass)
        }
        restoreAttaching();
        later(() -> finish(page, view));
    }

    /** Puts back every part of the view being attached that is still out (it is shown, or the preparation stops). */
    private void restoreAttaching() {
        ViewPieces pieces = attaching;
        attaching = null;
        attachingSlot = null;
        if (pieces != null) {
            pieces.restoreAll();
        }
    }

    /** The view was styled and laid out: the page may prepare more, one step per pulse, then the view leaves. */
    private void finish(Page page, Node view) {
        boolean prepared = view.getParent() == area && shown.get() != view;
        if (prepared && idle.getAsBoolean() && page.prepareMore()) {
            later(() -> finish(page, view));
            return;
        }
        preparing = null;
        if (prepared && keepsViews()) {
            later(this::next); // stays in the page area, hidden
            return;
        }
        if (prepared) {
            area.getChildren().remove(view);
        }
        view.setVisible(true);
        later(this::next);
    }

    /** Runs {@code step} in the gap after the pulse after the next one (one pulse without this work in between). */
    private void later(Runnable step) {
        Scene scene = area.getScene();
        if (scene == null) {
            running = false;
            preparing = null;
            restoreAttaching();
            return;
        }
        Pulses.afterNextPulse(scene, () -> Pulses.afterNextPulse(scene, step));
    }
}
