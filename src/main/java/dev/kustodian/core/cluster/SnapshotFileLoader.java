package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

import java.nio.file.Path;

/** Reads snapshot files (kubectl -o yaml|json output, or a kustodian snapshot). (Being written.) */
public final class SnapshotFileLoader {
    private SnapshotFileLoader() {
    }

    public static ClusterSnapshot load(Path path, Progress progress, Cancellation cancel) {
        throw new UnsupportedOperationException("being written");
    }
}
