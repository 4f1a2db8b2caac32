package dev.kustodian.ui.stores;

import dev.kustodian.cli.generate.BundleSource;
import dev.kustodian.cli.generate.SopsConfigCommand;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.Wizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code .sops.yaml}: one rule for a path (recipients: age, PGP, cloud KMS) plus further rules in the CLI's RULE
 * syntax; every rule encrypts only {@code data}/{@code stringData}. Same rules as
 * {@code kustodian generate sops-config --rule}.
 */
public final class SopsConfigWizard implements Wizard {
    public static final String ID = "sops-config";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "SOPS configuration";
    }

    @Override
    public String description() {
        return "A .sops.yaml whose creation rules encrypt only data/stringData of Secrets, so the manifests stay"
                + " readable in Git while the values are encrypted.";
    }

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step rule = form.step("Rule", "The files this rule covers and who can decrypt them.");
        rule.text("path", "Path regex", "Files the rule applies to, e.g. ^clusters/prod/ (empty = every file, the"
                + " catch-all rule).", "^clusters/prod/");
        rule.list("age", "age recipients", "age1... public keys.", List::of);
        rule.list("kms", "AWS KMS key ARNs", "arn:aws:kms:REGION:ACCOUNT:key/ID", List::of);
        rule.list("gcp_kms", "GCP KMS keys", "projects/P/locations/L/keyRings/R/cryptoKeys/K", List::of);
        rule.list("azure_keyvault", "Azure Key Vault keys", "https://VAULT.vault.azure.net/keys/NAME/VERSION",
                List::of);
        rule.list("pgp", "PGP fingerprints", "40-hex fingerprints.", List::of);
        WizardForm.Step more = form.step("More rules", "Further rules, in order (the catch-all rule goes last).");
        more.list("rule", "Additional rules", "path=REGEX;age=R1,R2;pgp=FP;kms=ARN;gcp_kms=ID;azure_keyvault=URL",
                List::of);
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        List<String> parts = new ArrayList<>();
        if (!v.string("path").isBlank()) {
            parts.add("path=" + v.string("path").trim());
        }
        for (String k : List.of("age", "pgp", "kms", "gcp_kms", "azure_keyvault")) {
            if (!v.list(k).isEmpty()) {
                parts.add(k + "=" + String.join(",", v.list(k)));
            }
        }
        WizardSupport.Args a = new WizardSupport.Args(v);
        if (!parts.isEmpty()) {
            a.raw("--rule", String.join(";", parts));
        }
        a.list("rule", "rule");
        if (parts.isEmpty() && v.list("rule").isEmpty()) {
            return new Bundle(".sops.yaml", List.of(), List.of(new Bundle.Problem("age", "Add at least one"
                    + " recipient (age, KMS, PGP...).", true)), List.of(), List.of());
        }
        Bundle b = BundleSource.run(new SopsConfigCommand(), a.build());
        return WizardSupport.remap(b, Map.of("creation_rules", "age"));
    }
}
