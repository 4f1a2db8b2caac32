package dev.kustodian.ui.reports;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

import java.time.Clock;

/** Reports: every finding of every area, with detail and Fix buttons, exported as table/JSON/SARIF/Markdown/HTML. */
public final class ReportsPage extends AbstractPage<ReportsView, ReportsViewModel> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("reports", "Reports", Feather.FILE_TEXT, 7);

    public ReportsPage(PageContext ctx) {
        this(ctx, Clock.systemUTC());
    }

    public ReportsPage(PageContext ctx, Clock clock) {
        super(ctx, INFO, new ReportsViewModel(ctx.tasks()), (vm, c) -> new ReportsView(vm, c, clock));
        vm.showResultsThrough(this::showResult); // a view kept hidden follows a load in a paced step
        ctx.state().findings.addListener((o, a, b) -> refresh());
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        refresh();
    }

    private void refresh() {
        ClusterSnapshot s = ctx.state().snapshot();
        vm.setFindings(ctx.state().findings(), s == null ? "" : s.source().describe());
        vm.setCisBenchmark(ctx.state().cisBenchmark());
        vm.setCoverage(s == null ? null : dev.kustodian.core.findings.Coverage.of(s,
                dev.kustodian.core.analysis.Analysis.allRules()));
    }
}
