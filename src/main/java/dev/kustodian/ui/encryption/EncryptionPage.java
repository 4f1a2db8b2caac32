package dev.kustodian.ui.encryption;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

/** Encryption at rest (Ctrl+4): posture, file analysis, wizards, etcd verification. */
public final class EncryptionPage extends AbstractPage<EncryptionView> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("encryption", "Encryption", Feather.LOCK, 4);
    private final EncryptionViewModel vm;

    public EncryptionPage(PageContext ctx) {
        super(ctx, INFO);
        this.vm = new EncryptionViewModel(ctx.tasks());
    }

    @Override
    protected EncryptionView createView() {
        return new EncryptionView(vm, ctx);
    }

    public EncryptionViewModel viewModel() {
        return vm;
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        if (snapshot != null) {
            vm.update(snapshot, session);
        }
    }
}
