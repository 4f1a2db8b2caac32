package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.externalsecrets.SecretStoreSpec.*;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ESO SecretStore / ClusterSecretStore as the user describes it: provider, auth choice and the flat list of
 * provider fields. {@link #spec} is the provider/auth decision table that resolves it into a {@link SecretStoreSpec}
 * ({@code generate secretstore} and the store wizard both fill this record). Blank texts mean "not given"; the
 * defaults are those of the CLI.
 */
public record SecretStoreRequest(String name, String namespace, boolean cluster, List<String> allowedNamespaces,
                                 String provider, String auth, String refreshInterval,
                                 String serviceAccount, String serviceAccountNamespace, List<String> audiences,
                                 String secretName, String secretNamespace,
                                 AwsService awsService, String region, String role, String keyAccessKeyId,
                                 String keySecretAccessKey, String keySessionToken,
                                 String vaultServer, String vaultPath, KvVersion vaultVersion, String vaultNamespace,
                                 String vaultAuthMount, String vaultRole, String vaultRoleId, String keyToken,
                                 String keySecretId,
                                 String akeylessGateway, String akeylessAccessId, String akeylessK8sConf,
                                 String keyAccessId, String keyAccessType, String keyAccessTypeParam,
                                 String gcpProject, String gcpLocation, String gcpClusterLocation, String gcpClusterName,
                                 String gcpClusterProject, String keyCredentials,
                                 String azureVaultUrl, String azureTenantId, String azureIdentityId, String keyClientId,
                                 String keyClientSecret) implements GenerationRequest<SecretStoreSpec> {

    public enum Field implements RequestField {
        NAME, NAMESPACE, CLUSTER, ALLOWED_NAMESPACES, PROVIDER, AUTH, REFRESH_INTERVAL,
        SERVICE_ACCOUNT, SERVICE_ACCOUNT_NAMESPACE, AUDIENCES, SECRET_NAME, SECRET_NAMESPACE,
        AWS_SERVICE, REGION, ROLE, KEY_ACCESS_KEY_ID, KEY_SECRET_ACCESS_KEY, KEY_SESSION_TOKEN,
        VAULT_SERVER, VAULT_PATH, VAULT_VERSION, VAULT_NAMESPACE, VAULT_AUTH_MOUNT, VAULT_ROLE, VAULT_ROLE_ID,
        KEY_TOKEN, KEY_SECRET_ID,
        AKEYLESS_GATEWAY, AKEYLESS_ACCESS_ID, AKEYLESS_K8S_CONF, KEY_ACCESS_ID, KEY_ACCESS_TYPE,
        KEY_ACCESS_TYPE_PARAM,
        GCP_PROJECT, GCP_LOCATION, GCP_CLUSTER_LOCATION, GCP_CLUSTER_NAME, GCP_CLUSTER_PROJECT, KEY_CREDENTIALS,
        AZURE_VAULT_URL, AZURE_TENANT_ID, AZURE_IDENTITY_ID, KEY_CLIENT_ID, KEY_CLIENT_SECRET;
    }

    /** The auth choices per provider, the default first. */
    public static final Map<String, List<String>> AUTH = Map.of(
            "aws", List.of("controller", "jwt", "secret"),
            "vault", List.of("kubernetes", "token", "approle", "jwt"),
            "akeyless", List.of("secret", "kubernetes"),
            "gcpsm", List.of("workload-identity", "key", "adc"),
            "azurekv", List.of("workload-identity", "managed-identity", "service-principal"));

    /** The default key inside the credentials Secret for each key field. */
    public static final Map<Field, String> DEFAULT_KEYS = Map.ofEntries(
            Map.entry(Field.KEY_ACCESS_KEY_ID, "access-key-id"), Map.entry(Field.KEY_SECRET_ACCESS_KEY,
                    "secret-access-key"), Map.entry(Field.KEY_TOKEN, "token"), Map.entry(Field.KEY_SECRET_ID,
                    "secret-id"), Map.entry(Field.KEY_ACCESS_ID, "accessId"), Map.entry(Field.KEY_ACCESS_TYPE,
                    "accessType"), Map.entry(Field.KEY_ACCESS_TYPE_PARAM, "accessTypeParam"),
            Map.entry(Field.KEY_CREDENTIALS, "credentials.json"), Map.entry(Field.KEY_CLIENT_ID, "client-id"),
            Map.entry(Field.KEY_CLIENT_SECRET, "client-secret"));

    public SecretStoreRequest {
        allowedNamespaces = Texts.list(allowedNamespaces);
        audiences = Texts.list(audiences);
        awsService = awsService == null ? AwsService.SecretsManager : awsService;
        vaultVersion = vaultVersion == null ? KvVersion.v2 : vaultVersion;
        vaultPath = Texts.or(vaultPath, "secret");
        akeylessGateway = Texts.or(akeylessGateway, "https://api.akeyless.io");
        keyAccessKeyId = Texts.or(keyAccessKeyId, DEFAULT_KEYS.get(Field.KEY_ACCESS_KEY_ID));
        keySecretAccessKey = Texts.or(keySecretAccessKey, DEFAULT_KEYS.get(Field.KEY_SECRET_ACCESS_KEY));
        keySessionToken = Texts.blankToNull(keySessionToken);
        keyToken = Texts.or(keyToken, DEFAULT_KEYS.get(Field.KEY_TOKEN));
        keySecretId = Texts.or(keySecretId, DEFAULT_KEYS.get(Field.KEY_SECRET_ID));
        keyAccessId = Texts.or(keyAccessId, DEFAULT_KEYS.get(Field.KEY_ACCESS_ID));
        keyAccessType = Texts.or(keyAccessType, DEFAULT_KEYS.get(Field.KEY_ACCESS_TYPE));
        keyAccessTypeParam = Texts.or(keyAccessTypeParam, DEFAULT_KEYS.get(Field.KEY_ACCESS_TYPE_PARAM));
        keyCredentials = Texts.or(keyCredentials, DEFAULT_KEYS.get(Field.KEY_CREDENTIALS));
        keyClientId = Texts.or(keyClientId, DEFAULT_KEYS.get(Field.KEY_CLIENT_ID));
        keyClientSecret = Texts.or(keyClientSecret, DEFAULT_KEYS.get(Field.KEY_CLIENT_SECRET));
    }

    /** From a form or answers file keyed by {@link Field} keys (blank = not given). */
    public static SecretStoreRequest from(FieldValues v) {
        return new SecretStoreRequest(v.textOrNull(Field.NAME), v.textOrNull(Field.NAMESPACE), v.flag(Field.CLUSTER),
                v.list(Field.ALLOWED_NAMESPACES), v.textOrNull(Field.PROVIDER), v.textOrNull(Field.AUTH),
                v.textOrNull(Field.REFRESH_INTERVAL), v.textOrNull(Field.SERVICE_ACCOUNT),
                v.textOrNull(Field.SERVICE_ACCOUNT_NAMESPACE), v.list(Field.AUDIENCES), v.textOrNull(Field.SECRET_NAME),
                v.textOrNull(Field.SECRET_NAMESPACE), Texts.enumOrNull(AwsService.class, v.textOrNull(Field.AWS_SERVICE)),
                v.textOrNull(Field.REGION), v.textOrNull(Field.ROLE), v.textOrNull(Field.KEY_ACCESS_KEY_ID),
                v.textOrNull(Field.KEY_SECRET_ACCESS_KEY), v.textOrNull(Field.KEY_SESSION_TOKEN),
                v.textOrNull(Field.VAULT_SERVER), v.textOrNull(Field.VAULT_PATH),
                Texts.enumOrNull(KvVersion.class, v.textOrNull(Field.VAULT_VERSION)), v.textOrNull(Field.VAULT_NAMESPACE),
                v.textOrNull(Field.VAULT_AUTH_MOUNT), v.textOrNull(Field.VAULT_ROLE), v.textOrNull(Field.VAULT_ROLE_ID),
                v.textOrNull(Field.KEY_TOKEN), v.textOrNull(Field.KEY_SECRET_ID), v.textOrNull(Field.AKEYLESS_GATEWAY),
                v.textOrNull(Field.AKEYLESS_ACCESS_ID), v.textOrNull(Field.AKEYLESS_K8S_CONF),
                v.textOrNull(Field.KEY_ACCESS_ID), v.textOrNull(Field.KEY_ACCESS_TYPE),
                v.textOrNull(Field.KEY_ACCESS_TYPE_PARAM), v.textOrNull(Field.GCP_PROJECT),
                v.textOrNull(Field.GCP_LOCATION), v.textOrNull(Field.GCP_CLUSTER_LOCATION),
                v.textOrNull(Field.GCP_CLUSTER_NAME), v.textOrNull(Field.GCP_CLUSTER_PROJECT),
                v.textOrNull(Field.KEY_CREDENTIALS), v.textOrNull(Field.AZURE_VAULT_URL),
                v.textOrNull(Field.AZURE_TENANT_ID), v.textOrNull(Field.AZURE_IDENTITY_ID),
                v.textOrNull(Field.KEY_CLIENT_ID), v.textOrNull(Field.KEY_CLIENT_SECRET));
    }

    /** The auth choice, or the provider's default when none is given. */
    public String authOrDefault() {
        if (auth != null && !auth.isBlank()) {
            return auth;
        }
        List<String> choices = AUTH.get(canonicalProvider());
        return choices == null ? null : choices.get(0);
    }

    /** aws | vault | akeyless | gcpsm | azurekv (the aliases gcp and azure accepted), or the text as given. */
    public String canonicalProvider() {
        if (provider == null) {
            return null;
        }
        return switch (provider.trim().toLowerCase(Locale.ROOT)) {
            case "gcp" -> "gcpsm";
            case "azure" -> "azurekv";
            default -> provider.trim();
        };
    }

    @Override
    public Bundle bundle(SecretStoreSpec spec) {
        return StoreGenerator.generate(spec);
    }

    /** The provider/auth decision table. */
    @Override
    public SecretStoreSpec spec(InputProblems p) {
        if (!cluster) {
            p.require(namespace, Field.NAMESPACE, "a SecretStore is namespaced (or use {cluster})");
            if (p.hasErrors()) {
                return null;
            }
        }
        Provider pr = provider(p);
        return pr == null || p.hasErrors() ? null
                : new SecretStoreSpec(name, namespace, cluster, pr, refreshInterval, allowedNamespaces);
    }

    private Provider provider(InputProblems p) {
        String a = authOrDefault();
        switch (provider == null ? "" : provider) {
            case "aws" -> {
                if (p.require(region, Field.REGION, "the AWS provider needs a region") == null) {
                    return null;
                }
                AwsAuth auth = switch (a) {
                    case "controller" -> new AwsControllerIdentity();
                    case "jwt", "irsa" -> sa(p, a, true) == null ? null : new AwsJwt(sa(p, a, true));
                    case "secret" -> secret(p, a, keyAccessKeyId) == null ? null
                            : new AwsStaticKeys(secret(p, a, keyAccessKeyId), secret(p, a, keySecretAccessKey),
                            keySessionToken == null ? null : secret(p, a, keySessionToken));
                    default -> badAuth(p, a, "controller, jwt, secret");
                };
                return auth == null ? null : new Aws(awsService, region, role, auth);
            }
            case "vault" -> {
                if (p.require(vaultServer, Field.VAULT_SERVER, "the Vault provider needs the server URL") == null) {
                    return null;
                }
                VaultAuth auth = switch (a) {
                    case "kubernetes" -> p.require(vaultRole, Field.VAULT_ROLE,
                            "kubernetes auth logs in to a Vault role") == null ? null
                            : new VaultKubernetes(vaultAuthMount, vaultRole, sa(p, a, false));
                    case "token" -> secret(p, a, keyToken) == null ? null : new VaultToken(secret(p, a, keyToken));
                    case "approle" -> p.require(vaultRoleId, Field.VAULT_ROLE_ID, "appRole needs the role id") == null
                            || secret(p, a, keySecretId) == null ? null
                            : new VaultAppRole(vaultAuthMount, vaultRoleId, secret(p, a, keySecretId));
                    case "jwt" -> p.require(vaultRole, Field.VAULT_ROLE, "jwt auth logs in to a Vault role") == null
                            || sa(p, a, true) == null ? null : new VaultJwt(vaultAuthMount, vaultRole, sa(p, a, true));
                    default -> badAuth(p, a, "kubernetes, token, approle, jwt");
                };
                return auth == null ? null : new Vault(vaultServer, vaultPath, vaultVersion, vaultNamespace, auth);
            }
            case "akeyless" -> {
                AkeylessAuth auth = switch (a) {
                    case "secret" -> secret(p, a, keyAccessId) == null ? null
                            : new AkeylessSecretAuth(secret(p, a, keyAccessId), secret(p, a, keyAccessType),
                            secret(p, a, keyAccessTypeParam));
                    case "kubernetes" -> p.require(akeylessAccessId, Field.AKEYLESS_ACCESS_ID,
                            "kubernetes auth needs the access id") == null
                            || p.require(akeylessK8sConf, Field.AKEYLESS_K8S_CONF,
                            "kubernetes auth needs the config name") == null ? null
                            : new AkeylessKubernetesAuth(akeylessAccessId, akeylessK8sConf, sa(p, a, false));
                    default -> badAuth(p, a, "secret, kubernetes");
                };
                return auth == null ? null : new Akeyless(akeylessGateway, auth);
            }
            case "gcpsm", "gcp" -> {
                GcpAuth auth = switch (a) {
                    case "workload-identity" -> sa(p, a, true) == null ? null
                            : new GcpWorkloadIdentity(sa(p, a, true), gcpClusterLocation, gcpClusterName,
                            gcpClusterProject);
                    case "key" -> secret(p, a, keyCredentials) == null ? null
                            : new GcpServiceAccountKey(secret(p, a, keyCredentials));
                    case "adc" -> new GcpDefaultCredentials();
                    default -> badAuth(p, a, "workload-identity, key, adc");
                };
                return auth == null ? null : new Gcp(gcpProject, gcpLocation, auth);
            }
            case "azurekv", "azure" -> {
                if (p.require(azureVaultUrl, Field.AZURE_VAULT_URL, "the Azure provider needs the vault URL") == null) {
                    return null;
                }
                AzureAuth auth = switch (a) {
                    case "workload-identity" -> sa(p, a, true) == null ? null : new AzureWorkloadIdentity(sa(p, a, true));
                    case "managed-identity" -> new AzureManagedIdentity(azureIdentityId);
                    case "service-principal" -> secret(p, a, keyClientId) == null ? null
                            : new AzureServicePrincipal(secret(p, a, keyClientId), secret(p, a, keyClientSecret));
                    default -> badAuth(p, a, "workload-identity, managed-identity, service-principal");
                };
                return auth == null ? null : new Azure(azureVaultUrl, azureTenantId, auth);
            }
            default -> {
                p.error(Field.PROVIDER, "Unknown {provider} '" + provider
                        + "': use aws, vault, akeyless, gcpsm or azurekv.");
                return null;
            }
        }
    }

    /** The service account reference; when required and missing, an error (reported once). */
    private ServiceAccountRef sa(InputProblems p, String a, boolean required) {
        if (serviceAccount == null || serviceAccount.isBlank()) {
            if (required && !p.hasErrors()) {
                p.error(Field.SERVICE_ACCOUNT, "Missing {serviceAccount} for {auth} " + a + ".");
            }
            return null;
        }
        return new ServiceAccountRef(serviceAccount, serviceAccountNamespace, audiences);
    }

    /** A key of the credentials Secret; when the Secret's name is missing, an error (reported once). */
    private SecretKeyRef secret(InputProblems p, String a, String key) {
        if (secretName == null || secretName.isBlank()) {
            if (!p.hasErrors()) {
                p.error(Field.SECRET_NAME, "Missing {secretName}: {auth} " + a
                        + " reads credentials from a Kubernetes Secret.");
            }
            return null;
        }
        return new SecretKeyRef(secretName, key, secretNamespace);
    }

    private <T> T badAuth(InputProblems p, String a, String allowed) {
        p.error(Field.AUTH, "{auth} " + a + " is not available for " + provider + ": use one of " + allowed + ".");
        return null;
    }
}
