package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.SecretStoreRequest;
import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import dev.kustodian.core.externalsecrets.StorePolicyRequest;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.List;
import java.util.Map;

/**
 * An ESO SecretStore or ClusterSecretStore: store kind, provider, auth choice, and (optionally) the store-side
 * least-privilege policy as side files. Field ids are the keys of {@link SecretStoreRequest}'s fields (and of
 * {@link StorePolicyRequest}'s for the policy step), the requests {@code kustodian generate secretstore} and
 * {@code generate store-policy} fill from their flags.
 */
public final class SecretStoreWizard extends NamedWizard {
    public static final String ID = "secret-store";

    public SecretStoreWizard() {
        super(ID, "External Secrets store",
                "A SecretStore or ClusterSecretStore (external-secrets.io/v1) for one provider and auth choice, with"
                        + " the store-side least-privilege policy.");
    }

    /** Keys inside the credentials Secret: {field (= request field key), label, provider, auth, default}. */
    static final String[][] STATIC_KEYS = {
            {"keyAccessKeyId", "Key of the access key id", "aws", "secret", "access-key-id"},
            {"keySecretAccessKey", "Key of the secret access key", "aws", "secret", "secret-access-key"},
            {"keySessionToken", "Key of a session token (optional)", "aws", "secret", ""},
            {"keyToken", "Key of the token", "vault", "token", "token"},
            {"keySecretId", "Key of the AppRole secret id", "vault", "approle", "secret-id"},
            {"keyAccessId", "Key of the access id", "akeyless", "secret", "accessId"},
            {"keyAccessType", "Key of the access type", "akeyless", "secret", "accessType"},
            {"keyAccessTypeParam", "Key of the access type param", "akeyless", "secret", "accessTypeParam"},
            {"keyCredentials", "Key of the service-account JSON", "gcpsm", "key", "credentials.json"},
            {"keyClientId", "Key of the client id", "azurekv", "service-principal", "client-id"},
            {"keyClientSecret", "Key of the client secret", "azurekv", "service-principal", "client-secret"}};

    static final Map<String, List<String>> AUTH = SecretStoreRequest.AUTH;

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step store = form.step("Store", "A SecretStore serves one namespace; a ClusterSecretStore serves"
                + " every namespace (limit it with allowed namespaces).");
        Fields.Choice kind = store.choice("kind", "Kind", "SecretStore (namespaced, preferred) or ClusterSecretStore.",
                List.of("SecretStore", "ClusterSecretStore"));
        kind.valueProperty().set("SecretStore");
        store.text("name", "Name", "Name of the store; ExternalSecrets refer to it.", "vault").alias("metadata.name");
        Fields.Choice ns = store.namespace("namespace", "Namespace", "Where the SecretStore lives (its references stay"
                + " in this namespace).");
        ns.alias("metadata.namespace");
        WizardSupport.showWhen(ns, kind, "SecretStore");
        var allowed = store.list("allowedNamespaces", "Allowed namespaces", "ClusterSecretStore: only these"
                + " namespaces may use it (empty = all).", context::namespaces);
        allowed.alias("spec.conditions");
        WizardSupport.showWhen(allowed, kind, "ClusterSecretStore");
        store.text("refreshInterval", "Refresh interval", "How often ESO re-validates the store (e.g. 1h); empty ="
                + " ESO's default.", "").alias("spec.refreshInterval");

        WizardForm.Step prov = form.step("Provider", "The backend and how ESO authenticates to it.");
        Fields.Choice provider = prov.choice("provider", "Provider", "aws (Secrets Manager / Parameter Store), vault,"
                + " akeyless, gcpsm (GCP Secret Manager), azurekv (Azure Key Vault).",
                List.of("aws", "vault", "akeyless", "gcpsm", "azurekv"));
        provider.valueProperty().set("vault");
        provider.alias("spec.provider");
        List<String> authChoices = new java.util.ArrayList<>();
        Fields.Choice auth = prov.choice("auth", "Authentication", "How the store logs in; prefer identities over"
                + " static credentials.", authChoices);
        Runnable authItems = () -> {
            List<String> items = AUTH.getOrDefault(provider.valueProperty().get(), List.of());
            authChoices.clear();
            authChoices.addAll(items);
            auth.refreshItems();
            if (!items.contains(auth.valueProperty().get())) {
                auth.valueProperty().set(items.isEmpty() ? "" : items.get(0));
            }
        };
        provider.valueProperty().addListener((o, a, b) -> authItems.run());
        authItems.run();
        var awsService = prov.choice("awsService", "AWS service", "Secrets Manager or Parameter Store.",
                List.of("SecretsManager", "ParameterStore"));
        awsService.valueProperty().set("SecretsManager");
        WizardSupport.showWhen(awsService, provider, "aws");
        WizardSupport.showWhen(prov.text("region", "Region", "AWS region of the secrets.", "eu-central-1")
                .alias("spec.provider.aws.region"), provider, "aws");
        WizardSupport.showWhen(prov.text("role", "Role to assume", "Optional IAM role ARN the store assumes.", ""),
                provider, "aws");
        WizardSupport.showWhen(prov.text("vaultServer", "Vault address", "e.g. https://vault.example:8200",
                "https://vault.example:8200").alias("spec.provider.vault.server"), provider, "vault");
        WizardSupport.showWhen(prov.text("vaultPath", "KV mount", "The KV secrets engine mount (default secret).",
                "secret"), provider, "vault");
        var kv = prov.choice("vaultVersion", "KV version", "v2 (versioned, default) or v1.", List.of("v2", "v1"));
        kv.valueProperty().set("v2");
        WizardSupport.showWhen(kv, provider, "vault");
        WizardSupport.showWhen(prov.text("vaultRole", "Vault role", "kubernetes/jwt auth: the Vault role to log in"
                + " to.", "team-a"), provider, "vault");
        WizardSupport.showWhen(prov.text("vaultAuthMount", "Auth mount", "kubernetes/jwt/approle mount path (empty"
                + " = default).", "kubernetes"), provider, "vault");
        WizardSupport.showWhen(prov.text("vaultRoleId", "AppRole role id", "approle only.", ""), provider, "vault");
        WizardSupport.showWhen(prov.text("akeylessGateway", "Gateway URL", "Akeyless gateway (default"
                + " https://api.akeyless.io).", "https://api.akeyless.io"), provider, "akeyless");
        WizardSupport.showWhen(prov.text("akeylessAccessId", "Access id", "kubernetes auth: the access id.", ""),
                provider, "akeyless");
        WizardSupport.showWhen(prov.text("akeylessK8sConf", "K8s auth config", "kubernetes auth: the gateway's"
                + " k8s auth config name.", ""), provider, "akeyless");
        WizardSupport.showWhen(prov.text("gcpProject", "GCP project", "Project of the secrets.", "my-project"),
                provider, "gcpsm");
        WizardSupport.showWhen(prov.text("gcpLocation", "Location", "Optional: regional secrets.", ""),
                provider, "gcpsm");
        WizardSupport.showWhen(prov.text("gcpClusterName", "GKE cluster name", "workload identity: optional.",
                ""), provider, "gcpsm");
        WizardSupport.showWhen(prov.text("gcpClusterLocation", "GKE cluster location", "workload identity:"
                + " optional.", ""), provider, "gcpsm");
        WizardSupport.showWhen(prov.text("azureVaultUrl", "Vault URL", "e.g. https://my-vault.vault.azure.net",
                "https://my-vault.vault.azure.net").alias("spec.provider.azurekv.vaultUrl"), provider, "azurekv");
        WizardSupport.showWhen(prov.text("azureTenantId", "Tenant id", "Azure AD tenant.", ""), provider,
                "azurekv");
        WizardSupport.showWhen(prov.text("azureIdentityId", "Managed identity id", "managed-identity: only when"
                + " the node has several.", ""), provider, "azurekv");

        WizardForm.Step cred = form.step("Credentials", "The Kubernetes side of the identity: a ServiceAccount for"
                + " IRSA / workload identity / kubernetes auth, or a Secret holding static credentials.");
        cred.serviceAccount("serviceAccount", "ServiceAccount", "Its token authenticates the store (IRSA, workload"
                + " identity, Vault kubernetes/jwt auth).", ns);
        cred.text("serviceAccountNamespace", "ServiceAccount namespace", "ClusterSecretStore: the account's"
                + " namespace.", "");
        cred.text("secretName", "Credentials Secret", "Static credentials (token, keys, access id): the Secret that"
                + " holds them.", "");
        cred.text("secretNamespace", "Credentials Secret namespace", "ClusterSecretStore: the Secret's namespace"
                + " (required for akeyless).", "");
        // the keys inside the credentials Secret, for the provider and authentication that use one
        for (String[] f : STATIC_KEYS) {
            var t = cred.text(f[0], f[1], "Key in the credentials Secret.", f[4]);
            t.node().visibleProperty().bind(provider.valueProperty().isEqualTo(f[2])
                    .and(auth.valueProperty().isEqualTo(f[3])));
            t.node().managedProperty().bind(t.node().visibleProperty());
        }

        WizardForm.Step pol = form.step("Store-side policy", "Least privilege on the store side: read access to"
                + " exactly these secrets for the store's identity (side files: IAM JSON, Vault HCL, gcloud/az"
                + " commands).");
        Fields.Check policy = pol.checkbox("policy", "Generate the store-side policy", "", false);
        var secrets = pol.list("secrets", "Secrets / paths", "aws/gcp: secret names or ARNs; vault: paths under the"
                + " KV mount.", List::of);
        WizardSupport.showWhen(secrets, policy);
        for (String[] f : new String[][]{
                {"accountId", "AWS account id", "aws: account of the secrets.", "aws"},
                {"roleArn", "IAM role ARN", "aws: the role the ServiceAccount assumes (IRSA annotation).", "aws"},
                {"kmsKeyArn", "KMS key ARN", "aws: customer-managed key of the secrets (adds kms:Decrypt).", "aws"},
                {"policyName", "Vault policy name", "vault (default kustodian-read).", "vault"},
                {"gsa", "Google service account", "gcp: the GSA email that reads the secrets.", "gcpsm"},
                {"subscription", "Subscription id", "azure: scope of the role assignment.", "azurekv"},
                {"resourceGroup", "Resource group", "azure: the vault's resource group.", "azurekv"},
                {"vaultName", "Key Vault name", "azure: the vault the role is scoped to.", "azurekv"},
                {"principalId", "Principal id", "azure: object id of the reading identity.", "azurekv"},
                {"clientId", "Client id", "azure: workload identity client id.", "azurekv"}}) {
            var t = pol.text(f[0], f[1], f[2], "");
            t.node().visibleProperty().bind(policy.valueProperty().and(provider.valueProperty().isEqualTo(f[3])));
            t.node().managedProperty().bind(t.node().visibleProperty());
        }
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        boolean cluster = "ClusterSecretStore".equals(v.string("kind"));
        // a SecretStore has a namespace, a ClusterSecretStore the allowed namespaces
        FormValues store = v.with(SecretStoreRequest.Field.CLUSTER.key(), cluster)
                .with(cluster ? SecretStoreRequest.Field.NAMESPACE.key()
                        : SecretStoreRequest.Field.ALLOWED_NAMESPACES.key(), null);
        Bundle b = SecretStoreRequest.from(store).generate();
        if (v.bool("policy")) {
            b = b.plus(policy(v));
        }
        return b;
    }

    /** The store-side policy ({@code generate store-policy}'s request) from this wizard's fields. */
    static Bundle policy(FormValues v) {
        String provider = switch (v.string("provider")) {
            case "gcpsm" -> "gcp";
            case "azurekv" -> "azure";
            default -> v.string("provider");
        };
        if (provider.equals("akeyless")) {
            return new Bundle("", List.of(), List.of(), List.of("Akeyless access is granted in the Akeyless console"
                    + " (role + auth method rules); Kustodian generates no policy file for it."), List.of());
        }
        String saNs = v.string("serviceAccountNamespace").isBlank() ? v.string("namespace")
                : v.string("serviceAccountNamespace");
        List<String> secrets = v.list("secrets");
        StorePolicyRequest r = new StorePolicyRequest(provider, saNs, v.string("serviceAccount"),
                secrets, SecretStoreSpec.AwsService.valueOf(v.string("awsService").isBlank() ? "SecretsManager"
                : v.string("awsService")), v.string("region"), v.string("accountId"), v.string("kmsKeyArn"),
                v.string("roleArn"), v.string("policyName"), v.string("vaultPath"),
                "v1".equals(v.string("vaultVersion")) ? SecretStoreSpec.KvVersion.v1 : SecretStoreSpec.KvVersion.v2,
                secrets, v.string("vaultAuthMount"), v.string("vaultRole"), null, v.string("gcpProject"),
                v.string("gsa"), v.string("subscription"), v.string("resourceGroup"), v.string("vaultName"),
                v.string("principalId"), v.string("clientId"), v.string("azureTenantId"), null, null);
        Bundle b = r.generate();
        // the policy request's fields that this wizard shows under another field
        Map<String, String> shownAt = Map.of("paths", "secrets", "project", "gcpProject", "namespace",
                "serviceAccount", "tenantId", "azureTenantId", "vaultMount", "vaultPath");
        return new Bundle(b.title(), b.manifests(), b.problems().stream().map(p -> shownAt.containsKey(p.path())
                ? new Bundle.Problem(shownAt.get(p.path()), p.message().replace("{" + p.path() + "}",
                "{" + shownAt.get(p.path()) + "}"), p.error()) : p).toList(), b.warnings(), b.nextSteps());
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if (!target.namespace().isEmpty()) {
            form.field("namespace", Fields.Choice.class).valueProperty().set(target.namespace());
        }
        if ("ServiceAccount".equals(target.kind())) {
            form.field("serviceAccount", Fields.Choice.class).valueProperty().set(target.name());
        }
    }
}
