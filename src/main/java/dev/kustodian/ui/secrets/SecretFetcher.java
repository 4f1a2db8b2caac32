package dev.kustodian.ui.secrets;

import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Base64;
import java.util.Map;

/**
 * Fetches the value of ONE key of ONE secret, for the safe reveal: a GET of that secret, the key's bytes
 * extracted, the Secret object dropped at once. Errors are sentences that name the secret and key, never a value.
 */
@FunctionalInterface
public interface SecretFetcher {

    /** The decoded bytes of {@code key} (the caller wipes them after use). */
    byte[] fetch(String namespace, String name, String key);

    /** A fetcher over the session's fabric8 client. */
    static SecretFetcher of(KubernetesClient client) {
        return (namespace, name, key) -> {
            String encoded;
            try {
                Secret s = client.secrets().inNamespace(namespace).withName(name).get();
                if (s == null) {
                    throw new UserFacingException(UserFacingException.Category.FAILED, "Secret " + name + " in "
                            + namespace + " no longer exists: refresh to update the list.");
                }
                Map<String, String> data = s.getData();
                encoded = data == null ? null : data.get(key);
                // drop the fetched object (and every other key) right away
                s = null;
                data = null;
            } catch (KubernetesClientException e) {
                throw failure(namespace, name, e.getCode());
            }
            if (encoded == null) {
                throw new UserFacingException(UserFacingException.Category.FAILED, "Secret " + name + " in "
                        + namespace + " has no key " + key + " any more: refresh to update the list.");
            }
            try {
                return Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(UserFacingException.Category.FAILED, "The API server returned key "
                        + key + " of secret " + name + " in " + namespace + " in a form that is not base64.");
            }
        };
    }

    /** The sentence for an HTTP failure of the GET (no server message: it is not needed and never shown). */
    static UserFacingException failure(String namespace, String name, int code) {
        String msg = switch (code) {
            case 403 -> "You may not get secret " + name + " in " + namespace + ": ask for get on secrets, "
                    + "e.g. a Role in " + namespace + " with get on secrets limited to resourceNames [" + name
                    + "], bound to you.";
            case 401 -> "The API server did not accept your credentials while getting secret " + name + " in "
                    + namespace + ": log in again (refresh your kubeconfig credentials) and retry.";
            case 404 -> "Secret " + name + " in " + namespace + " no longer exists: refresh to update the list.";
            case 0 -> "Could not reach the API server to get secret " + name + " in " + namespace
                    + ": check the connection and retry.";
            default -> "Getting secret " + name + " in " + namespace + " failed (HTTP " + code + "): retry, or "
                    + "refresh the page.";
        };
        return new UserFacingException(code == 0 ? UserFacingException.Category.CLUSTER_UNREACHABLE
                : UserFacingException.Category.FAILED, msg);
    }
}
