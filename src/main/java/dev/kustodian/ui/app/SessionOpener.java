package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

/** Opens a source. The app uses {@link ClusterLoader#open}; tests and screenshots pass their own. */
@FunctionalInterface
public interface SessionOpener {
    ClusterSession open(SourceSpec spec, Progress progress, Cancellation cancel);

    SessionOpener CLUSTER_LOADER = ClusterLoader::open;
}
