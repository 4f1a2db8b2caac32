package dev.kustodian.ui.wizard;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.roles.SecretReaderRoleGenerator;

/**
 * The example wizard: a Role with {@code get} on named secrets only and a RoleBinding for one ServiceAccount.
 * Pre-fills from a Secret or ServiceAccount finding object.
 */
public final class SecretReaderRoleWizard extends NamedWizard {
    public static final String ID = "secret-reader-role";

    public SecretReaderRoleWizard() {
        super(ID, "Secret reader Role",
                "Lets one ServiceAccount read only the secrets it needs: get on named secrets, no list or watch.");
    }

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step secrets = form.step("Secrets", "Choose the namespace and the secrets the workload reads.");
        Fields.Choice ns = secrets.namespace("namespace", "Namespace", "The Role and RoleBinding live here.");
        secrets.secrets("secretNames", "Secret names", "Only these secrets become readable (resourceNames).", ns);
        WizardForm.Step who = form.step("Service account", "Who gets the access.");
        who.serviceAccount("serviceAccount", "ServiceAccount", "The account the workload runs as.", ns);
        who.text("serviceAccountNamespace", "ServiceAccount namespace",
                "Leave empty when it is the namespace of the secrets.", "same as the secrets");
        who.text("roleName", "Role name", "Leave empty for <account>-secret-reader.", "<account>-secret-reader");
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        return SecretReaderRoleGenerator.generate(new SecretReaderRoleGenerator.Input(v.string("namespace"),
                v.list("secretNames"), v.string("serviceAccount"), v.string("serviceAccountNamespace"),
                v.string("roleName")), context.snapshot());
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if (!target.namespace().isEmpty()) {
            form.field("namespace", Fields.Choice.class).valueProperty().set(target.namespace());
        }
        if ("Secret".equals(target.kind())) {
            form.field("secretNames", Fields.ListEditor.class).add(target.name());
        } else if ("ServiceAccount".equals(target.kind())) {
            form.field("serviceAccount", Fields.Choice.class).valueProperty().set(target.name());
        }
    }
}
