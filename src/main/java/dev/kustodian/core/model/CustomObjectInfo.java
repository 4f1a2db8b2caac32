package dev.kustodian.core.model;

import java.util.Map;

/**
 * A custom resource the analyses care about (ESO ExternalSecret/SecretStore/ClusterSecretStore/PushSecret,
 * SealedSecret, SecretProviderClass, cert-manager Certificate...). {@code spec} is the object's spec as plain
 * maps/lists/strings; for SealedSecrets the ciphertext values of {@code encryptedData} are replaced by their
 * length, since they are of no use to an analysis.
 */
public record CustomObjectInfo(String apiVersion, String kind, ObjectMeta meta, Map<String, Object> spec)
        implements HasMeta {
    public CustomObjectInfo {
        spec = spec == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(spec));
    }

    public String group() {
        int i = apiVersion.indexOf('/');
        return i < 0 ? "" : apiVersion.substring(0, i);
    }
}
