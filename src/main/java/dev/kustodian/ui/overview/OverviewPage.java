package dev.kustodian.ui.overview;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

import java.util.Set;

/** Overview: posture per area, top findings with Fix buttons, counts, visibility gaps, onboarding checklist. */
public final class OverviewPage extends AbstractPage<OverviewView, OverviewViewModel> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("overview", "Overview", Feather.HOME, 1);
    /** Up to this many findings the posture is computed on the FX thread (a few milliseconds). */
    private static final int INLINE_FINDINGS = 2_000;
    private final Set<String> ruleIds = OverviewViewModel.registeredRuleIds();

    public OverviewPage(PageContext ctx) {
        super(ctx, INFO, new OverviewViewModel(), OverviewView::new);
        // the plan is rebuilt by the Onboarding page after an accepted risk or a proof: the summary follows
        ctx.state().plan.addListener((o, a, b) -> {
            var analysis = ctx.state().analysis();
            if (b != null && analysis != null && analysis.snapshot() == ctx.state().snapshot()) { // not mid-load
                refresh();
            }
        });
    }

    @Override
    protected void namespaceFilterChanged() {
        refresh();
    }

    @Override
    protected boolean namespaceFilterWaitsForShow() {
        return false; // recomputed off the FX thread: started at once, not when shown
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        refresh();
    }

    /** Recomputes the posture off the FX thread (a load can have 80,000 findings); shown when it is the latest. */
    private void refresh() {
        ClusterSnapshot s = ctx.state().snapshot();
        if (s != null) {
            var plan = ctx.state().plan();
            var findings = ctx.state().findings();
            var visible = ctx.state().namespaceVisibility();
            var p = plan == null ? null : plan.plan();
            if (findings.size() <= INLINE_FINDINGS) { // drawn with the load's first frame, no flicker
                latest().invalidate();
                vm.show(OverviewViewModel.compute(s, findings, ruleIds, visible, p));
                return;
            }
            latest().submit("Overview", (progress, cancel) -> OverviewViewModel.compute(s, findings, ruleIds, visible, p),
                    m -> showResult(() -> vm.show(m)), t -> { });
        }
    }
}
