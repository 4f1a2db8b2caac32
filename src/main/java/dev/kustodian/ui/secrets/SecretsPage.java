package dev.kustodian.ui.secrets;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

import java.time.Clock;
import java.util.List;

/**
 * Secrets: the inventory of every visible secret (type, keys, size, age, managed by, used by, readers, worst
 * finding), the selected secret's detail (keys with safe reveal, type-aware facts, uses, readers with paths,
 * findings with Fix buttons) and "Move to external store". The inventory of the first load is built once the page's
 * view is in the window (shown, or prepared ahead hidden, so that its rows are drawn in idle time, not in the pulse that
 * first shows the page); the inventory of a later load that came while the page was hidden is built when it is shown
 * (pages nobody opens and the shell does not prepare do no work).
 */
public final class SecretsPage extends AbstractPage<SecretsView, SecretsViewModel> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("secrets", "Secrets", Feather.KEY, 2);
    private final Clock clock;

    public SecretsPage(PageContext ctx) {
        this(ctx, RevealTimer.fx(), SecretClipboard.system(), Clock.systemUTC());
    }

    /** For tests: an injectable timer (fire the 30 s without sleeping), clipboard and clock. */
    public SecretsPage(PageContext ctx, RevealTimer timer, SecretClipboard clipboard, Clock clock) {
        super(ctx, INFO, new SecretsViewModel(new RevealViewModel(ctx.tasks(), timer, clipboard)), SecretsView::new);
        this.clock = clock;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        vm.reveal.setSession(session);
        latest().invalidate();
        List<Finding> findings = ctx.state().findings();
        Analysis analysis = ctx.state().analysisOf(snapshot); // the load's analysis: its indexes are built already
        if (!isShown()) {
            vm.releasePreviousLoad(); // the new inventory is built when the page is shown (or prepared ahead)
        }
        // kept hidden: built when shown; else once in the window, so that the first load's rows are drawn in idle time
        // (54-74 ms of FX CPU in some first shows of the page on the 20,000-secret cluster)
        whenLoadWanted(() -> analyse(analysis, findings));
    }

    @Override
    public boolean prepareMore() {
        SecretsView v = viewIfCreated();
        return v != null && v.prepareRows();
    }

    private void analyse(Analysis analysis, List<Finding> findings) {
        latest().submit("Analysing secrets", (p, c) -> SecretsViewModel.analyse(analysis, findings, clock, c),
                vm::setInventory,
                t -> {
                    if (!isShown()) {
                        // built ahead for a page not shown yet: tried again (and a failure told) when it is shown
                        whenNextShown(() -> analyse(analysis, findings));
                        return;
                    }
                    if (!(t instanceof UserFacingException u && u.category() == UserFacingException.Category.CANCELLED)) {
                        ctx.dialogs().showError("Secrets", "The secrets inventory could not be built: "
                                + (t instanceof UserFacingException ? t.getMessage()
                                : "an internal error occurred (" + dev.kustodian.core.util.IoErrors.reason(t) + ")."));
                    }
                });
    }
}
