package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code .sops.yaml}: an optional first creation rule from typed fields ({@code path} regex and recipient lists),
 * then further rules in the RULE syntax {@code path=REGEX;age=R1,R2;pgp=FP;kms=ARN;gcp_kms=ID;azure_keyvault=URL}.
 */
public record SopsConfigRequest(String path, List<String> age, List<String> pgp, List<String> kms,
                                List<String> gcpKms, List<String> azureKeyvault, List<String> rules)
        implements GenerationRequest<List<SopsConfig.Rule>> {

    public enum Field implements RequestField {
        PATH, AGE, PGP, KMS, GCP_KMS, AZURE_KEYVAULT, RULES;
    }

    public SopsConfigRequest {
        path = Texts.blankToNull(path);
        age = Texts.list(age);
        pgp = Texts.list(pgp);
        kms = Texts.list(kms);
        gcpKms = Texts.list(gcpKms);
        azureKeyvault = Texts.list(azureKeyvault);
        rules = Texts.list(rules);
    }

    /** Only rules in the RULE syntax (the CLI's {@code --rule}). */
    public static SopsConfigRequest ofRules(List<String> rules) {
        return new SopsConfigRequest(null, null, null, null, null, null, rules);
    }

    public static SopsConfigRequest from(FieldValues v) {
        return new SopsConfigRequest(v.textOrNull(Field.PATH), v.list(Field.AGE), v.list(Field.PGP), v.list(Field.KMS),
                v.list(Field.GCP_KMS), v.list(Field.AZURE_KEYVAULT), v.list(Field.RULES));
    }

    private boolean hasFirstRule() {
        return path != null || !age.isEmpty() || !pgp.isEmpty() || !kms.isEmpty() || !gcpKms.isEmpty()
                || !azureKeyvault.isEmpty();
    }

    @Override
    public List<SopsConfig.Rule> spec(InputProblems p) {
        List<SopsConfig.Rule> out = new ArrayList<>();
        if (hasFirstRule()) {
            out.add(new SopsConfig.Rule(path, age, pgp, kms, gcpKms, azureKeyvault));
        }
        for (String r : rules) {
            SopsConfig.Rule rule = parse(r, p);
            if (rule == null) {
                return null;
            }
            out.add(rule);
        }
        if (out.isEmpty()) {
            p.error(Field.AGE, "Add at least one recipient (age, KMS, PGP...).");
            return null;
        }
        return out;
    }

    @Override
    public Bundle bundle(List<SopsConfig.Rule> spec) {
        return SopsConfig.generate(spec);
    }

    /** One rule in the RULE syntax; a malformed part is an error at {@code rules}. */
    static SopsConfig.Rule parse(String r, InputProblems p) {
        String path = null;
        List<String> age = new ArrayList<>();
        List<String> pgp = new ArrayList<>();
        List<String> kms = new ArrayList<>();
        List<String> gcp = new ArrayList<>();
        List<String> az = new ArrayList<>();
        for (String part : r.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int i = part.indexOf('=');
            if (i <= 0) {
                p.error(Field.RULES, "{rules} part '" + part + "' is not KEY=VALUE.");
                return null;
            }
            String k = part.substring(0, i).trim();
            String v = part.substring(i + 1).trim();
            List<String> vals = Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            switch (k) {
                case "path", "path_regex" -> path = v;
                case "age" -> age.addAll(vals);
                case "pgp" -> pgp.addAll(vals);
                case "kms" -> kms.addAll(vals);
                case "gcp_kms" -> gcp.addAll(vals);
                case "azure_keyvault" -> az.addAll(vals);
                default -> {
                    p.error(Field.RULES, "{rules} key '" + k + "' is unknown: use path, age, pgp, kms, gcp_kms or"
                            + " azure_keyvault.");
                    return null;
                }
            }
        }
        return new SopsConfig.Rule(path, age, pgp, kms, gcp, az);
    }
}
