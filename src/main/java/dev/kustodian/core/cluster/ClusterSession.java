package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Optional;

/**
 * A loaded snapshot and, for live and demo sources, the client it came through (used for reveal, apply, rewrite;
 * never for reading the snapshot again behind the analyses' back). Snapshot sources have no client.
 */
public final class ClusterSession implements AutoCloseable {
    private final SourceSpec spec;
    private final ClusterSnapshot snapshot;
    private final KubernetesClient client;
    private final String contextName;

    public ClusterSession(SourceSpec spec, ClusterSnapshot snapshot, KubernetesClient client, String contextName) {
        this.spec = spec;
        this.snapshot = snapshot;
        this.client = client;
        this.contextName = contextName;
    }

    public SourceSpec spec() {
        return spec;
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    public Optional<KubernetesClient> client() {
        return Optional.ofNullable(client);
    }

    /** The kubeconfig context (live), "demo", or null for snapshot files. */
    public String contextName() {
        return contextName;
    }

    /** A new session with a freshly loaded snapshot over the same client. */
    public ClusterSession withSnapshot(ClusterSnapshot newSnapshot) {
        return new ClusterSession(spec, newSnapshot, client, contextName);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
