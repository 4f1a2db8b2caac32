package dev.kustodian.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A Secret without its values: key names, byte sizes, keyed fingerprints and type-specific facts.
 *
 * @param keys        the keys of {@code data} (and {@code stringData}), sorted by name
 * @param tls         certificate facts when the secret holds {@code tls.crt} (or {@code ca.crt}); else null
 * @param dockerConfig registry facts for {@code kubernetes.io/dockerconfigjson} / {@code dockercfg}; else null
 * @param serviceAccountName for {@code kubernetes.io/service-account-token}: the account it belongs to; else null
 */
public record SecretInfo(
        ObjectMeta meta,
        String type,
        boolean immutable,
        List<SecretKeyInfo> keys,
        TlsFacts tls,
        DockerConfigFacts dockerConfig,
        String serviceAccountName) implements HasMeta {

    public static final String TYPE_OPAQUE = "Opaque";
    public static final String TYPE_SA_TOKEN = "kubernetes.io/service-account-token";
    public static final String TYPE_TLS = "kubernetes.io/tls";
    public static final String TYPE_DOCKERCONFIGJSON = "kubernetes.io/dockerconfigjson";
    public static final String TYPE_DOCKERCFG = "kubernetes.io/dockercfg";
    public static final String TYPE_BASIC_AUTH = "kubernetes.io/basic-auth";
    public static final String TYPE_SSH_AUTH = "kubernetes.io/ssh-auth";
    public static final String TYPE_BOOTSTRAP_TOKEN = "bootstrap.kubernetes.io/token";
    public static final String TYPE_HELM_RELEASE = "helm.sh/release.v1";
    /**
     * The type of a secret read as metadata only ({@code --secrets metadata}): the type, the keys and every value fact
     * are unknown (not empty).
     */
    public static final String TYPE_UNKNOWN = "unknown (metadata only)";

    public SecretInfo {
        type = type == null || type.isEmpty() ? TYPE_OPAQUE : type;
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** False for a secret read as metadata only: its type, keys and value facts are unknown. */
    public boolean valuesKnown() {
        return !TYPE_UNKNOWN.equals(type);
    }

    public long totalBytes() {
        return keys.stream().mapToLong(SecretKeyInfo::size).sum();
    }

    public boolean hasKey(String key) {
        return keys.stream().anyMatch(k -> k.name().equals(key));
    }

    /**
     * One key of a secret.
     *
     * @param size        decoded byte length of the value
     * @param fingerprint keyed HMAC-SHA256 of the value (hex, 32 chars) with a key that exists only during one
     *                    load: equal fingerprints inside one snapshot mean equal values; nothing can be recovered
     * @param binary      the value is not valid UTF-8 text
     */
    public record SecretKeyInfo(String name, long size, String fingerprint, boolean binary) {
    }

    /** Facts of the first certificate of a PEM chain. */
    public record TlsFacts(
            String subject,
            String issuer,
            List<String> dnsNames,
            Instant notBefore,
            Instant notAfter,
            String keyAlgorithm,
            boolean selfSigned,
            int chainLength,
            String parseError) {
        public TlsFacts {
            dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
        }
    }

    /**
     * @param registries  registry hosts listed under {@code auths}
     * @param inlineAuth  at least one entry carries {@code auth} or {@code password} inline
     */
    public record DockerConfigFacts(List<String> registries, boolean inlineAuth, String parseError) {
        public DockerConfigFacts {
            registries = registries == null ? List.of() : List.copyOf(registries);
        }
    }
}
