package dev.kustodian.cli.generate;

import dev.kustodian.core.externalsecrets.SopsConfig;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sops-config", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A .sops.yaml with creation rules (encrypted_regex ^(data|stringData)$; catch-all rule last).",
                "RULE = 'path=REGEX;age=R1,R2;pgp=FP;kms=ARN;gcp_kms=ID;azure_keyvault=URL' (omit path= for the catch-all).",
                "Example: kustodian generate sops-config --rule 'path=^clusters/prod/;kms=arn:aws:kms:...' \\",
                "           --rule 'age=age1...'"})
public final class SopsConfigCommand implements Callable<Integer>, BundleSource {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--rule", required = true, paramLabel = "RULE", description = "A creation rule (repeatable, in order).")
    List<String> rules = new ArrayList<>();
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    @Override
    public Integer call() {
        return BundleOutput.emit(spec, bundle(), output, ".sops.yaml");
    }

    @Override
    public dev.kustodian.core.output.Bundle bundle() {
        List<SopsConfig.Rule> parsed = new ArrayList<>();
        for (String r : rules) {
            parsed.add(parse(r));
        }
        return SopsConfig.generate(parsed);
    }

    static SopsConfig.Rule parse(String r) {
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
                throw UserFacingException.badInput("--rule part '" + part + "' is not KEY=VALUE.");
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
                default -> throw UserFacingException.badInput("--rule key '" + k + "' is unknown: use path, age, pgp,"
                        + " kms, gcp_kms or azure_keyvault.");
            }
        }
        return new SopsConfig.Rule(path, age, pgp, kms, gcp, az);
    }
}
