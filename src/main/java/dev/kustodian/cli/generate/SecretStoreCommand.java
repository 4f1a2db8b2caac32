package dev.kustodian.cli.generate;

import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import dev.kustodian.core.externalsecrets.SecretStoreSpec.*;
import dev.kustodian.core.externalsecrets.StoreGenerator;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.kustodian.cli.generate.BundleOutput.require;

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
public final class SecretStoreCommand implements Callable<Integer>, BundleSource {
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

    @Override
    public Integer call() {
        return BundleOutput.emit(spec, bundle(), output, null);
    }

    @Override
    public dev.kustodian.core.output.Bundle bundle() {
        if (!cluster) {
            require(namespace, "--namespace", "a SecretStore is namespaced (or use --cluster)");
        }
        return StoreGenerator.generate(toSpec());
    }

    SecretStoreSpec toSpec() {
        return new SecretStoreSpec(name, namespace, cluster, provider(), refreshInterval, allowedNamespaces);
    }

    private ServiceAccountRef sa(boolean required) {
        if (serviceAccount == null) {
            if (required) {
                throw UserFacingException.badInput("Missing --service-account for --auth " + auth + ".");
            }
            return null;
        }
        return new ServiceAccountRef(serviceAccount, serviceAccountNamespace, audiences);
    }

    private SecretKeyRef secret(String key) {
        require(secretName, "--secret-name", "--auth " + auth + " reads credentials from a Kubernetes Secret");
        return new SecretKeyRef(secretName, key, secretNamespace);
    }

    private String authOr(String d) {
        if (auth == null) {
            auth = d;
        }
        return auth;
    }

    private Provider provider() {
        switch (provider) {
            case "aws" -> {
                require(region, "--region", "the AWS provider needs a region");
                AwsAuth a = switch (authOr("controller")) {
                    case "controller" -> new AwsControllerIdentity();
                    case "jwt", "irsa" -> new AwsJwt(sa(true));
                    case "secret" -> new AwsStaticKeys(secret(keyAccessKeyId), secret(keySecretAccessKey),
                            keySessionToken == null ? null : secret(keySessionToken));
                    default -> throw badAuth("controller, jwt, secret");
                };
                return new Aws(awsService, region, role, a);
            }
            case "vault" -> {
                require(vaultServer, "--vault-server", "the Vault provider needs the server URL");
                VaultAuth a = switch (authOr("kubernetes")) {
                    case "kubernetes" -> new VaultKubernetes(vaultAuthMount,
                            require(vaultRole, "--vault-role", "kubernetes auth logs in to a Vault role"), sa(false));
                    case "token" -> new VaultToken(secret(keyToken));
                    case "approle" -> new VaultAppRole(vaultAuthMount,
                            require(vaultRoleId, "--vault-role-id", "appRole needs the role id"), secret(keySecretId));
                    case "jwt" -> new VaultJwt(vaultAuthMount,
                            require(vaultRole, "--vault-role", "jwt auth logs in to a Vault role"), sa(true));
                    default -> throw badAuth("kubernetes, token, approle, jwt");
                };
                return new Vault(vaultServer, vaultPath, vaultVersion, vaultNamespace, a);
            }
            case "akeyless" -> {
                AkeylessAuth a = switch (authOr("secret")) {
                    case "secret" -> new AkeylessSecretAuth(secret(keyAccessId), secret(keyAccessType),
                            secret(keyAccessTypeParam));
                    case "kubernetes" -> new AkeylessKubernetesAuth(
                            require(akeylessAccessId, "--akeyless-access-id", "kubernetes auth needs the access id"),
                            require(akeylessK8sConf, "--akeyless-k8s-conf", "kubernetes auth needs the config name"),
                            sa(false));
                    default -> throw badAuth("secret, kubernetes");
                };
                return new Akeyless(akeylessGateway, a);
            }
            case "gcpsm", "gcp" -> {
                GcpAuth a = switch (authOr("workload-identity")) {
                    case "workload-identity" -> new GcpWorkloadIdentity(sa(true), gcpClusterLocation, gcpClusterName,
                            gcpClusterProject);
                    case "key" -> new GcpServiceAccountKey(secret(keyCredentials));
                    case "adc" -> new GcpDefaultCredentials();
                    default -> throw badAuth("workload-identity, key, adc");
                };
                return new Gcp(gcpProject, gcpLocation, a);
            }
            case "azurekv", "azure" -> {
                require(azureVaultUrl, "--azure-vault-url", "the Azure provider needs the vault URL");
                AzureAuth a = switch (authOr("workload-identity")) {
                    case "workload-identity" -> new AzureWorkloadIdentity(sa(true));
                    case "managed-identity" -> new AzureManagedIdentity(azureIdentityId);
                    case "service-principal" -> new AzureServicePrincipal(secret(keyClientId), secret(keyClientSecret));
                    default -> throw badAuth("workload-identity, managed-identity, service-principal");
                };
                return new Azure(azureVaultUrl, azureTenantId, a);
            }
            default -> throw UserFacingException.badInput("Unknown --provider '" + provider
                    + "': use aws, vault, akeyless, gcpsm or azurekv.");
        }
    }

    private UserFacingException badAuth(String allowed) {
        return UserFacingException.badInput("--auth " + auth + " is not available for " + provider + ": use one of "
                + allowed + ".");
    }
}
