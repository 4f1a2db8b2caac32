package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.ClusterExternalSecretRequest;
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
 * An ESO ClusterExternalSecret: one ExternalSecret per selected namespace (by name or by label), with the same spec
 * fields as the ExternalSecret wizard. Field ids are the flags of {@code kustodian generate clusterexternalsecret}.
 */
public final class ClusterExternalSecretWizard extends NamedWizard {
    public static final String ID = "cluster-external-secret";

    public ClusterExternalSecretWizard() {
        super(ID, "ClusterExternalSecret",
                "A ClusterExternalSecret (external-secrets.io/v1): ESO creates the same ExternalSecret in every"
                        + " selected namespace, so a shared credential (e.g. a registry pull secret) is never copied by hand.");
    }
    private WizardContext context;

    @Override
    public void build(WizardForm form, WizardContext context) {
        this.context = context;
        WizardForm.Step what = form.step("Secret", "The ClusterExternalSecret and the ExternalSecrets it creates.");
        what.text("name", "Name", "Name of the ClusterExternalSecret (cluster-scoped).", "registry")
                .alias("metadata.name");
        what.text("externalSecretName", "ExternalSecret name", "Name of the ExternalSecret created in each"
                + " namespace (empty = the ClusterExternalSecret's name).", "").alias("spec.externalSecretName");
        what.text("target", "Target Secret", "Name of the created Secrets (empty = the ExternalSecret's name).", "")
                .alias("spec.externalSecretSpec.target.name");
        what.choice("templateType", "Secret type", "Type of the created Secrets.",
                List.of("", "Opaque", "kubernetes.io/tls", "kubernetes.io/dockerconfigjson",
                        "kubernetes.io/basic-auth", "kubernetes.io/ssh-auth"))
                .alias("spec.externalSecretSpec.target.template");
        WizardForm.Step where = form.step("Namespaces", "Which namespaces get the ExternalSecret: by name, by label,"
                + " or both (at least one).");
        where.list("namespaces", "Namespaces", "e.g. team-a", () -> context.snapshot() == null ? List.of()
                : context.snapshot().namespaces().stream().map(n -> n.meta().name()).sorted().toList())
                .alias("spec.namespaces");
        where.list("namespaceLabels", "Namespace labels", "KEY=VALUE: namespaces with all these labels.", List::of)
                .alias("spec.namespaceSelectors");
        where.text("refreshTime", "Namespace refresh", "How often ESO re-evaluates the selection, e.g. 1m.", "")
                .alias("spec.refreshTime");
        List<String> stores = WizardSupport.stores(context);
        WizardForm.Step from = form.step("Store", "Where the values come from. Stores found in the cluster: "
                + (stores.isEmpty() ? "none" : String.join(", ", stores)) + ". A ClusterSecretStore is usually what"
                + " every namespace can read.");
        from.text("store", "Store name", "The ClusterSecretStore (or a SecretStore present in every namespace).",
                stores.isEmpty() ? "vault" : stores.get(0)).alias("spec.externalSecretSpec.secretStoreRef");
        Fields.Choice kind = from.choice("storeKind", "Store kind", "SecretStore or ClusterSecretStore.",
                List.of("SecretStore", "ClusterSecretStore"));
        kind.valueProperty().set("ClusterSecretStore");
        from.text("refreshInterval", "Refresh interval", "How often ESO re-reads the store (default 1h; 0s ="
                + " once).", "1h").alias("spec.externalSecretSpec.refreshInterval");
        WizardSupport.keysAndPolicySteps(form, "spec.externalSecretSpec.", ".dockerconfigjson=shared/registry",
                "Secrets");
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        return ClusterExternalSecretRequest.from(v).generate();
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        WizardSupport.prefillExternalSecret(form, target, context == null ? null : context.snapshot());
    }
}
