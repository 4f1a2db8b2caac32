package dev.kustodian.ui.secrets;

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
import java.util.List;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.util.UserFacingException;

/**
 * Secrets: the inventory of every visible secret (type, keys, size, age, managed by, used by, readers, worst
 * finding), the selected secret's detail (keys with safe reveal, type-aware facts, uses, readers with paths,
 * findings with Fix buttons) and "Move to external store".
 */
public final class SecretsPage implements Page {
    private final PageContext ctx;
    private final SecretsViewModel vm;
    private final Clock clock;
    private SecretsView view;
    private long generation;
    private ClusterSnapshot pending;
    private List<Finding> pendingFindings;

    public SecretsPage(PageContext ctx) {
        this(ctx, RevealTimer.fx(), SecretClipboard.system(), Clock.systemUTC());
    }

    /** For tests: an injectable timer (fire the 30 s without sleeping), clipboard and clock. */
    public SecretsPage(PageContext ctx, RevealTimer timer, SecretClipboard clipboard, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
        this.vm = new SecretsViewModel(new RevealViewModel(ctx.tasks(), timer, clipboard));
        vm.setNamespaceFilter(ctx.state()::namespaceVisible);
        ctx.state().namespaceFilter().addListener((ListChangeListener<String>) c ->
                vm.setNamespaceFilter(ctx.state()::namespaceVisible));
    }

    @Override
    public String id() {
        return "secrets";
    }

    @Override
    public String title() {
        return "Secrets";
    }

    @Override
    public Ikon icon() {
        return Feather.KEY;
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new SecretsView(vm, ctx);
            // the inventory is built when the page is first shown after a load (not for every load)
            view.sceneProperty().addListener((o, a, b) -> {
                if (b != null && pending != null) {
                    analysePending();
                }
            });
        }
        return view;
    }

    @Override
    public TextInputControl filterField() {
        view();
        return view.filterField();
    }

    public SecretsViewModel viewModel() {
        return vm;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        vm.reveal().setSession(session);
        generation++;
        pending = snapshot;
        pendingFindings = ctx.state().findings();
        if (view != null && view.getScene() != null) {
            analysePending();
        }
    }

    private void analysePending() {
        ClusterSnapshot snapshot = pending;
        List<Finding> findings = pendingFindings;
        pending = null;
        pendingFindings = null;
        long gen = generation;
        ctx.tasks().submit("Analysing secrets", (p, c) -> SecretsViewModel.analyse(snapshot, findings, clock, c),
                inv -> {
                    if (gen == generation) {
                        vm.setInventory(inv);
                    }
                },
                t -> {
                    if (gen == generation && !(t instanceof UserFacingException u
                            && u.category() == UserFacingException.Category.CANCELLED)) {
                        ctx.dialogs().showError("Secrets", "The secrets inventory could not be built: "
                                + (t instanceof UserFacingException ? t.getMessage()
                                : "an internal error occurred (" + t.getClass().getSimpleName() + ")."));
                    }
                });
    }
}
