package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.port.ClusterPort;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Optional;

/**
 * A loaded snapshot and, for live and demo sources, the {@link ClusterPort} to that cluster (used for reveal,
 * apply, rewrite, metrics; never for reading the snapshot again behind the analyses' back). Snapshot sources have
 * no cluster.
 */
public final class ClusterSession implements AutoCloseable {
    private final SourceSpec spec;
    private final ClusterSnapshot snapshot;
    private final KubernetesClient client;
    private final ClusterPort cluster;
    private final String contextName;

    /** A session over a fabric8 client (null for snapshot files); closing the session closes the client. */
    public ClusterSession(SourceSpec spec, ClusterSnapshot snapshot, KubernetesClient client, String contextName) {
        this(spec, snapshot, client, client == null ? null
                : new Fabric8ClusterPort(client, contextName, spec == null || spec.kind() != SourceSpec.Kind.DEMO),
                contextName);
    }

    private ClusterSession(SourceSpec spec, ClusterSnapshot snapshot, KubernetesClient client, ClusterPort cluster,
                           String contextName) {
        this.spec = spec;
        this.snapshot = snapshot;
        this.client = client;
        this.cluster = cluster;
        this.contextName = contextName;
    }

    /** A session whose cluster work goes to {@code cluster} (null: none), e.g. a fake in tests. */
    public static ClusterSession over(SourceSpec spec, ClusterSnapshot snapshot, ClusterPort cluster,
                                      String contextName) {
        return new ClusterSession(spec, snapshot, null, cluster, contextName);
    }

    public SourceSpec spec() {
        return spec;
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    /** The live cluster behind this session; empty for snapshot files. */
    public Optional<ClusterPort> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** The fabric8 client (the adapter's own business: only this package sees it). */
    Optional<KubernetesClient> fabric8Client() {
        return Optional.ofNullable(client);
    }

    /** The kubeconfig context (live), "demo", or null for snapshot files. */
    public String contextName() {
        return contextName;
    }

    /** A new session with a freshly loaded snapshot over the same cluster connection. */
    public ClusterSession withSnapshot(ClusterSnapshot newSnapshot) {
        return new ClusterSession(spec, newSnapshot, client, cluster, contextName);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
