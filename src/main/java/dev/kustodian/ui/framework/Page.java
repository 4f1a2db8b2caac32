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

    /** Called on the FX thread after every successful load (and at creation when a snapshot is loaded). */
    void onSnapshot(ClusterSnapshot snapshot, ClusterSession session);

    /** The page's filter field: Ctrl+F focuses it. Null when the page has none. */
    default TextInputControl filterField() {
        return null;
    }
}
