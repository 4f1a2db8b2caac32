package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.AnalysisContext;

import java.util.List;

/**
 * Who can read a secret: the seam between the secrets rules and the RBAC engine. Every analysis
 * ({@code dev.kustodian.core.analysis.Analysis}) {@link #install}s the engine's source on its context; tests install
 * their own. A context without one answers {@link #UNAVAILABLE} and the reader rules say nothing.
 */
public interface SecretReadersSource {

    /** The subjects that can get, list or watch secret {@code namespace/name}. Never null. */
    List<SecretReader> readers(String namespace, String name);

    /** False when no RBAC analysis is available (the reader rules then stay silent). */
    default boolean available() {
        return true;
    }

    SecretReadersSource UNAVAILABLE = new SecretReadersSource() {
        @Override
        public List<SecretReader> readers(String namespace, String name) {
            return List.of();
        }

        @Override
        public boolean available() {
            return false;
        }
    };

    /**
     * Creates the source for one analysis. Implementations should be cheap and keep heavy state in
     * {@code context.derived(...)} (the RBAC engine's own memo) so that it is computed once per analysis.
     */
    interface Provider {
        SecretReadersSource create(AnalysisContext context);
    }

    /** The source installed on {@code context}, else UNAVAILABLE. */
    static SecretReadersSource of(AnalysisContext context) {
        Holder h = context.derived(Holder.class, s -> new Holder());
        synchronized (h) {
            return h.source == null ? UNAVAILABLE : h.source;
        }
    }

    /** Uses {@code source} for every rule evaluated with {@code context}. */
    static void install(AnalysisContext context, SecretReadersSource source) {
        Holder h = context.derived(Holder.class, s -> new Holder());
        synchronized (h) {
            h.source = source;
        }
    }

    /** Memo slot (not computed inside the context's map, so a provider may itself call {@code derived}). */
    final class Holder {
        private SecretReadersSource source;
    }
}
