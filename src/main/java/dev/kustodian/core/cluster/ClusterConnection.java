package dev.kustodian.core.cluster;

import dev.kustodian.core.port.ClusterPort;

/**
 * A {@link ClusterPort} to a cluster without loading it (reading what the in-cluster scanner published, for one):
 * the client is made, nothing is listed until the port is used. Closing it closes the client.
 */
public final class ClusterConnection implements AutoCloseable {
    private final ClusterPort port;
    private final Runnable close;

    private ClusterConnection(ClusterPort port, Runnable close) {
        this.port = port;
        this.close = close;
    }

    /** A connection over {@code port} ({@code close} runs once on {@link #close()}; tests pass a fake port). */
    public static ClusterConnection of(ClusterPort port, Runnable close) {
        return new ClusterConnection(port, close);
    }

    /**
     * Connects to a kubeconfig context (or, for {@link SourceSpec.Kind#IN_CLUSTER}, the pod's cluster) with
     * {@code requestTimeoutMillis} per request; bad input for a source without a cluster (snapshot files) or a
     * kubeconfig entry that cannot be used.
     */
    public static ClusterConnection open(SourceSpec spec, int requestTimeoutMillis) {
        io.fabric8.kubernetes.client.Config config;
        String context;
        switch (spec.kind()) {
            case LIVE -> {
                KubeconfigContexts.Resolved resolved = KubeconfigContexts.resolve(spec.kubeconfig());
                config = LiveLoader.clientConfig(resolved, spec, new LiveLoader.Options(requestTimeoutMillis,
                        requestTimeoutMillis, 500, 0, 0, 1));
                context = spec.context() != null ? spec.context() : resolved.currentContext();
            }
            case IN_CLUSTER -> {
                config = InCluster.config(InCluster.Environment.current());
                config.setConnectionTimeout(requestTimeoutMillis);
                config.setRequestTimeout(requestTimeoutMillis);
                config.setRequestRetryBackoffLimit(0);
                context = InCluster.CONTEXT;
            }
            default -> throw dev.kustodian.core.util.UserFacingException.badInput(spec.describe()
                    + " has no API server to connect to.");
        }
        io.fabric8.kubernetes.client.KubernetesClient client;
        try {
            client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build();
        } catch (RuntimeException e) {
            throw dev.kustodian.core.util.UserFacingException.badInput("Could not create a client for context \""
                    + context + "\": " + KubeconfigContexts.safeReason(e) + ".");
        }
        return new ClusterConnection(new Fabric8ClusterPort(client, context, true), client::close);
    }

    public ClusterPort port() {
        return port;
    }

    @Override
    public void close() {
        close.run();
    }
}
