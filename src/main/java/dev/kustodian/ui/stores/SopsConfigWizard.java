package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.SopsConfigRequest;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.List;

/**
 * A {@code .sops.yaml}: one rule for a path (recipients: age, PGP, cloud KMS) plus further rules in the CLI's RULE
 * syntax; every rule encrypts only {@code data}/{@code stringData}. Same rules as
 * {@code kustodian generate sops-config --rule}.
 */
public final class SopsConfigWizard extends NamedWizard {
    public static final String ID = "sops-config";

    public SopsConfigWizard() {
        super(ID, "SOPS configuration",
                "A .sops.yaml whose creation rules encrypt only data/stringData of Secrets, so the manifests stay"
                        + " readable in Git while the values are encrypted.");
    }

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step rule = form.step("Rule", "The files this rule covers and who can decrypt them.");
        rule.text("path", "Path regex", "Files the rule applies to, e.g. ^clusters/prod/ (empty = every file, the"
                + " catch-all rule).", "^clusters/prod/");
        rule.list("age", "age recipients", "age1... public keys.", List::of).alias("creation_rules");
        rule.list("kms", "AWS KMS key ARNs", "arn:aws:kms:REGION:ACCOUNT:key/ID", List::of);
        rule.list("gcpKms", "GCP KMS keys", "projects/P/locations/L/keyRings/R/cryptoKeys/K", List::of);
        rule.list("azureKeyvault", "Azure Key Vault keys", "https://VAULT.vault.azure.net/keys/NAME/VERSION",
                List::of);
        rule.list("pgp", "PGP fingerprints", "40-hex fingerprints.", List::of);
        WizardForm.Step more = form.step("More rules", "Further rules, in order (the catch-all rule goes last).");
        more.list("rules", "Additional rules", "path=REGEX;age=R1,R2;pgp=FP;kms=ARN;gcp_kms=ID;azure_keyvault=URL",
                List::of);
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        return SopsConfigRequest.from(v).generate();
    }
}
