package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.ExternalSecretRequest;
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
 * An ESO ExternalSecret (the fix of secret findings): which store, which remote keys, which target Secret.
 * Pre-filled from a Secret: its keys become data entries {@code key=<namespace>/<name>#key}. Field ids are the keys
 * of {@link ExternalSecretRequest}'s fields.
 */
public final class ExternalSecretWizard extends NamedWizard {
    public static final String ID = "external-secret";

    public ExternalSecretWizard() {
        super(ID, "ExternalSecret",
                "An ExternalSecret (external-secrets.io/v1): ESO reads the values from the store and keeps the"
                        + " Kubernetes Secret in sync, so no value lives in Git.");
    }
    private WizardContext context;

    @Override
    public void build(WizardForm form, WizardContext context) {
        this.context = context;
        WizardForm.Step what = form.step("Secret", "The ExternalSecret and the Secret it creates.");
        what.text("name", "Name", "Name of the ExternalSecret.", "db-credentials").alias("metadata.name");
        what.namespace("namespace", "Namespace", "The ExternalSecret and its Secret live here.")
                .alias("metadata.namespace");
        what.text("target", "Target Secret", "Name of the created Secret (empty = the ExternalSecret's name).", "")
                .alias("spec.target.name");
        Fields.Choice type = what.choice("templateType", "Secret type", "Type of the created Secret.",
                List.of("", "Opaque", "kubernetes.io/tls", "kubernetes.io/dockerconfigjson",
                        "kubernetes.io/basic-auth", "kubernetes.io/ssh-auth"));
        type.alias("spec.target.template");
        WizardForm.Step from = form.step("Store", "Where the values come from. Stores found in the cluster: "
                + (WizardSupport.stores(context).isEmpty() ? "none" : String.join(", ", WizardSupport.stores(context)))
                + ".");
        from.text("store", "Store name", "The SecretStore (same namespace) or ClusterSecretStore.",
                WizardSupport.stores(context).isEmpty() ? "vault" : WizardSupport.stores(context).get(0))
                .alias("spec.secretStoreRef");
        Fields.Choice kind = from.choice("storeKind", "Store kind", "SecretStore or ClusterSecretStore.",
                List.of("SecretStore", "ClusterSecretStore"));
        kind.alias("spec.secretStoreRef.kind");
        kind.valueProperty().set("SecretStore");
        from.text("refreshInterval", "Refresh interval", "How often ESO re-reads the store (default 1h; 0s ="
                + " once).", "1h").alias("spec.refreshInterval");
        WizardSupport.keysAndPolicySteps(form, "spec.", "password=team-a/db#password", "Secret");
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        return ExternalSecretRequest.from(v).generate();
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if (!target.namespace().isEmpty()) {
            form.field("namespace", Fields.Choice.class).valueProperty().set(target.namespace());
        }
        if (WizardSupport.prefillExternalSecret(form, target, context == null ? null : context.snapshot())
                .isEmpty()) {
            return;
        }
        List<String> stores = WizardSupport.stores(context);
        if (!stores.isEmpty()) {
            form.field("store", Fields.Text.class).valueProperty().set(stores.get(0));
            String kind = WizardSupport.storeKind(context, target.namespace(), stores.get(0));
            if (kind != null) {
                form.field("storeKind", Fields.Choice.class).valueProperty().set(kind);
            }
        }
    }
}
