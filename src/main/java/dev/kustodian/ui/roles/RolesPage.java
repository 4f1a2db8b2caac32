package dev.kustodian.ui.roles;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Roles (Ctrl+6): subjects and their bindings, with Right-size… and the least-privilege role wizard. */
public final class RolesPage implements Page {
    private final PageContext ctx;
    private final RolesViewModel vm = new RolesViewModel();
    private RolesView view;

    public RolesPage(PageContext ctx) {
        this.ctx = ctx;
        ctx.state().namespaceFilter().addListener((ListChangeListener<String>) c ->
                vm.refilter(ctx.state()::namespaceVisible));
    }

    @Override
    public String id() {
        return "roles";
    }

    @Override
    public String title() {
        return "Roles";
    }

    @Override
    public Ikon icon() {
        return Feather.KEY;
    }

    @Override
    public int order() {
        return 6;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new RolesView(vm, ctx);
        }
        return view;
    }

    @Override
    public TextInputControl filterField() {
        view();
        return view.filterField();
    }

    public RolesViewModel viewModel() {
        return vm;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        vm.update(snapshot, ctx.state()::namespaceVisible);
    }
}
