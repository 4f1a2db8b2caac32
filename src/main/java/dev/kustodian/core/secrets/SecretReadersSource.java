package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.AnalysisContext;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Who can read a secret: the seam between the secrets rules and the RBAC engine. The engine provides an
 * implementation through a {@link Provider} listed in
 * {@code META-INF/services/dev.kustodian.core.secrets.SecretReadersSource$Provider}; tests (and the UI, if it
 * already holds an engine) can {@link #install} one on a context. Without either, {@link #UNAVAILABLE} is used
 * and the reader rules report nothing.
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

    /** The source for {@code context}: an installed one, else the first provider found, else UNAVAILABLE. */
    static SecretReadersSource of(AnalysisContext context) {
        Holder h = context.derived(Holder.class, s -> new Holder());
        synchronized (h) {
            if (h.source == null) {
                SecretReadersSource found = UNAVAILABLE;
                for (Provider p : ServiceLoader.load(Provider.class, SecretReadersSource.class.getClassLoader())) {
                    found = p.create(context);
                    break;
                }
                h.source = found;
            }
            return h.source;
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
