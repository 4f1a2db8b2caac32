package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.core.externalsecrets.SecretStoreRequest;
import dev.kustodian.core.externalsecrets.SecretStoreRequest.Field;
import dev.kustodian.core.externalsecrets.SecretStoreSpec.AwsService;
import dev.kustodian.core.externalsecrets.SecretStoreSpec.KvVersion;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "secretstore", description = {"An External Secrets Operator SecretStore or ClusterSecretStore (external-secrets.io/v1).",
                "Providers and --auth choices:",
                "  aws      controller (default) | jwt (IRSA via --service-account) | secret (static keys)",
                "  vault    kubernetes (default) | token | approle | jwt",
                "  akeyless secret (access id/type/param in a Secret, default) | kubernetes",
                "  gcpsm    workload-identity (default) | key (SA JSON key in a Secret) | adc",
                "  azurekv  workload-identity (default) | managed-identity | service-principal",
                "Example: kustodian generate secretstore --name vault --namespace team-a --provider vault \\",
                "           --vault-server https://vault.example:8200 --vault-role team-a --service-account app"})
public final class SecretStoreCommand extends RequestCommand {
    static final List<Flag> FLAGS = List.of(
            Flag.text(Field.NAME, "--name", "Store name.").required(),
            Flag.text(Field.NAMESPACE, "-n, --namespace", "Namespace of a SecretStore (required unless --cluster)."),
            Flag.check(Field.CLUSTER, "--cluster", "Generate a ClusterSecretStore (cluster-scoped)."),
            Flag.list(Field.ALLOWED_NAMESPACES, "--allowed-namespace", "ClusterSecretStore: namespaces allowed to use it (spec.conditions; repeatable).").label("NS"),
            Flag.text(Field.PROVIDER, "--provider", "aws | vault | akeyless | gcpsm | azurekv.").required(),
            Flag.text(Field.AUTH, "--auth", "Auth choice for the provider (see above)."),
            Flag.text(Field.REFRESH_INTERVAL, "--refresh-interval", "spec.refreshInterval of the store (seconds or duration)."),
            Flag.text(Field.SERVICE_ACCOUNT, "--service-account", "Service account the store authenticates as (jwt/IRSA, vault kubernetes/jwt, akeyless kubernetes, workload identity).").label("NAME"),
            Flag.text(Field.SERVICE_ACCOUNT_NAMESPACE, "--service-account-namespace", "Namespace of --service-account (ClusterSecretStore only; a SecretStore uses its own).").label("NS"),
            Flag.list(Field.AUDIENCES, "--audience", "Token audience for --service-account (repeatable)."),
            Flag.text(Field.SECRET_NAME, "--secret-name", "Kubernetes Secret holding the store credentials (static keys, token, appRole secret id, akeyless access, SA key, SP secret).").label("NAME"),
            Flag.text(Field.SECRET_NAMESPACE, "--secret-namespace", "Namespace of --secret-name (ClusterSecretStore; required for akeyless).").label("NS"),
            Flag.choice(Field.AWS_SERVICE, "--aws-service", AwsService.class, "aws: SecretsManager | ParameterStore (default ${DEFAULT-VALUE}).").or("SecretsManager"),
            Flag.text(Field.REGION, "--region", "aws: region, e.g. eu-central-1."),
            Flag.text(Field.ROLE, "--role", "aws: IAM role ARN to assume (optional)."),
            Flag.text(Field.KEY_ACCESS_KEY_ID, "--key-access-key-id", "aws secret: key of the access key id (default ${DEFAULT-VALUE}).").or("access-key-id"),
            Flag.text(Field.KEY_SECRET_ACCESS_KEY, "--key-secret-access-key", "aws secret: key of the secret access key (default ${DEFAULT-VALUE}).").or("secret-access-key"),
            Flag.text(Field.KEY_SESSION_TOKEN, "--key-session-token", "aws secret: key of a session token (optional)."),
            Flag.text(Field.VAULT_SERVER, "--vault-server", "vault: server URL, e.g. https://vault.example:8200."),
            Flag.text(Field.VAULT_PATH, "--vault-path", "vault: KV mount (default ${DEFAULT-VALUE}).").or("secret"),
            Flag.choice(Field.VAULT_VERSION, "--vault-version", KvVersion.class, "vault: KV version v1 | v2 (default ${DEFAULT-VALUE}).").or("v2"),
            Flag.text(Field.VAULT_NAMESPACE, "--vault-namespace", "vault: Enterprise namespace (optional)."),
            Flag.text(Field.VAULT_AUTH_MOUNT, "--vault-auth-mount", "vault: auth mount path (default kubernetes / approle / jwt)."),
            Flag.text(Field.VAULT_ROLE, "--vault-role", "vault: role for kubernetes or jwt auth."),
            Flag.text(Field.VAULT_ROLE_ID, "--vault-role-id", "vault approle: the role id (not secret)."),
            Flag.text(Field.KEY_TOKEN, "--key-token", "vault token: key in --secret-name (default ${DEFAULT-VALUE}).").or("token"),
            Flag.text(Field.KEY_SECRET_ID, "--key-secret-id", "vault approle: key of the secret id (default ${DEFAULT-VALUE}).").or("secret-id"),
            Flag.text(Field.AKEYLESS_GATEWAY, "--akeyless-gateway", "akeyless: gateway API URL (default ${DEFAULT-VALUE}).").or("https://api.akeyless.io"),
            Flag.text(Field.AKEYLESS_ACCESS_ID, "--akeyless-access-id", "akeyless kubernetes: access id (p-...)."),
            Flag.text(Field.AKEYLESS_K8S_CONF, "--akeyless-k8s-conf", "akeyless kubernetes: k8s auth config name."),
            Flag.text(Field.KEY_ACCESS_ID, "--key-access-id", "akeyless secret: key of the access id (default ${DEFAULT-VALUE}).").or("accessId"),
            Flag.text(Field.KEY_ACCESS_TYPE, "--key-access-type", "akeyless secret: key of the access type (default ${DEFAULT-VALUE}).").or("accessType"),
            Flag.text(Field.KEY_ACCESS_TYPE_PARAM, "--key-access-type-param", "akeyless secret: key of the access type param (default ${DEFAULT-VALUE}).").or("accessTypeParam"),
            Flag.text(Field.GCP_PROJECT, "--gcp-project", "gcpsm: project id (required with --auth key)."),
            Flag.text(Field.GCP_LOCATION, "--gcp-location", "gcpsm: location for regional secrets (optional)."),
            Flag.text(Field.GCP_CLUSTER_LOCATION, "--gcp-cluster-location", "gcpsm workload identity: GKE cluster location (optional)."),
            Flag.text(Field.GCP_CLUSTER_NAME, "--gcp-cluster-name", "gcpsm workload identity: GKE cluster name (optional)."),
            Flag.text(Field.GCP_CLUSTER_PROJECT, "--gcp-cluster-project", "gcpsm workload identity: GKE cluster project (optional)."),
            Flag.text(Field.KEY_CREDENTIALS, "--key-credentials", "gcpsm key: key of the SA JSON (default ${DEFAULT-VALUE}).").or("credentials.json"),
            Flag.text(Field.AZURE_VAULT_URL, "--azure-vault-url", "azurekv: vault URL, e.g. https://my-vault.vault.azure.net."),
            Flag.text(Field.AZURE_TENANT_ID, "--azure-tenant-id", "azurekv: tenant id (required for service-principal)."),
            Flag.text(Field.AZURE_IDENTITY_ID, "--azure-identity-id", "azurekv managed-identity: identity id when the node has several."),
            Flag.text(Field.KEY_CLIENT_ID, "--key-client-id", "azurekv service-principal: key of the client id (default ${DEFAULT-VALUE}).").or("client-id"),
            Flag.text(Field.KEY_CLIENT_SECRET, "--key-client-secret", "azurekv service-principal: key of the client secret (default ${DEFAULT-VALUE}).").or("client-secret"));

    public SecretStoreCommand() {
        super(FLAGS, SecretStoreRequest::from);
    }
}
