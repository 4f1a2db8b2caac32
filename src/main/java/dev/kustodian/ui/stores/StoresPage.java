package dev.kustodian.ui.stores;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.externalsecrets.SchemaValidator;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

/** External stores (order 5): operators, store objects, adoption, wizards, lint a folder. */
public final class StoresPage extends AbstractPage<StoresView, StoresViewModel> {
    public static final String ID = "external-stores";
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo(ID, "External stores", Feather.DATABASE, 5);

    public StoresPage(PageContext ctx) {
        super(ctx, INFO, new StoresViewModel(), StoresView::new);
        // findings arrive after the snapshot: only the Findings tab needs them (no second inventory pass)
        ctx.state().findings.addListener((o, a, b) -> vm.updateFindings(b, namespaceVisible()));
    }

    /**
     * Compiles the bundled CRD schemas once, off the FX thread, when the page is first shown (not at start-up: most
     * sessions never validate a manifest), so that its first wizard preview or lint does not wait.
     */
    static void preloadSchemas(dev.kustodian.ui.framework.TaskExecutor tasks) {
        tasks.submit("Prepare the CRD schemas", (p, c) -> {
            SchemaValidator.get().preload();
            return Boolean.TRUE;
        }, done -> { }, t -> {
            // the first validation will load (and report) it
        });
    }

    @Override
    protected void viewCreated(StoresView view) {
        preloadSchemas(ctx.tasks());
        refresh();
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

    /** Rebuilds the inventory off the FX thread (20,000 secrets take a while); shows it when it is the latest. */
    private void refresh() {
        ClusterSnapshot s = ctx.state().snapshot();
        if (s == null) {
            return;
        }
        java.util.function.Predicate<String> visible = ctx.state().namespaceVisibility();
        java.util.List<dev.kustodian.core.findings.Finding> findings = ctx.state().findings();
        latest().submit("Inventory of the external stores", (p, c) -> StoresViewModel.compute(s, findings, visible),
                data -> showResult(() -> {
                    StoresView view = viewIfCreated();
                    String sel = view == null ? null : view.selectedSecretKey();
                    String obj = view == null ? null : view.selectedObjectKey();
                    vm.show(data);
                    if (ctx.state().findings() != findings) { // they arrived meanwhile (the listener showed them)
                        vm.updateFindings(ctx.state().findings(), visible);
                    }
                    if (view != null) {
                        view.reselect(sel, obj);
                    }
                }), t -> {
            if (!(t instanceof dev.kustodian.core.util.UserFacingException u
                    && u.category() == dev.kustodian.core.util.UserFacingException.Category.CANCELLED)) {
                ctx.dialogs().showError("External stores", "The inventory of the external stores could not be built ("
                        + dev.kustodian.core.util.IoErrors.reason(t) + ").");
            }
        });
    }
}
