package dev.kustodian.core.model;

import java.util.List;

/**
 * A ServiceAccount. {@code automountToken} is null when unset (the default, which mounts).
 * {@code secrets} lists the names in {@code .secrets} (legacy token references).
 */
public record ServiceAccountInfo(
        ObjectMeta meta,
        Boolean automountToken,
        List<String> secrets,
        List<String> imagePullSecrets) implements HasMeta {
    public ServiceAccountInfo {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
    }

    /** The user name authentication gives this account's tokens. */
    public String userName() {
        return "system:serviceaccount:" + meta().namespace() + ":" + meta().name();
    }
}
