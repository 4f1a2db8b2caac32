package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.PushSecretRequest;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.List;
import java.util.Map;

/**
 * An ESO PushSecret (external-secrets.io/v1alpha1): copies keys of an existing Secret (picked from the snapshot)
 * into a store, one remote key per Secret key. Field ids are the flags of {@code kustodian generate pushsecret};
 * the {@code secret} field is namespace/name and becomes {@code --namespace} and {@code --secret}.
 */
public final class PushSecretWizard extends NamedWizard {
    public static final String ID = "push-secret";

    public PushSecretWizard() {
        super(ID, "PushSecret",
                "A PushSecret (external-secrets.io/v1alpha1): ESO copies the keys of an existing Secret into the"
                        + " store (the store's credentials need write access). Values are never read by Kustodian.");
    }
    private WizardContext context;

    @Override
    public void build(WizardForm form, WizardContext context) {
        this.context = context;
        WizardForm.Step pick = form.step("Secret", "The Secret to push (from the cluster) and the PushSecret's name.");
        Fields.Choice secret = pick.choice("secret", "Secret", "namespace/name; picking one fills the keys.",
                WizardSupport.secrets(context));
        secret.alias("spec.selector");
        secret.alias("metadata.namespace");
        Fields.Text name = pick.text("name", "Name", "Name of the PushSecret (same namespace as the Secret).",
                "db-credentials-push");
        name.alias("metadata.name");
        List<String> stores = WizardSupport.stores(context);
        WizardForm.Step to = form.step("Store", "Where the values go. Stores found in the cluster: "
                + (stores.isEmpty() ? "none" : String.join(", ", stores)) + ".");
        to.text("store", "Store name", "The SecretStore (same namespace) or ClusterSecretStore.",
                stores.isEmpty() ? "vault" : stores.get(0)).alias("spec.secretStoreRefs");
        Fields.Choice kind = to.choice("storeKind", "Store kind", "SecretStore or ClusterSecretStore.",
                List.of("SecretStore", "ClusterSecretStore"));
        kind.valueProperty().set("SecretStore");
        var ri = to.text("refreshInterval", "Refresh interval", "How often ESO pushes again (default 1h).", "1h");
        ri.valueProperty().set("1h");
        ri.alias("spec.refreshInterval");
        WizardForm.Step keys = form.step("Keys", "Each entry KEY=REMOTE[#PROPERTY]: the Secret key KEY is written to"
                + " the remote key REMOTE (as its PROPERTY for JSON secrets).");
        keys.list("data", "Data", "e.g. password=team-a/db#password", List::of).alias("spec.data");
        WizardForm.Step pol = form.step("Policies", "What ESO does with the remote values.");
        Fields.Choice up = pol.choice("updatePolicy", "Update policy", "Replace (default) overwrites the remote"
                + " value; IfNotExists never overwrites.", List.of("Replace", "IfNotExists"));
        up.valueProperty().set("Replace");
        up.alias("spec.updatePolicy");
        Fields.Choice dp = pol.choice("deletionPolicy", "Deletion policy", "None (default) keeps the remote value"
                + " when the PushSecret is deleted; Delete removes it.", List.of("None", "Delete"));
        dp.valueProperty().set("None");
        dp.alias("spec.deletionPolicy");
        secret.valueProperty().addListener((o, a, b) -> fillKeys(form, b));
    }

    /** Name and one data entry per key ({@code key=<namespace>/<name>#key}) of the picked Secret. */
    private void fillKeys(WizardForm form, String nsName) {
        ClusterSnapshot snap = context == null ? null : context.snapshot();
        int slash = nsName == null ? -1 : nsName.indexOf('/');
        if (snap == null || slash <= 0) {
            return;
        }
        String ns = nsName.substring(0, slash);
        String n = nsName.substring(slash + 1);
        SecretInfo s = snap.secrets().stream().filter(x -> x.meta().namespace().equals(ns)
                && x.meta().name().equals(n)).findFirst().orElse(null);
        if (s == null) {
            return;
        }
        form.field("name", Fields.Text.class).valueProperty().set(n + "-push");
        var data = form.field("data", Fields.ListEditor.class);
        data.values().clear();
        for (SecretInfo.SecretKeyInfo k : s.keys()) {
            data.add(k.name() + "=" + ns + "/" + n + "#" + k.name());
        }
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        String picked = v.string("secret").trim();
        int slash = picked.indexOf('/');
        if (slash <= 0 && !picked.isEmpty()) {
            return new Bundle("", List.of(), List.of(new Bundle.Problem("secret", "Pick the Secret as namespace/name.",
                    true)), List.of(), List.of());
        }
        // the picked namespace/name is the PushSecret's namespace and the Secret's name
        FormValues r = slash > 0 ? v.with("namespace", picked.substring(0, slash))
                .with("secret", picked.substring(slash + 1)) : v;
        Bundle b = PushSecretRequest.from(r).generate();
        return new Bundle(b.title(), b.manifests(), b.problems().stream().map(p -> "namespace".equals(p.path())
                ? new Bundle.Problem("secret", p.message().replace("{namespace}", "{secret}"), p.error()) : p)
                .toList(), b.warnings(), b.nextSteps());
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if ("SecretStore".equals(target.kind()) || "ClusterSecretStore".equals(target.kind())) {
            form.field("store", Fields.Text.class).valueProperty().set(target.name());
            form.field("storeKind", Fields.Choice.class).valueProperty().set(target.kind());
            return;
        }
        if ("Secret".equals(target.kind())) {
            form.field("secret", Fields.Choice.class).valueProperty().set(target.namespace() + "/" + target.name());
        }
    }
}
