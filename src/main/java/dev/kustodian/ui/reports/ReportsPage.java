package dev.kustodian.ui.reports;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.time.Clock;

/** Reports: every finding of every area, with detail and Fix buttons, exported as table/JSON/SARIF/Markdown/HTML. */
public final class ReportsPage implements Page {
    private final PageContext ctx;
    private final ReportsViewModel vm = new ReportsViewModel();
    private final Clock clock;
    private ReportsView view;

    public ReportsPage(PageContext ctx) {
        this(ctx, Clock.systemUTC());
    }

    public ReportsPage(PageContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
        vm.setNamespaceFilter(ctx.state()::namespaceVisible);
        ctx.state().namespaceFilter().addListener((ListChangeListener<String>) c ->
                vm.setNamespaceFilter(ctx.state()::namespaceVisible));
        ctx.state().findingsProperty().addListener((o, a, b) -> refresh());
    }

    @Override
    public String id() {
        return "reports";
    }

    @Override
    public String title() {
        return "Reports";
    }

    @Override
    public Ikon icon() {
        return Feather.FILE_TEXT;
    }

    @Override
    public int order() {
        return 7;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ReportsView(vm, ctx, clock);
        }
        return view;
    }

    @Override
    public TextInputControl filterField() {
        view();
        return view.filterField();
    }

    public ReportsViewModel viewModel() {
        return vm;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        refresh();
    }

    private void refresh() {
        ClusterSnapshot s = ctx.state().snapshot();
        vm.setFindings(ctx.state().findings(), s == null ? "" : s.source().describe());
        vm.setCoverage(s == null ? null : dev.kustodian.core.findings.Coverage.of(s,
                dev.kustodian.core.analysis.Analysis.allRules()));
    }
}
