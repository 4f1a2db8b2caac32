package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.AkeylessOperatorRequest;
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
 * The Akeyless secrets operator objects (secrets.akeyless.io/v1alpha1): an AkeylessSecretStore (gateway + auth) and
 * an AkeylessSecret that syncs Akeyless items into a Kubernetes Secret. Field ids are the flags of
 * {@code kustodian generate akeyless-operator}.
 */
public final class AkeylessOperatorWizard extends NamedWizard {
    public static final String ID = "akeyless-operator";

    public AkeylessOperatorWizard() {
        super(ID, "Akeyless operator",
                "AkeylessSecretStore + AkeylessSecret for the Akeyless secrets operator: the operator reads the items"
                        + " from Akeyless and keeps the Kubernetes Secret in sync. (For ESO, use the SecretStore wizard with"
                        + " the akeyless provider.)");
    }

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step st = form.step("Store", "The AkeylessSecretStore: which gateway, and how the operator"
                + " authenticates.");
        st.namespace("namespace", "Namespace", "Both objects live here.").alias("metadata.namespace");
        st.text("store", "Store name", "Name of the AkeylessSecretStore.", "akeyless").alias("spec.storeRef");
        var gw = st.text("gateway", "Gateway URL", "Akeyless API / gateway URL.", "https://api.akeyless.io");
        gw.valueProperty().set("https://api.akeyless.io");
        gw.alias("spec.gateway");
        Fields.Choice auth = st.choice("auth", "Authentication", "secret: access id/type/param in a Secret;"
                + " kubernetes: the operator's service account token.", List.of("secret", "kubernetes"));
        auth.valueProperty().set("secret");
        var sn = st.text("secretName", "Access Secret", "Secret with keys accessId, accessType, accessTypeParam.",
                "akeyless-access");
        WizardSupport.showWhen(sn, auth, "secret");
        var id = st.text("accessId", "Access id", "The Akeyless access id (p-...).", "p-123");
        WizardSupport.showWhen(id, auth, "kubernetes");
        var conf = st.text("k8sConf", "K8s auth config", "Name of the gateway's Kubernetes auth config.", "k8s");
        WizardSupport.showWhen(conf, auth, "kubernetes");
        var sa = st.text("serviceAccount", "Service account", "Optional: the service account whose token is used.",
                "");
        WizardSupport.showWhen(sa, auth, "kubernetes");
        WizardForm.Step sec = form.step("Secret", "The AkeylessSecret and the Secret it creates.");
        sec.text("name", "Name", "Name of the AkeylessSecret.", "db-credentials").alias("metadata.name");
        sec.text("target", "Target Secret", "Name of the created Secret (empty = the AkeylessSecret's name).", "");
        Fields.Choice sp = sec.choice("syncPolicy", "Sync policy", "When the operator re-reads Akeyless (empty ="
                + " operator default).", List.of("", "OnRemoteChange", "Periodic", "OnSpecChange", "CreatedOnce"));
        sp.alias("spec.syncPolicy");
        var si = sec.text("syncInterval", "Sync interval", "Periodic: e.g. 1h.", "1h");
        si.alias("spec.syncInterval");
        WizardSupport.showWhen(si, sp, "Periodic");
        WizardForm.Step data = form.step("Keys", "Each entry KEY=PATH[#PROPERTY]: the Secret key KEY gets the"
                + " Akeyless item PATH (its PROPERTY for JSON items). At least one.");
        data.list("data", "Data", "e.g. password=/team-a/db#password", List::of).alias("spec.data");
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        // the sync interval applies to the Periodic policy only (its field is hidden otherwise)
        FormValues r = "Periodic".equals(v.string("syncPolicy")) ? v : v.with("syncInterval", null);
        return AkeylessOperatorRequest.from(r).generate();
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if (!target.namespace().isEmpty()) {
            form.field("namespace", Fields.Choice.class).valueProperty().set(target.namespace());
        }
        if ("Secret".equals(target.kind())) {
            form.field("name", Fields.Text.class).valueProperty().set(target.name());
        }
    }
}
