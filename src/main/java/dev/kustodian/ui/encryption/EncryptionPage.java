package dev.kustodian.ui.encryption;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.PageContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Encryption at rest (Ctrl+4): posture, file analysis, wizards, etcd verification. */
public final class EncryptionPage implements Page {
    private final PageContext ctx;
    private final EncryptionViewModel vm;
    private EncryptionView view;

    public EncryptionPage(PageContext ctx) {
        this.ctx = ctx;
        this.vm = new EncryptionViewModel(ctx.tasks());
    }

    @Override
    public String id() {
        return "encryption";
    }

    @Override
    public String title() {
        return "Encryption";
    }

    @Override
    public Ikon icon() {
        return Feather.LOCK;
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new EncryptionView(vm, ctx);
        }
        return view;
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
