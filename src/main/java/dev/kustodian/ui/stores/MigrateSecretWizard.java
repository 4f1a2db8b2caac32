package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.MigrationRequest;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.List;

/**
 * Migrates an existing Secret to an external store: an ExternalSecret reproducing its keys (remote names by an
 * editable convention), a PushSecret or provider CLI script that uploads the values (read from the cluster when it
 * runs; Kustodian never reads or writes a value), and the switch-over steps. Same model as
 * {@code kustodian generate migration}. The Secrets page opens it pre-filled with a Secret.
 */
public final class MigrateSecretWizard extends NamedWizard {
    public static final String ID = "migrate-secret";

    public MigrateSecretWizard() {
        super(ID, "Migrate a Secret to a store",
                "Move an existing Secret's values into an external store: upload them, then an ExternalSecret takes"
                        + " the Secret over. Values are never read or written by Kustodian.");
    }

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step pick = form.step("Secret", "The Secret to migrate (key names come from the cluster).");
        pick.choice("secret", "Secret", "namespace/name", WizardSupport.secrets(context));
        WizardForm.Step store = form.step("Store", "Where the values go and how ESO reads them back.");
        Fields.Choice backend = store.choice("backend", "Backend", "The store's service.",
                List.of("vault", "aws-secrets-manager", "aws-parameter-store", "gcp", "azure", "akeyless"));
        backend.valueProperty().set("vault");
        List<String> stores = WizardSupport.stores(context);
        var st = store.text("store", "Store name", "The SecretStore or ClusterSecretStore ESO uses"
                + (stores.isEmpty() ? "." : " (found: " + String.join(", ", stores) + ")."), "vault");
        if (!stores.isEmpty()) {
            st.valueProperty().set(stores.get(0));
        }
        st.alias("spec.secretStoreRef");
        Fields.Choice kind = store.choice("storeKind", "Store kind", "", List.of("SecretStore",
                "ClusterSecretStore"));
        kind.valueProperty().set("SecretStore");
        var rk = store.text("remoteKey", "Remote name convention", "{namespace} and {name} are replaced; GCP and"
                + " Azure names get '-' for '/'.", "{namespace}/{name}");
        rk.valueProperty().set("{namespace}/{name}");
        rk.alias("spec.data");
        WizardForm.Step up = form.step("Upload", "How the values get into the store.");
        Fields.Choice upload = up.choice("upload", "Upload with", "push-secret: a PushSecret (the store needs write"
                + " access); cli: a script with the provider's CLI that reads the Secret with kubectl when it runs.",
                List.of("push-secret", "cli"));
        upload.valueProperty().set("push-secret");
        var vm = up.text("vaultMount", "Vault KV mount", "cli + vault.", "secret");
        vm.valueProperty().set("secret");
        up.text("azureVault", "Azure Key Vault name", "cli + azure.", "");
        up.text("gcpProject", "GCP project", "cli + gcp.", "");
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        String ref = v.string("secret");
        SecretInfo secret = context.snapshot() == null ? null : context.snapshot().secrets().stream()
                .filter(s -> (s.meta().namespace() + "/" + s.meta().name()).equals(ref)).findFirst().orElse(null);
        return MigrationRequest.from(v, secret).generate();
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if ("Secret".equals(target.kind())) {
            form.field("secret", Fields.Choice.class).valueProperty().set(target.namespace() + "/" + target.name());
        }
    }
}
