package dev.kustodian.ui.roles;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

/** Roles (Ctrl+6): subjects and their bindings, with Right-size… and the least-privilege role wizard. */
public final class RolesPage extends AbstractPage<RolesView, RolesViewModel> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("roles", "Roles", Feather.KEY, 6);

    public RolesPage(PageContext ctx) {
        super(ctx, INFO, new RolesViewModel(), RolesView::new);
    }

    @Override
    protected void namespaceFilterChanged() {
        vm.refilter(namespaceVisible());
    }

    /**
     * The subjects and their bindings are built off the FX thread (on the 20,000-secret cluster ~100 ms: every
     * binding's rules as text); the FX thread only hands the finished rows to the table.
     */
    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        if (snapshot == null) {
            latest().invalidate();
            vm.update(null, namespaceVisible());
            return;
        }
        var analysis = ctx.state().analysisOf(snapshot);
        latest().submit("Subjects and their bindings", (progress, cancel) -> RolesViewModel.rows(analysis),
                rows -> showResult(() -> vm.show(rows, namespaceVisible())), t -> { });
    }
}
