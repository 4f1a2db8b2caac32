package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.KubeconfigContexts;

import java.util.List;
import java.util.Optional;

/**
 * Feeds the context picker: the kubeconfig's contexts and the current one, read by fabric8 through
 * {@link KubeconfigContexts} (the UI never parses a kubeconfig by hand).
 */
public interface ContextSource {

    /** Context names, in kubeconfig order. */
    List<String> contexts();

    /** The kubeconfig's current-context, when there is one. */
    Optional<String> current();

    /** True when a kubeconfig exists (KUBECONFIG or ~/.kube/config): the app starts on it instead of the demo. */
    boolean kubeconfigExists();

    /** The API server URL of {@code context} as written in the kubeconfig, or "" when not known. */
    default String server(String context) {
        return "";
    }

    /**
     * A connection to {@code context} of {@code kubeconfig} (null: the default resolution) without loading it, for
     * reading what the in-cluster scanner published; off the FX thread.
     */
    default dev.kustodian.core.cluster.ClusterConnection connect(java.nio.file.Path kubeconfig, String context) {
        return dev.kustodian.core.cluster.ClusterConnection.open(
                dev.kustodian.core.cluster.SourceSpec.live(kubeconfig, context), 10_000);
    }

    static ContextSource of(List<String> contexts, String current, boolean kubeconfigExists) {
        return of(contexts, current, kubeconfigExists, java.util.Map.of());
    }

    /** Contexts with their servers ({@code servers}: context name to URL). */
    static ContextSource of(List<String> contexts, String current, boolean kubeconfigExists,
                            java.util.Map<String, String> servers) {
        return of(contexts, current, kubeconfigExists, servers, null);
    }

    /**
     * Contexts with their servers, connected to through {@code connector} (context name to connection; null: the
     * kubeconfig, as {@link #connect} does).
     */
    static ContextSource of(List<String> contexts, String current, boolean kubeconfigExists,
                            java.util.Map<String, String> servers,
                            java.util.function.Function<String, dev.kustodian.core.cluster.ClusterConnection> connector) {
        return new ContextSource() {
            @Override
            public dev.kustodian.core.cluster.ClusterConnection connect(java.nio.file.Path kubeconfig, String context) {
                return connector == null ? ContextSource.super.connect(kubeconfig, context) : connector.apply(context);
            }

            @Override
            public String server(String context) {
                return servers.getOrDefault(context, "");
            }

            @Override
            public List<String> contexts() {
                return List.copyOf(contexts);
            }

            @Override
            public Optional<String> current() {
                return Optional.ofNullable(current);
            }

            @Override
            public boolean kubeconfigExists() {
                return kubeconfigExists;
            }
        };
    }

    /**
     * The user's kubeconfig (KUBECONFIG merged like kubectl, else ~/.kube/config) through
     * {@link KubeconfigContexts}; a kubeconfig that cannot be read lists no contexts (opening it then shows
     * the clear error of the loader).
     */
    static ContextSource kubeconfig() {
        boolean exists = KubeconfigContexts.anyKubeconfigExists();
        if (!exists) {
            return of(List.of(), null, false);
        }
        try {
            KubeconfigContexts.Resolved r = KubeconfigContexts.resolve(null);
            java.util.Map<String, String> servers = new java.util.HashMap<>();
            r.contexts().forEach(c -> servers.put(c.name(), c.server()));
            return of(r.contexts().stream().map(KubeconfigContexts.ContextEntry::name).toList(),
                    r.currentContext(), true, servers);
        } catch (RuntimeException e) {
            return of(List.of(), null, true);
        }
    }
}
