package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import dev.kustodian.core.externalsecrets.StorePolicyRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "store-policy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Store-side least privilege: read access to exactly the named secrets for the store identity.",
                "  aws    IAM policy JSON (stdout) + IRSA ServiceAccount annotation",
                "  vault  policy HCL + `vault write auth/kubernetes/role/...`",
                "  gcp    secretAccessor binding per secret + Workload Identity",
                "  azure  Key Vault Secrets User on the vault + workload identity",
                "Example: kustodian generate store-policy --provider aws --region eu-central-1 --account-id 123456789012 \\",
                "           --secret team-a/db --role-arn arn:aws:iam::123456789012:role/team-a -n team-a --service-account app"})
public final class StorePolicyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--provider", required = true, description = "aws | vault | gcp | azure.")
    String provider;
    @Option(names = {"-n", "--namespace"}, description = "Namespace of the service account.")
    String namespace;
    @Option(names = "--service-account", description = "The Kubernetes service account the store (or Pod) uses.")
    String serviceAccount;
    @Option(names = "--secret", description = "aws/gcp: a secret name, parameter name or ARN (repeatable).")
    List<String> secrets = new ArrayList<>();
    @Option(names = "--aws-service", defaultValue = "SecretsManager", description = "aws: SecretsManager | ParameterStore (default ${DEFAULT-VALUE}).")
    SecretStoreSpec.AwsService awsService;
    @Option(names = "--region", description = "aws: region.")
    String region;
    @Option(names = "--account-id", description = "aws: account id.")
    String accountId;
    @Option(names = "--kms-key-arn", description = "aws: customer-managed KMS key of the secrets (adds kms:Decrypt).")
    String kmsKeyArn;
    @Option(names = "--role-arn", description = "aws: the IRSA role (annotated on the service account).")
    String roleArn;
    @Option(names = "--policy-name", defaultValue = "kustodian-read", description = "vault: policy name (default ${DEFAULT-VALUE}).")
    String policyName;
    @Option(names = "--vault-mount", defaultValue = "secret", description = "vault: KV mount (default ${DEFAULT-VALUE}).")
    String vaultMount;
    @Option(names = "--vault-version", defaultValue = "v2", description = "vault: KV v1 | v2 (default ${DEFAULT-VALUE}).")
    SecretStoreSpec.KvVersion vaultVersion;
    @Option(names = "--path", description = "vault: secret path under the mount (repeatable).")
    List<String> paths = new ArrayList<>();
    @Option(names = "--vault-auth-mount", defaultValue = "kubernetes", description = "vault: auth mount (default ${DEFAULT-VALUE}).")
    String vaultAuthMount;
    @Option(names = "--vault-role", description = "vault: kubernetes auth role name.")
    String vaultRole;
    @Option(names = "--ttl", defaultValue = "1h", description = "vault: token TTL (default ${DEFAULT-VALUE}).")
    String ttl;
    @Option(names = "--project", description = "gcp: project id.")
    String project;
    @Option(names = "--gsa", description = "gcp: Google service account email.")
    String gsa;
    @Option(names = "--subscription", description = "azure: subscription id.")
    String subscription;
    @Option(names = "--resource-group", description = "azure: resource group of the vault.")
    String resourceGroup;
    @Option(names = "--vault-name", description = "azure: Key Vault name.")
    String vaultName;
    @Option(names = "--principal-id", description = "azure: object id of the identity that reads the vault.")
    String principalId;
    @Option(names = "--client-id", description = "azure: client id of that identity (service account annotation).")
    String clientId;
    @Option(names = "--tenant-id", description = "azure: tenant id (optional annotation).")
    String tenantId;
    @Option(names = "--identity-name", description = "azure: user-assigned identity name (adds the federated credential command).")
    String identityName;
    @Option(names = "--oidc-issuer", description = "azure: the cluster's OIDC issuer URL (else looked up with az aks show).")
    String oidcIssuer;
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    /** Request fields whose flag is not the key in kebab case. */
    static final Map<String, String> FLAGS = Map.of("secrets", "secret", "paths", "path");

    @Override
    public Integer call() {
        StorePolicyRequest r = new StorePolicyRequest(provider, namespace, serviceAccount, secrets, awsService, region,
                accountId, kmsKeyArn, roleArn, policyName, vaultMount, vaultVersion, paths, vaultAuthMount, vaultRole,
                ttl, project, gsa, subscription, resourceGroup, vaultName, principalId, clientId, tenantId,
                identityName, oidcIssuer);
        return BundleOutput.emit(spec, BundleOutput.generate(r, FLAGS), output, r.stdoutFile());
    }
}
