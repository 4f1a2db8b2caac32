package dev.kustodian.ui.overview;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.Set;

/** Overview: posture per area, top findings with Fix buttons, counts, visibility gaps, onboarding checklist. */
public final class OverviewPage implements Page {
    private final PageContext ctx;
    private final OverviewViewModel vm = new OverviewViewModel();
    private final Set<String> ruleIds = OverviewViewModel.registeredRuleIds();
    private OverviewView view;

    public OverviewPage(PageContext ctx) {
        this.ctx = ctx;
        ctx.state().namespaceFilter().addListener((ListChangeListener<String>) c -> refresh());
    }

    @Override
    public String id() {
        return "overview";
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Ikon icon() {
        return Feather.HOME;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new OverviewView(vm, ctx);
        }
        return view;
    }

    public OverviewViewModel viewModel() {
        return vm;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        refresh();
    }

    private void refresh() {
        ClusterSnapshot s = ctx.state().snapshot();
        if (s != null) {
            vm.update(s, ctx.state().findings(), ruleIds, ctx.state()::namespaceVisible);
        }
    }
}
