package dev.kustodian.ui.stores;

import dev.kustodian.cli.generate.BundleSource;
import dev.kustodian.cli.generate.SecretStoreCommand;
import dev.kustodian.cli.generate.StorePolicyCommand;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.Wizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.List;
import java.util.Map;

/**
 * An ESO SecretStore or ClusterSecretStore: store kind, provider, auth choice, and (optionally) the store-side
 * least-privilege policy as side files. Field ids are the flags of {@code kustodian generate secretstore} and
 * {@code generate store-policy}; the same command objects build the spec.
 */
public final class SecretStoreWizard implements Wizard {
    public static final String ID = "secret-store";

    /** Keys inside the credentials Secret: {field (= CLI option), label, provider, auth, default}. */
    static final String[][] STATIC_KEYS = {
            {"key-access-key-id", "Key of the access key id", "aws", "secret", "access-key-id"},
            {"key-secret-access-key", "Key of the secret access key", "aws", "secret", "secret-access-key"},
            {"key-session-token", "Key of a session token (optional)", "aws", "secret", ""},
            {"key-token", "Key of the token", "vault", "token", "token"},
            {"key-secret-id", "Key of the AppRole secret id", "vault", "approle", "secret-id"},
            {"key-access-id", "Key of the access id", "akeyless", "secret", "accessId"},
            {"key-access-type", "Key of the access type", "akeyless", "secret", "accessType"},
            {"key-access-type-param", "Key of the access type param", "akeyless", "secret", "accessTypeParam"},
            {"key-credentials", "Key of the service-account JSON", "gcpsm", "key", "credentials.json"},
            {"key-client-id", "Key of the client id", "azurekv", "service-principal", "client-id"},
            {"key-client-secret", "Key of the client secret", "azurekv", "service-principal", "client-secret"}};

    static final Map<String, List<String>> AUTH = Map.of(
            "aws", List.of("controller", "jwt", "secret"),
            "vault", List.of("kubernetes", "token", "approle", "jwt"),
            "akeyless", List.of("secret", "kubernetes"),
            "gcpsm", List.of("workload-identity", "key", "adc"),
            "azurekv", List.of("workload-identity", "managed-identity", "service-principal"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "External Secrets store";
    }

    @Override
    public String description() {
        return "A SecretStore or ClusterSecretStore (external-secrets.io/v1) for one provider and auth choice, with"
                + " the store-side least-privilege policy.";
    }

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
        WizardSupport.showWhen(ns, kind, "SecretStore");
        var allowed = store.list("allowed-namespace", "Allowed namespaces", "ClusterSecretStore: only these"
                + " namespaces may use it (empty = all).", context::namespaces);
        WizardSupport.showWhen(allowed, kind, "ClusterSecretStore");
        store.text("refresh-interval", "Refresh interval", "How often ESO re-validates the store (e.g. 1h); empty ="
                + " ESO's default.", "");

        WizardForm.Step prov = form.step("Provider", "The backend and how ESO authenticates to it.");
        Fields.Choice provider = prov.choice("provider", "Provider", "aws (Secrets Manager / Parameter Store), vault,"
                + " akeyless, gcpsm (GCP Secret Manager), azurekv (Azure Key Vault).",
                List.of("aws", "vault", "akeyless", "gcpsm", "azurekv"));
        provider.valueProperty().set("vault");
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
        var awsService = prov.choice("aws-service", "AWS service", "Secrets Manager or Parameter Store.",
                List.of("SecretsManager", "ParameterStore"));
        awsService.valueProperty().set("SecretsManager");
        WizardSupport.showWhen(awsService, provider, "aws");
        WizardSupport.showWhen(prov.text("region", "Region", "AWS region of the secrets.", "eu-central-1")
                .alias("spec.provider.aws.region"), provider, "aws");
        WizardSupport.showWhen(prov.text("role", "Role to assume", "Optional IAM role ARN the store assumes.", ""),
                provider, "aws");
        WizardSupport.showWhen(prov.text("vault-server", "Vault address", "e.g. https://vault.example:8200",
                "https://vault.example:8200").alias("spec.provider.vault.server"), provider, "vault");
        WizardSupport.showWhen(prov.text("vault-path", "KV mount", "The KV secrets engine mount (default secret).",
                "secret"), provider, "vault");
        var kv = prov.choice("vault-version", "KV version", "v2 (versioned, default) or v1.", List.of("v2", "v1"));
        kv.valueProperty().set("v2");
        WizardSupport.showWhen(kv, provider, "vault");
        WizardSupport.showWhen(prov.text("vault-role", "Vault role", "kubernetes/jwt auth: the Vault role to log in"
                + " to.", "team-a"), provider, "vault");
        WizardSupport.showWhen(prov.text("vault-auth-mount", "Auth mount", "kubernetes/jwt/approle mount path (empty"
                + " = default).", "kubernetes"), provider, "vault");
        WizardSupport.showWhen(prov.text("vault-role-id", "AppRole role id", "approle only.", ""), provider, "vault");
        WizardSupport.showWhen(prov.text("akeyless-gateway", "Gateway URL", "Akeyless gateway (default"
                + " https://api.akeyless.io).", "https://api.akeyless.io"), provider, "akeyless");
        WizardSupport.showWhen(prov.text("akeyless-access-id", "Access id", "kubernetes auth: the access id.", ""),
                provider, "akeyless");
        WizardSupport.showWhen(prov.text("akeyless-k8s-conf", "K8s auth config", "kubernetes auth: the gateway's"
                + " k8s auth config name.", ""), provider, "akeyless");
        WizardSupport.showWhen(prov.text("gcp-project", "GCP project", "Project of the secrets.", "my-project"),
                provider, "gcpsm");
        WizardSupport.showWhen(prov.text("gcp-location", "Location", "Optional: regional secrets.", ""),
                provider, "gcpsm");
        WizardSupport.showWhen(prov.text("gcp-cluster-name", "GKE cluster name", "workload identity: optional.",
                ""), provider, "gcpsm");
        WizardSupport.showWhen(prov.text("gcp-cluster-location", "GKE cluster location", "workload identity:"
                + " optional.", ""), provider, "gcpsm");
        WizardSupport.showWhen(prov.text("azure-vault-url", "Vault URL", "e.g. https://my-vault.vault.azure.net",
                "https://my-vault.vault.azure.net").alias("spec.provider.azurekv.vaultUrl"), provider, "azurekv");
        WizardSupport.showWhen(prov.text("azure-tenant-id", "Tenant id", "Azure AD tenant.", ""), provider,
                "azurekv");
        WizardSupport.showWhen(prov.text("azure-identity-id", "Managed identity id", "managed-identity: only when"
                + " the node has several.", ""), provider, "azurekv");

        WizardForm.Step cred = form.step("Credentials", "The Kubernetes side of the identity: a ServiceAccount for"
                + " IRSA / workload identity / kubernetes auth, or a Secret holding static credentials.");
        cred.serviceAccount("service-account", "ServiceAccount", "Its token authenticates the store (IRSA, workload"
                + " identity, Vault kubernetes/jwt auth).", ns).alias("spec.provider");
        cred.text("service-account-namespace", "ServiceAccount namespace", "ClusterSecretStore: the account's"
                + " namespace.", "");
        cred.text("secret-name", "Credentials Secret", "Static credentials (token, keys, access id): the Secret that"
                + " holds them.", "");
        cred.text("secret-namespace", "Credentials Secret namespace", "ClusterSecretStore: the Secret's namespace"
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
        var secrets = pol.list("secret", "Secrets / paths", "aws/gcp: secret names or ARNs; vault: paths under the"
                + " KV mount.", List::of);
        WizardSupport.showWhen(secrets, policy);
        for (String[] f : new String[][]{
                {"account-id", "AWS account id", "aws: account of the secrets.", "aws"},
                {"role-arn", "IAM role ARN", "aws: the role the ServiceAccount assumes (IRSA annotation).", "aws"},
                {"kms-key-arn", "KMS key ARN", "aws: customer-managed key of the secrets (adds kms:Decrypt).", "aws"},
                {"policy-name", "Vault policy name", "vault (default kustodian-read).", "vault"},
                {"gsa", "Google service account", "gcp: the GSA email that reads the secrets.", "gcpsm"},
                {"subscription", "Subscription id", "azure: scope of the role assignment.", "azurekv"},
                {"resource-group", "Resource group", "azure: the vault's resource group.", "azurekv"},
                {"vault-name", "Key Vault name", "azure: the vault the role is scoped to.", "azurekv"},
                {"principal-id", "Principal id", "azure: object id of the reading identity.", "azurekv"},
                {"client-id", "Client id", "azure: workload identity client id.", "azurekv"}}) {
            var t = pol.text(f[0], f[1], f[2], "");
            t.node().visibleProperty().bind(policy.valueProperty().and(provider.valueProperty().isEqualTo(f[3])));
            t.node().managedProperty().bind(t.node().visibleProperty());
        }
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        boolean cluster = "ClusterSecretStore".equals(v.string("kind"));
        WizardSupport.Args a = new WizardSupport.Args(v).text("name", "provider", "auth", "refresh-interval",
                "service-account", "service-account-namespace", "secret-name", "secret-namespace");
        if (cluster) {
            a.flag(true, "cluster").list("allowed-namespace", "allowed-namespace");
        } else {
            a.text("namespace");
        }
        switch (v.string("provider")) {
            case "aws" -> a.text("aws-service", "region", "role");
            case "vault" -> a.text("vault-server", "vault-path", "vault-version", "vault-role", "vault-auth-mount",
                    "vault-role-id");
            case "akeyless" -> a.text("akeyless-gateway", "akeyless-access-id", "akeyless-k8s-conf");
            case "gcpsm" -> a.text("gcp-project", "gcp-location", "gcp-cluster-name", "gcp-cluster-location");
            case "azurekv" -> a.text("azure-vault-url", "azure-tenant-id", "azure-identity-id");
            default -> {
            }
        }
        for (String[] f : STATIC_KEYS) {
            if (f[2].equals(v.string("provider")) && f[3].equals(v.string("auth"))) {
                a.text(f[0]);
            }
        }
        Bundle b = BundleSource.run(new SecretStoreCommand(), a.build());
        b = WizardSupport.remap(b, Map.of("spec.provider", "provider", "metadata.name", "name",
                "metadata.namespace", "namespace", "spec.conditions", "allowed-namespace",
                "spec.refreshInterval", "refresh-interval"));
        if (v.bool("policy")) {
            b = b.plus(policy(v));
        }
        return b;
    }

    /** The store-side policy through {@code generate store-policy}'s command. */
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
        String saNs = v.string("service-account-namespace").isBlank() ? v.string("namespace")
                : v.string("service-account-namespace");
        WizardSupport.Args a = new WizardSupport.Args(v).raw("--provider", provider).text("service-account");
        if (!saNs.isBlank()) {
            a.raw("--namespace", saNs.trim());
        }
        switch (provider) {
            case "aws" -> a.text("aws-service", "region", "account-id", "role-arn", "kms-key-arn")
                    .list("secret", "secret");
            case "vault" -> a.text("policy-name", "vault-version", "vault-role", "vault-auth-mount")
                    .textAs("vault-path", "vault-mount").list("secret", "path");
            case "gcp" -> a.textAs("gcp-project", "project").text("gsa").list("secret", "secret");
            case "azure" -> a.text("subscription", "resource-group", "vault-name", "principal-id", "client-id")
                    .textAs("azure-tenant-id", "tenant-id");
            default -> {
            }
        }
        Bundle b = BundleSource.run(new StorePolicyCommand(), a.build());
        // the policy command names --path/--project/--namespace; show those at the wizard's fields
        return WizardSupport.remap(b, Map.of("path", "secret", "project", "gcp-project", "namespace",
                "service-account"));
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if (!target.namespace().isEmpty()) {
            form.field("namespace", Fields.Choice.class).valueProperty().set(target.namespace());
        }
        if ("ServiceAccount".equals(target.kind())) {
            form.field("service-account", Fields.Choice.class).valueProperty().set(target.name());
        }
    }
}
