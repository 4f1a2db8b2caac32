package dev.kustodian.ui.framework;

import dev.kustodian.ui.app.Pages;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.kordamp.ikonli.Ikon;

/**
 * A page of the left navigation. Adding a page = one class implementing this + one line in the app's page list ({@code ui.app.Pages}).
 * Pages are created with a {@link PageContext} (state, executor, dialogs, wizards) and observe
 * {@link AppState} for the namespace filter.
 */
public interface Page {
    /** Stable id, e.g. {@code overview}, {@code secrets}. */
    String id();

    String title();

    Ikon icon();

    /**
     * Position in the navigation and the Ctrl+N shortcut: Overview 1, Secrets 2, Access 3, Encryption 4,
     * External stores 5, Roles 6, Reports 7.
     */
    int order();

    /** The page's root node (created once, kept). */
    Node view();

    /** True once {@link #view()} created the view. */
    default boolean hasView() {
        return true;
    }

    /** Called on the FX thread after every successful load (and at creation when a snapshot is loaded). */
    void onSnapshot(ClusterSnapshot snapshot, ClusterSession session);

    /**
     * True when the shell may create the page and its view ahead, in idle pulses after a load, and style them hidden
     * so that the page's first show is quick; false for a page whose view does work nobody asked for (e.g. reads
     * other clusters).
     */
    default boolean prepareAhead() {
        return true;
    }

    /**
     * One more small step of preparation while the shell prepares the page ahead (its view in the window, hidden),
     * called once per idle pulse until it returns false (nothing more to do); e.g. a table building its rows' cells.
     * Default: nothing.
     */
    default boolean prepareMore() {
        return false;
    }

    /** The page's filter field: Ctrl+F focuses it. Null when the page has none. */
    default TextInputControl filterField() {
        return null;
    }
}
