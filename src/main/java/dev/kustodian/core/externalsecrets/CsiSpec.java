package dev.kustodian.core.externalsecrets;

import java.util.List;

/**
 * A Secrets Store CSI Driver {@code SecretProviderClass} ({@code secrets-store.csi.x-k8s.io/v1}) for one provider,
 * optional {@code secretObjects} sync, and the workload that mounts it (for the Pod volume snippet).
 *
 * @param mountPath      where the workload mounts the files (default /mnt/secrets-store)
 * @param workloadServiceAccount the Pod's service account: the identity the provider uses
 */
public record CsiSpec(String name, String namespace, CsiProvider provider, List<SyncSecret> secretObjects,
                      String mountPath, String workloadServiceAccount) {

    public CsiSpec {
        secretObjects = secretObjects == null ? List.of() : List.copyOf(secretObjects);
    }

    public sealed interface CsiProvider permits AwsCsi, VaultCsi, AzureCsi, GcpCsi, AkeylessCsi {
    }

    /** objectType secretsmanager|ssmparameter; jmesPath entries pull JSON keys into their own files. */
    public record AwsObject(String objectName, String objectType, String objectAlias, List<JmesPath> jmesPath) {
        public AwsObject {
            jmesPath = jmesPath == null ? List.of() : List.copyOf(jmesPath);
        }
    }

    public record JmesPath(String path, String objectAlias) {
    }

    /** usePodIdentity: EKS Pod Identity when true, IRSA when false. */
    public record AwsCsi(String region, boolean usePodIdentity, List<AwsObject> objects) implements CsiProvider {
    }

    /** mount + path → secretPath (KV v2 inserts /data/); objectName is the file name. */
    public record VaultObject(String objectName, String mount, String path, String secretKey) {
    }

    public record VaultCsi(String roleName, String vaultAddress, String authMountPath,
                           SecretStoreSpec.KvVersion kvVersion, List<VaultObject> objects) implements CsiProvider {
    }

    /** objectType secret|key|cert */
    public record AzureObject(String objectName, String objectType, String objectAlias) {
    }

    /** clientId: workload identity client id. */
    public record AzureCsi(String keyvaultName, String tenantId, String clientId, List<AzureObject> objects)
            implements CsiProvider {
    }

    /** resourceName projects/P/secrets/S/versions/V → file path */
    public record GcpSecret(String resourceName, String path) {
    }

    public record GcpCsi(List<GcpSecret> secrets) implements CsiProvider {
    }

    public record AkeylessObject(String secretPath, String fileName) {
    }

    /** Akeyless CSI provider (akeylesslabs/akeyless-csi-provider), Kubernetes auth. */
    public record AkeylessCsi(String gatewayUrl, String accessId, String accessType, String k8sAuthConfigName,
                              List<AkeylessObject> objects) implements CsiProvider {
    }

    /** secretObjects: a synced Kubernetes Secret. */
    public record SyncSecret(String secretName, String type, List<SyncKey> data) {
    }

    public record SyncKey(String objectName, String key) {
    }
}
