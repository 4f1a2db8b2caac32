package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.List;

/** Store-side least privilege for a store identity: AWS IAM, Vault policy + role, GCP bindings, Azure role. */
public record StorePolicyRequest(String provider, String namespace, String serviceAccount, List<String> secrets,
                                 SecretStoreSpec.AwsService awsService, String region, String accountId,
                                 String kmsKeyArn, String roleArn, String policyName, String vaultMount,
                                 SecretStoreSpec.KvVersion vaultVersion, List<String> paths, String vaultAuthMount,
                                 String vaultRole, String ttl, String project, String gsa, String subscription,
                                 String resourceGroup, String vaultName, String principalId, String clientId,
                                 String tenantId, String identityName, String oidcIssuer)
        implements GenerationRequest<StorePolicies.PolicySpec> {

    public enum Field implements RequestField {
        PROVIDER, NAMESPACE, SERVICE_ACCOUNT, SECRETS, AWS_SERVICE, REGION, ACCOUNT_ID, KMS_KEY_ARN, ROLE_ARN,
        POLICY_NAME, VAULT_MOUNT, VAULT_VERSION, PATHS, VAULT_AUTH_MOUNT, VAULT_ROLE, TTL, PROJECT, GSA,
        SUBSCRIPTION, RESOURCE_GROUP, VAULT_NAME, PRINCIPAL_ID, CLIENT_ID, TENANT_ID, IDENTITY_NAME, OIDC_ISSUER;
    }

    public StorePolicyRequest {
        secrets = Texts.list(secrets);
        awsService = awsService == null ? SecretStoreSpec.AwsService.SecretsManager : awsService;
        kmsKeyArn = Texts.blankToNull(kmsKeyArn);
        policyName = Texts.or(policyName, "kustodian-read");
        vaultMount = Texts.or(vaultMount, "secret");
        vaultVersion = vaultVersion == null ? SecretStoreSpec.KvVersion.v2 : vaultVersion;
        paths = Texts.list(paths);
        vaultAuthMount = Texts.or(vaultAuthMount, "kubernetes");
        ttl = Texts.or(ttl, "1h");
        tenantId = Texts.blankToNull(tenantId);
        identityName = Texts.blankToNull(identityName);
        oidcIssuer = Texts.blankToNull(oidcIssuer);
    }

    public static StorePolicyRequest from(FieldValues v) {
        return new StorePolicyRequest(v.textOrNull(Field.PROVIDER), v.textOrNull(Field.NAMESPACE),
                v.textOrNull(Field.SERVICE_ACCOUNT), v.list(Field.SECRETS),
                Texts.enumOrNull(SecretStoreSpec.AwsService.class, v.textOrNull(Field.AWS_SERVICE)),
                v.textOrNull(Field.REGION), v.textOrNull(Field.ACCOUNT_ID), v.textOrNull(Field.KMS_KEY_ARN),
                v.textOrNull(Field.ROLE_ARN), v.textOrNull(Field.POLICY_NAME), v.textOrNull(Field.VAULT_MOUNT),
                Texts.enumOrNull(SecretStoreSpec.KvVersion.class, v.textOrNull(Field.VAULT_VERSION)),
                v.list(Field.PATHS), v.textOrNull(Field.VAULT_AUTH_MOUNT), v.textOrNull(Field.VAULT_ROLE),
                v.textOrNull(Field.TTL), v.textOrNull(Field.PROJECT), v.textOrNull(Field.GSA),
                v.textOrNull(Field.SUBSCRIPTION), v.textOrNull(Field.RESOURCE_GROUP), v.textOrNull(Field.VAULT_NAME),
                v.textOrNull(Field.PRINCIPAL_ID), v.textOrNull(Field.CLIENT_ID), v.textOrNull(Field.TENANT_ID),
                v.textOrNull(Field.IDENTITY_NAME), v.textOrNull(Field.OIDC_ISSUER));
    }

    /** The file printed alone on stdout for this provider (the IAM policy JSON for aws), or null. */
    public String stdoutFile() {
        return "aws".equals(provider) ? "iam-policy.json" : null;
    }

    @Override
    public StorePolicies.PolicySpec spec(InputProblems p) {
        if (p.require(serviceAccount, Field.SERVICE_ACCOUNT, "the policy is bound to a service account") == null
                || p.require(namespace, Field.NAMESPACE, "the service account's namespace") == null) {
            return null;
        }
        StorePolicies.PolicySpec s = switch (provider == null ? "" : provider) {
            case "aws" -> p.require(region, Field.REGION, "ARNs name the region") == null
                    || p.require(accountId, Field.ACCOUNT_ID, "ARNs name the account") == null
                    || p.require(roleArn, Field.ROLE_ARN, "IRSA annotates the role") == null ? null
                    : new StorePolicies.AwsPolicy(awsService, region, accountId, secrets, kmsKeyArn, roleArn,
                    namespace, serviceAccount);
            case "vault" -> p.require(vaultRole, Field.VAULT_ROLE, "the auth role binds the service account") == null
                    ? null : new StorePolicies.VaultPolicy(policyName, vaultMount, vaultVersion, paths, vaultAuthMount,
                    vaultRole, namespace, serviceAccount, ttl);
            case "gcp" -> p.require(project, Field.PROJECT, "the binding names the project") == null
                    || p.require(gsa, Field.GSA, "the Google service account gets the access") == null ? null
                    : new StorePolicies.GcpPolicy(project, secrets, gsa, namespace, serviceAccount);
            case "azure" -> p.require(subscription, Field.SUBSCRIPTION, "the scope names the subscription") == null
                    || p.require(resourceGroup, Field.RESOURCE_GROUP, "the scope names the resource group") == null
                    || p.require(vaultName, Field.VAULT_NAME, "the role is scoped to the vault") == null
                    || p.require(principalId, Field.PRINCIPAL_ID, "the role is assigned to an identity") == null
                    || p.require(clientId, Field.CLIENT_ID, "workload identity annotates the client id") == null
                    ? null : new StorePolicies.AzurePolicy(subscription, resourceGroup, vaultName, principalId,
                    clientId, tenantId, namespace, serviceAccount, identityName, oidcIssuer);
            default -> {
                p.error(Field.PROVIDER, "Unknown {provider} '" + provider + "': use aws, vault, gcp or azure.");
                yield null;
            }
        };
        return p.hasErrors() ? null : s;
    }

    @Override
    public Bundle bundle(StorePolicies.PolicySpec spec) {
        return StorePolicies.generate(spec);
    }
}
