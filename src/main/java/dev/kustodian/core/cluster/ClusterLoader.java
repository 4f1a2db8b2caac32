package dev.kustodian.core.cluster;

import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

/**
 * The one entry point that turns a {@link SourceSpec} into a {@link ClusterSession}: live cluster, snapshot files
 * or the demo cluster. After loading, every source is the same {@link dev.kustodian.core.model.ClusterSnapshot}.
 * Errors are {@link dev.kustodian.core.util.UserFacingException}s with clear messages.
 */
public final class ClusterLoader {
    private ClusterLoader() {
    }

    public static ClusterSession open(SourceSpec spec, Progress progress, Cancellation cancel) {
        ClusterSession session = switch (spec.kind()) {
            case SNAPSHOT -> new ClusterSession(spec, SnapshotFileLoader.load(spec.snapshotPath(), progress, cancel),
                    null, null);
            case LIVE -> LiveLoader.open(spec, progress, cancel);
            case DEMO -> DemoCluster.open(progress, cancel);
            case IN_CLUSTER -> InCluster.open(InCluster.Environment.current(), spec.secrets(), spec.deadlines(),
                    progress, cancel);
        };
        return SecretsMetadata.apply(session, spec.secrets());
    }
}
