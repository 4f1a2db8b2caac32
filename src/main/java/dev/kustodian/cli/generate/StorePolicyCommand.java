package dev.kustodian.cli.generate;

import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import dev.kustodian.core.externalsecrets.StorePolicies;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.kustodian.cli.generate.BundleOutput.require;

@Command(name = "store-policy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Store-side least privilege: read access to exactly the named secrets for the store identity.",
                "  aws    IAM policy JSON (stdout) + IRSA ServiceAccount annotation",
                "  vault  policy HCL + `vault write auth/kubernetes/role/...`",
                "  gcp    secretAccessor binding per secret + Workload Identity",
                "  azure  Key Vault Secrets User on the vault + workload identity",
                "Example: kustodian generate store-policy --provider aws --region eu-central-1 --account-id 123456789012 \\",
                "           --secret team-a/db --role-arn arn:aws:iam::123456789012:role/team-a -n team-a --service-account app"})
public final class StorePolicyCommand implements Callable<Integer>, BundleSource {
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

    @Override
    public Integer call() {
        return BundleOutput.emit(spec, bundle(), output, "aws".equals(provider) ? "iam-policy.json" : null);
    }

    @Override
    public dev.kustodian.core.output.Bundle bundle() {
        String sa = require(serviceAccount, "--service-account", "the policy is bound to a service account");
        String ns = require(namespace, "--namespace", "the service account's namespace");
        return switch (provider) {
            case "aws" -> StorePolicies.generate(new StorePolicies.AwsPolicy(awsService,
                    require(region, "--region", "ARNs name the region"), require(accountId, "--account-id",
                    "ARNs name the account"), secrets, kmsKeyArn, require(roleArn, "--role-arn", "IRSA annotates the role"),
                    ns, sa));
            case "vault" -> StorePolicies.generate(new StorePolicies.VaultPolicy(policyName,
                    vaultMount, vaultVersion, paths, vaultAuthMount, require(vaultRole, "--vault-role",
                    "the auth role binds the service account"), ns, sa, ttl));
            case "gcp" -> StorePolicies.generate(new StorePolicies.GcpPolicy(
                    require(project, "--project", "the binding names the project"), secrets,
                    require(gsa, "--gsa", "the Google service account gets the access"), ns, sa));
            case "azure" -> StorePolicies.generate(new StorePolicies.AzurePolicy(
                    require(subscription, "--subscription", "the scope names the subscription"),
                    require(resourceGroup, "--resource-group", "the scope names the resource group"),
                    require(vaultName, "--vault-name", "the role is scoped to the vault"),
                    require(principalId, "--principal-id", "the role is assigned to an identity"),
                    require(clientId, "--client-id", "workload identity annotates the client id"), tenantId, ns, sa,
                    identityName, oidcIssuer));
            default -> throw UserFacingException.badInput("Unknown --provider '" + provider
                    + "': use aws, vault, gcp or azure.");
        };
    }
}
