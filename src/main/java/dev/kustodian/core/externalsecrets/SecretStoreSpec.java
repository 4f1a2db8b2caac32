package dev.kustodian.core.externalsecrets;

import java.util.List;

/**
 * What the SecretStore wizard and {@code kustodian generate secretstore} collect: an ESO
 * {@code external-secrets.io/v1} SecretStore (namespaced) or ClusterSecretStore, one provider and one auth choice.
 *
 * @param clusterScoped ClusterSecretStore when true (then {@code namespace} is ignored for the store itself)
 * @param conditionNamespaces ClusterSecretStore only: namespaces allowed to use it (empty = all)
 */
public record SecretStoreSpec(String name, String namespace, boolean clusterScoped, Provider provider,
                              String refreshInterval, List<String> conditionNamespaces) {

    public SecretStoreSpec {
        conditionNamespaces = conditionNamespaces == null ? List.of() : List.copyOf(conditionNamespaces);
    }

    public SecretStoreSpec(String name, String namespace, boolean clusterScoped, Provider provider) {
        this(name, namespace, clusterScoped, provider, null, List.of());
    }

    public String kind() {
        return clusterScoped ? "ClusterSecretStore" : "SecretStore";
    }

    /** A key in a Kubernetes Secret ({@code SecretKeySelector}); namespace may be null. */
    public record SecretKeyRef(String name, String key, String namespace) {
        public SecretKeyRef(String name, String key) {
            this(name, key, null);
        }
    }

    /** A service account reference; namespace may be null, audiences may be empty. */
    public record ServiceAccountRef(String name, String namespace, List<String> audiences) {
        public ServiceAccountRef {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }

        public ServiceAccountRef(String name) {
            this(name, null, List.of());
        }
    }

    /** One backend. */
    public sealed interface Provider permits Aws, Vault, Akeyless, Gcp, Azure {
        /** the key under spec.provider */
        String key();
    }

    // ---------------------------------------------------------------- AWS
    public enum AwsService { SecretsManager, ParameterStore }

    public record Aws(AwsService service, String region, String role, AwsAuth auth) implements Provider {
        public String key() {
            return "aws";
        }
    }

    public sealed interface AwsAuth permits AwsControllerIdentity, AwsJwt, AwsStaticKeys {
    }

    /** No auth block: the controller's own IRSA / EKS Pod Identity. */
    public record AwsControllerIdentity() implements AwsAuth {
    }

    /** IRSA through a token of this service account (annotated with eks.amazonaws.com/role-arn). */
    public record AwsJwt(ServiceAccountRef serviceAccount) implements AwsAuth {
    }

    /** Static access keys in a Secret (least preferred). */
    public record AwsStaticKeys(SecretKeyRef accessKeyId, SecretKeyRef secretAccessKey, SecretKeyRef sessionToken)
            implements AwsAuth {
    }

    // ---------------------------------------------------------------- Vault
    public enum KvVersion { v1, v2 }

    public record Vault(String server, String path, KvVersion version, String vaultNamespace, VaultAuth auth)
            implements Provider {
        public String key() {
            return "vault";
        }
    }

    public sealed interface VaultAuth permits VaultKubernetes, VaultToken, VaultAppRole, VaultJwt {
    }

    /** Kubernetes auth: mount path (default kubernetes), role, and a service account (null = controller's own). */
    public record VaultKubernetes(String mountPath, String role, ServiceAccountRef serviceAccount) implements VaultAuth {
    }

    public record VaultToken(SecretKeyRef token) implements VaultAuth {
    }

    public record VaultAppRole(String path, String roleId, SecretKeyRef secretId) implements VaultAuth {
    }

    /** JWT/OIDC auth with a Kubernetes service-account token. */
    public record VaultJwt(String path, String role, ServiceAccountRef serviceAccount) implements VaultAuth {
    }

    // ---------------------------------------------------------------- Akeyless
    public record Akeyless(String gatewayUrl, AkeylessAuth auth) implements Provider {
        public String key() {
            return "akeyless";
        }
    }

    public sealed interface AkeylessAuth permits AkeylessSecretAuth, AkeylessKubernetesAuth {
    }

    /** Access id / type / type param in a Secret (api_key, access_key, aws_iam, gcp, azure_ad, k8s). */
    public record AkeylessSecretAuth(SecretKeyRef accessId, SecretKeyRef accessType, SecretKeyRef accessTypeParam)
            implements AkeylessAuth {
    }

    /** Akeyless Kubernetes auth: access id + k8s auth config name, with a service account token. */
    public record AkeylessKubernetesAuth(String accessId, String k8sConfName, ServiceAccountRef serviceAccount)
            implements AkeylessAuth {
    }

    // ---------------------------------------------------------------- GCP
    public record Gcp(String projectId, String location, GcpAuth auth) implements Provider {
        public String key() {
            return "gcpsm";
        }
    }

    public sealed interface GcpAuth permits GcpWorkloadIdentity, GcpServiceAccountKey, GcpDefaultCredentials {
    }

    public record GcpWorkloadIdentity(ServiceAccountRef serviceAccount, String clusterLocation, String clusterName,
                                      String clusterProjectId) implements GcpAuth {
    }

    public record GcpServiceAccountKey(SecretKeyRef key) implements GcpAuth {
    }

    /** No auth block: application default credentials of the controller. */
    public record GcpDefaultCredentials() implements GcpAuth {
    }

    // ---------------------------------------------------------------- Azure
    public record Azure(String vaultUrl, String tenantId, AzureAuth auth) implements Provider {
        public String key() {
            return "azurekv";
        }
    }

    public sealed interface AzureAuth permits AzureWorkloadIdentity, AzureManagedIdentity, AzureServicePrincipal {
    }

    /** Service account annotated with azure.workload.identity/client-id. */
    public record AzureWorkloadIdentity(ServiceAccountRef serviceAccount) implements AzureAuth {
    }

    /** identityId only when the node has several identities; may be null. */
    public record AzureManagedIdentity(String identityId) implements AzureAuth {
    }

    public record AzureServicePrincipal(SecretKeyRef clientId, SecretKeyRef clientSecret) implements AzureAuth {
    }
}
