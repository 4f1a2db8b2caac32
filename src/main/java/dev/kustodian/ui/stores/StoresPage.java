package dev.kustodian.ui.stores;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.externalsecrets.SchemaValidator;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** External stores (order 5): operators, store objects, adoption, wizards, lint a folder. */
public final class StoresPage implements Page {
    public static final String ID = "external-stores";
    private final PageContext ctx;
    private final StoresViewModel vm = new StoresViewModel();
    private StoresView view;

    public StoresPage(PageContext ctx) {
        this.ctx = ctx;
        ctx.state().namespaceFilter().addListener((ListChangeListener<String>) c -> refresh());
        // findings arrive after the snapshot: only the Findings tab needs them (no second inventory pass)
        ctx.state().findingsProperty().addListener((o, a, b) ->
                vm.updateFindings(b, ctx.state()::namespaceVisible));
        preloadSchemas(ctx.tasks());
    }

    /** Compiles the bundled CRD schemas once, off the FX thread, so the first wizard preview does not wait. */
    static void preloadSchemas(dev.kustodian.ui.framework.TaskExecutor tasks) {
        tasks.submit("Prepare the CRD schemas", (p, c) -> {
            SchemaValidator.get().preload();
            return Boolean.TRUE;
        }, done -> { }, t -> {
            // the first validation will load (and report) it
        });
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "External stores";
    }

    @Override
    public Ikon icon() {
        return Feather.DATABASE;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new StoresView(vm, ctx);
            refresh();
        }
        return view;
    }

    public StoresViewModel viewModel() {
        return vm;
    }

    @Override
    public TextInputControl filterField() {
        view();
        return view.filterField();
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        refresh();
    }

    private void refresh() {
        ClusterSnapshot s = ctx.state().snapshot();
        if (s == null) {
            return;
        }
        String sel = view == null ? null : view.selectedSecretKey();
        String obj = view == null ? null : view.selectedObjectKey();
        vm.update(s, ctx.state()::namespaceVisible);
        vm.updateFindings(ctx.state().findings(), ctx.state()::namespaceVisible);
        if (view != null) {
            view.reselect(sel, obj);
        }
    }
}
