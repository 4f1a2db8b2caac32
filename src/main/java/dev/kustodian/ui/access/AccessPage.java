package dev.kustodian.ui.access;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * Access (issue 3): risky subjects ranked with reasons, a who-can query bar, a subject view (effective rules, access
 * matrix, binding paths) and the readers of a secret. The RBAC analysis runs through the TaskExecutor.
 */
public final class AccessPage implements Page {
    private final PageContext ctx;
    private final AccessViewModel vm = new AccessViewModel();
    private AccessView view;
    private ClusterSnapshot analysed;
    private ClusterSnapshot pending;

    public AccessPage(PageContext ctx) {
        this.ctx = ctx;
        vm.setNamespaceVisible(ctx.state()::namespaceVisible);
        ctx.state().namespaceFilter().addListener((ListChangeListener<String>) c ->
                vm.setNamespaceVisible(ctx.state()::namespaceVisible));
    }

    @Override
    public String id() {
        return "access";
    }

    @Override
    public String title() {
        return "Access";
    }

    @Override
    public Ikon icon() {
        return Feather.USERS;
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new AccessView(vm, ctx);
            // the analysis runs when the page is first shown after a load (not for pages nobody opens)
            view.sceneProperty().addListener((o, a, b) -> {
                if (b != null) {
                    analysePending();
                }
            });
        }
        return view;
    }

    @Override
    public TextInputControl filterField() {
        view();
        return view.filterField();
    }

    public AccessViewModel viewModel() {
        return vm;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        pending = snapshot;
        if (view().getScene() != null) {
            analysePending();
        }
    }

    private void analysePending() {
        ClusterSnapshot snapshot = pending;
        if (snapshot == null || snapshot == analysed) {
            return;
        }
        analysed = snapshot;
        view.setLoading(true, null);
        ctx.tasks().submit("Analysing access (RBAC)", (progress, cancel) -> AccessViewModel.analyse(snapshot),
                a -> {
                    if (analysed == snapshot) {
                        vm.setAnalysis(a);
                        view.setLoading(false, null);
                    }
                },
                e -> {
                    if (analysed == snapshot) {
                        analysed = null;
                        view.setLoading(false, "The access analysis did not complete: " + e.getMessage());
                    }
                });
    }
}
