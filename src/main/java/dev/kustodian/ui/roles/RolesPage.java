package dev.kustodian.ui.roles;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

/** Roles (Ctrl+6): subjects and their bindings, with Right-size… and the least-privilege role wizard. */
public final class RolesPage extends AbstractPage<RolesView> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("roles", "Roles", Feather.KEY, 6);
    private final RolesViewModel vm = new RolesViewModel();

    public RolesPage(PageContext ctx) {
        super(ctx, INFO);
    }

    @Override
    protected RolesView createView() {
        return new RolesView(vm, ctx);
    }

    @Override
    protected void namespaceFilterChanged() {
        vm.refilter(namespaceVisible());
    }

    public RolesViewModel viewModel() {
        return vm;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        vm.update(snapshot == null ? null : ctx.state().analysisOf(snapshot), namespaceVisible());
    }
}
