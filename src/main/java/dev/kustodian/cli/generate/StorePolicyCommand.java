package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.core.externalsecrets.StorePolicyRequest;
import dev.kustodian.core.externalsecrets.StorePolicyRequest.Field;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "store-policy", description = {"Store-side least privilege: read access to exactly the named secrets for the store identity.",
                "  aws    IAM policy JSON (stdout) + IRSA ServiceAccount annotation",
                "  vault  policy HCL + `vault write auth/kubernetes/role/...`",
                "  gcp    secretAccessor binding per secret + Workload Identity",
                "  azure  Key Vault Secrets User on the vault + workload identity",
                "Example: kustodian generate store-policy --provider aws --region eu-central-1 --account-id 123456789012 \\",
                "           --secret team-a/db --role-arn arn:aws:iam::123456789012:role/team-a -n team-a --service-account app"})
public final class StorePolicyCommand extends RequestCommand {
    static final List<Flag> FLAGS = List.of(
            Flag.text(Field.PROVIDER, "--provider", "aws | vault | gcp | azure.").required(),
            Flag.text(Field.NAMESPACE, "-n, --namespace", "Namespace of the service account."),
            Flag.text(Field.SERVICE_ACCOUNT, "--service-account", "The Kubernetes service account the store (or Pod) uses."),
            Flag.list(Field.SECRETS, "--secret", "aws/gcp: a secret name, parameter name or ARN (repeatable)."),
            Flag.choice(Field.AWS_SERVICE, "--aws-service", SecretStoreSpec.AwsService.class, "aws: SecretsManager | ParameterStore (default ${DEFAULT-VALUE}).").or("SecretsManager"),
            Flag.text(Field.REGION, "--region", "aws: region."),
            Flag.text(Field.ACCOUNT_ID, "--account-id", "aws: account id."),
            Flag.text(Field.KMS_KEY_ARN, "--kms-key-arn", "aws: customer-managed KMS key of the secrets (adds kms:Decrypt)."),
            Flag.text(Field.ROLE_ARN, "--role-arn", "aws: the IRSA role (annotated on the service account)."),
            Flag.text(Field.POLICY_NAME, "--policy-name", "vault: policy name (default ${DEFAULT-VALUE}).").or("kustodian-read"),
            Flag.text(Field.VAULT_MOUNT, "--vault-mount", "vault: KV mount (default ${DEFAULT-VALUE}).").or("secret"),
            Flag.choice(Field.VAULT_VERSION, "--vault-version", SecretStoreSpec.KvVersion.class, "vault: KV v1 | v2 (default ${DEFAULT-VALUE}).").or("v2"),
            Flag.list(Field.PATHS, "--path", "vault: secret path under the mount (repeatable)."),
            Flag.text(Field.VAULT_AUTH_MOUNT, "--vault-auth-mount", "vault: auth mount (default ${DEFAULT-VALUE}).").or("kubernetes"),
            Flag.text(Field.VAULT_ROLE, "--vault-role", "vault: kubernetes auth role name."),
            Flag.text(Field.TTL, "--ttl", "vault: token TTL (default ${DEFAULT-VALUE}).").or("1h"),
            Flag.text(Field.PROJECT, "--project", "gcp: project id."),
            Flag.text(Field.GSA, "--gsa", "gcp: Google service account email."),
            Flag.text(Field.SUBSCRIPTION, "--subscription", "azure: subscription id."),
            Flag.text(Field.RESOURCE_GROUP, "--resource-group", "azure: resource group of the vault."),
            Flag.text(Field.VAULT_NAME, "--vault-name", "azure: Key Vault name."),
            Flag.text(Field.PRINCIPAL_ID, "--principal-id", "azure: object id of the identity that reads the vault."),
            Flag.text(Field.CLIENT_ID, "--client-id", "azure: client id of that identity (service account annotation)."),
            Flag.text(Field.TENANT_ID, "--tenant-id", "azure: tenant id (optional annotation)."),
            Flag.text(Field.IDENTITY_NAME, "--identity-name", "azure: user-assigned identity name (adds the federated credential command)."),
            Flag.text(Field.OIDC_ISSUER, "--oidc-issuer", "azure: the cluster's OIDC issuer URL (else looked up with az aks show)."));

    public StorePolicyCommand() {
        super(FLAGS, StorePolicyRequest::from);
    }

    @Override
    protected String stdoutOnly(GenerationRequest<?> request) {
        return ((StorePolicyRequest) request).stdoutFile();
    }
}
