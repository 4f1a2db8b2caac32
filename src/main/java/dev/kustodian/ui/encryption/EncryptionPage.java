package dev.kustodian.ui.encryption;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

/** Encryption at rest (Ctrl+4): posture, file analysis, wizards, etcd verification. */
public final class EncryptionPage extends AbstractPage<EncryptionView, EncryptionViewModel> {
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo("encryption", "Encryption", Feather.LOCK, 4);

    public EncryptionPage(PageContext ctx) {
        super(ctx, INFO, new EncryptionViewModel(ctx.tasks()), EncryptionView::new);
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        if (snapshot != null) {
            vm.update(snapshot, session);
        }
    }
}
