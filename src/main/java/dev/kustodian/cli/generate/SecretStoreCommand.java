package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.externalsecrets.SecretStoreRequest;
import dev.kustodian.core.externalsecrets.SecretStoreSpec.AwsService;
import dev.kustodian.core.externalsecrets.SecretStoreSpec.KvVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "secretstore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An External Secrets Operator SecretStore or ClusterSecretStore (external-secrets.io/v1).",
                "Providers and --auth choices:",
                "  aws      controller (default) | jwt (IRSA via --service-account) | secret (static keys)",
                "  vault    kubernetes (default) | token | approle | jwt",
                "  akeyless secret (access id/type/param in a Secret, default) | kubernetes",
                "  gcpsm    workload-identity (default) | key (SA JSON key in a Secret) | adc",
                "  azurekv  workload-identity (default) | managed-identity | service-principal",
                "Example: kustodian generate secretstore --name vault --namespace team-a --provider vault \\",
                "           --vault-server https://vault.example:8200 --vault-role team-a --service-account app"})
public final class SecretStoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", required = true, description = "Store name.")
    String name;
    @Option(names = {"-n", "--namespace"}, description = "Namespace of a SecretStore (required unless --cluster).")
    String namespace;
    @Option(names = "--cluster", description = "Generate a ClusterSecretStore (cluster-scoped).")
    boolean cluster;
    @Option(names = "--allowed-namespace", paramLabel = "NS",
            description = "ClusterSecretStore: namespaces allowed to use it (spec.conditions; repeatable).")
    List<String> allowedNamespaces = new ArrayList<>();
    @Option(names = "--provider", required = true, description = "aws | vault | akeyless | gcpsm | azurekv.")
    String provider;
    @Option(names = "--auth", description = "Auth choice for the provider (see above).")
    String auth;
    @Option(names = "--refresh-interval", description = "spec.refreshInterval of the store (seconds or duration).")
    String refreshInterval;

    // identities
    @Option(names = "--service-account", paramLabel = "NAME",
            description = "Service account the store authenticates as (jwt/IRSA, vault kubernetes/jwt, akeyless kubernetes, workload identity).")
    String serviceAccount;
    @Option(names = "--service-account-namespace", paramLabel = "NS",
            description = "Namespace of --service-account (ClusterSecretStore only; a SecretStore uses its own).")
    String serviceAccountNamespace;
    @Option(names = "--audience", description = "Token audience for --service-account (repeatable).")
    List<String> audiences = new ArrayList<>();
    @Option(names = "--secret-name", paramLabel = "NAME",
            description = "Kubernetes Secret holding the store credentials (static keys, token, appRole secret id, akeyless access, SA key, SP secret).")
    String secretName;
    @Option(names = "--secret-namespace", paramLabel = "NS",
            description = "Namespace of --secret-name (ClusterSecretStore; required for akeyless).")
    String secretNamespace;

    // aws
    @Option(names = "--aws-service", defaultValue = "SecretsManager",
            description = "aws: SecretsManager | ParameterStore (default ${DEFAULT-VALUE}).")
    AwsService awsService;
    @Option(names = "--region", description = "aws: region, e.g. eu-central-1.")
    String region;
    @Option(names = "--role", description = "aws: IAM role ARN to assume (optional).")
    String role;
    @Option(names = "--key-access-key-id", defaultValue = "access-key-id", description = "aws secret: key of the access key id (default ${DEFAULT-VALUE}).")
    String keyAccessKeyId;
    @Option(names = "--key-secret-access-key", defaultValue = "secret-access-key", description = "aws secret: key of the secret access key (default ${DEFAULT-VALUE}).")
    String keySecretAccessKey;
    @Option(names = "--key-session-token", description = "aws secret: key of a session token (optional).")
    String keySessionToken;

    // vault
    @Option(names = "--vault-server", description = "vault: server URL, e.g. https://vault.example:8200.")
    String vaultServer;
    @Option(names = "--vault-path", defaultValue = "secret", description = "vault: KV mount (default ${DEFAULT-VALUE}).")
    String vaultPath;
    @Option(names = "--vault-version", defaultValue = "v2", description = "vault: KV version v1 | v2 (default ${DEFAULT-VALUE}).")
    KvVersion vaultVersion;
    @Option(names = "--vault-namespace", description = "vault: Enterprise namespace (optional).")
    String vaultNamespace;
    @Option(names = "--vault-auth-mount", description = "vault: auth mount path (default kubernetes / approle / jwt).")
    String vaultAuthMount;
    @Option(names = "--vault-role", description = "vault: role for kubernetes or jwt auth.")
    String vaultRole;
    @Option(names = "--vault-role-id", description = "vault approle: the role id (not secret).")
    String vaultRoleId;
    @Option(names = "--key-token", defaultValue = "token", description = "vault token: key in --secret-name (default ${DEFAULT-VALUE}).")
    String keyToken;
    @Option(names = "--key-secret-id", defaultValue = "secret-id", description = "vault approle: key of the secret id (default ${DEFAULT-VALUE}).")
    String keySecretId;

    // akeyless
    @Option(names = "--akeyless-gateway", defaultValue = "https://api.akeyless.io",
            description = "akeyless: gateway API URL (default ${DEFAULT-VALUE}).")
    String akeylessGateway;
    @Option(names = "--akeyless-access-id", description = "akeyless kubernetes: access id (p-...).")
    String akeylessAccessId;
    @Option(names = "--akeyless-k8s-conf", description = "akeyless kubernetes: k8s auth config name.")
    String akeylessK8sConf;
    @Option(names = "--key-access-id", defaultValue = "accessId", description = "akeyless secret: key of the access id (default ${DEFAULT-VALUE}).")
    String keyAccessId;
    @Option(names = "--key-access-type", defaultValue = "accessType", description = "akeyless secret: key of the access type (default ${DEFAULT-VALUE}).")
    String keyAccessType;
    @Option(names = "--key-access-type-param", defaultValue = "accessTypeParam", description = "akeyless secret: key of the access type param (default ${DEFAULT-VALUE}).")
    String keyAccessTypeParam;

    // gcp
    @Option(names = "--gcp-project", description = "gcpsm: project id (required with --auth key).")
    String gcpProject;
    @Option(names = "--gcp-location", description = "gcpsm: location for regional secrets (optional).")
    String gcpLocation;
    @Option(names = "--gcp-cluster-location", description = "gcpsm workload identity: GKE cluster location (optional).")
    String gcpClusterLocation;
    @Option(names = "--gcp-cluster-name", description = "gcpsm workload identity: GKE cluster name (optional).")
    String gcpClusterName;
    @Option(names = "--gcp-cluster-project", description = "gcpsm workload identity: GKE cluster project (optional).")
    String gcpClusterProject;
    @Option(names = "--key-credentials", defaultValue = "credentials.json", description = "gcpsm key: key of the SA JSON (default ${DEFAULT-VALUE}).")
    String keyCredentials;

    // azure
    @Option(names = "--azure-vault-url", description = "azurekv: vault URL, e.g. https://my-vault.vault.azure.net.")
    String azureVaultUrl;
    @Option(names = "--azure-tenant-id", description = "azurekv: tenant id (required for service-principal).")
    String azureTenantId;
    @Option(names = "--azure-identity-id", description = "azurekv managed-identity: identity id when the node has several.")
    String azureIdentityId;
    @Option(names = "--key-client-id", defaultValue = "client-id", description = "azurekv service-principal: key of the client id (default ${DEFAULT-VALUE}).")
    String keyClientId;
    @Option(names = "--key-client-secret", defaultValue = "client-secret", description = "azurekv service-principal: key of the client secret (default ${DEFAULT-VALUE}).")
    String keyClientSecret;

    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    /** Request fields whose flag is not the key in kebab case. */
    static final Map<String, String> FLAGS = Map.of("allowedNamespaces", "allowed-namespace", "audiences", "audience");

    @Override
    public Integer call() {
        return BundleOutput.emit(spec, BundleOutput.generate(request(), FLAGS), output, null);
    }

    SecretStoreRequest request() {
        return new SecretStoreRequest(name, namespace, cluster, allowedNamespaces, provider, auth, refreshInterval,
                serviceAccount, serviceAccountNamespace, audiences, secretName, secretNamespace, awsService, region,
                role, keyAccessKeyId, keySecretAccessKey, keySessionToken, vaultServer, vaultPath, vaultVersion,
                vaultNamespace, vaultAuthMount, vaultRole, vaultRoleId, keyToken, keySecretId, akeylessGateway,
                akeylessAccessId, akeylessK8sConf, keyAccessId, keyAccessType, keyAccessTypeParam, gcpProject,
                gcpLocation, gcpClusterLocation, gcpClusterName, gcpClusterProject, keyCredentials, azureVaultUrl,
                azureTenantId, azureIdentityId, keyClientId, keyClientSecret);
    }
}
