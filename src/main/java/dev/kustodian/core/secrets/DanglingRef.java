package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.ObjectRef;

/**
 * A non-optional reference to a secret (or one key of it) that does not exist in the snapshot.
 *
 * @param key          the missing key, or null when the whole secret is missing
 * @param blocksStart  true when the pod cannot start because of it (env, envFrom, volumes); false for
 *                     imagePullSecrets (the kubelet only warns, pulls from private registries fail)
 */
public record DanglingRef(ObjectRef user, SecretUse.How how, String where, String namespace, String secretName,
                          String key, boolean blocksStart) {
}
