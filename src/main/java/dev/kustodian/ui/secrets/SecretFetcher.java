package dev.kustodian.ui.secrets;

/**
 * Fetches the value of ONE key of ONE secret, for the safe reveal: a GET of that secret, the key's bytes
 * extracted, the Secret object dropped at once ({@code ClusterPort.revealKey}). Errors are sentences that name the
 * secret and key, never a value.
 */
@FunctionalInterface
public interface SecretFetcher {

    /** The decoded bytes of {@code key} (the caller wipes them after use). */
    byte[] fetch(String namespace, String name, String key);
}
