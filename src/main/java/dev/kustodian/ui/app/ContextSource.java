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

    static ContextSource of(List<String> contexts, String current, boolean kubeconfigExists) {
        return new ContextSource() {
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
            return of(r.contexts().stream().map(KubeconfigContexts.ContextEntry::name).toList(),
                    r.currentContext(), true);
        } catch (RuntimeException e) {
            return of(List.of(), null, true);
        }
    }
}
