package dev.kustodian.ui.access;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

/**
 * Access (issue 3): risky subjects ranked with reasons, a who-can query bar, a subject view (effective rules, access
 * matrix, binding paths) and the readers of a secret. The RBAC analysis runs through the TaskExecutor once the page's
 * view is in the window after the first load (shown, or prepared ahead hidden), and when the page is shown after a
 * later load that came while it was hidden (not for pages nobody opens and the shell does not prepare).
 */
public final class AccessPage extends AbstractPage<AccessView, AccessViewModel> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("access", "Access", Feather.USERS, 3);

    public AccessPage(PageContext ctx) {
        super(ctx, INFO, new AccessViewModel(), AccessView::new);
        vm.filterInBackground(ctx.tasks());
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        latest().invalidate();
        Analysis analysis = ctx.state().analysisOf(snapshot); // the load's analysis: its engine is built already
        if (!isShown()) {
            // the previous load's analysis (engine, readers, snapshot) is let go; the new one is built below
            vm.setAnalysis(null);
        }
        // kept hidden: analysed when shown; else once in the window, so that the first load's rows are drawn in idle
        // time (23-57 ms of FX CPU in the pulse that first showed the page on the large cluster)
        whenLoadWanted(() -> analyse(analysis));
    }

    private void analyse(Analysis analysis) {
        AccessView view = typedView();
        view.setLoading(true, null);
        latest().submit("Analysing access (RBAC)", (progress, cancel) -> AccessViewModel.analyse(analysis),
                a -> {
                    vm.setAnalysis(a);
                    view.setLoading(false, null);
                },
                e -> {
                    view.setLoading(false, "The access analysis did not complete: " + e.getMessage());
                    whenNextShown(() -> analyse(analysis));
                });
    }
}
