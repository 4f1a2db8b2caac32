package dev.kustodian.ui.framework;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;

import java.util.List;

/**
 * The kubeconfig contexts as the app knows them, for pages that work across clusters (the Fleet page): the list with
 * production marks, switching the app to one (as the context picker does), and loading one for background work
 * through the app's own opener (the same loader as the app; tests and screenshots give theirs).
 */
public interface KubeContexts {

    /** One context: name, API server URL (redacted), whether it is the kubeconfig's current one, production mark. */
    record Entry(String name, String server, boolean current, boolean production) {
    }

    /** The contexts in kubeconfig order (empty without a kubeconfig). */
    List<Entry> list();

    /** Switches the app's source to {@code context} (a load in the background, like the context picker). */
    void open(String context);

    /** Loads {@code context} for work off the FX thread; the caller closes the session. */
    ClusterSession load(String context, Progress progress, Cancellation cancel);

    /**
     * A connection to {@code context} without loading it (to read what the in-cluster scanner published); the caller
     * closes it. Off the FX thread.
     */
    dev.kustodian.core.cluster.ClusterConnection connect(String context);

    /** No kubeconfig contexts: what a page context without a kubeconfig (page tests) has. */
    KubeContexts NONE = new KubeContexts() {
        @Override
        public List<Entry> list() {
            return List.of();
        }

        @Override
        public void open(String context) {
            throw new IllegalArgumentException("No kubeconfig context \"" + context + "\" here.");
        }

        @Override
        public ClusterSession load(String context, Progress progress, Cancellation cancel) {
            throw new IllegalArgumentException("No kubeconfig context \"" + context + "\" here.");
        }

        @Override
        public dev.kustodian.core.cluster.ClusterConnection connect(String context) {
            throw new IllegalArgumentException("No kubeconfig context \"" + context + "\" here.");
        }
    };
}
