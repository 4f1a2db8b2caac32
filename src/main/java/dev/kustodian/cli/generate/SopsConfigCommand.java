package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.externalsecrets.SopsConfigRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sops-config", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A .sops.yaml with creation rules (encrypted_regex ^(data|stringData)$; catch-all rule last).",
                "RULE = 'path=REGEX;age=R1,R2;pgp=FP;kms=ARN;gcp_kms=ID;azure_keyvault=URL' (omit path= for the catch-all).",
                "Example: kustodian generate sops-config --rule 'path=^clusters/prod/;kms=arn:aws:kms:...' \\",
                "           --rule 'age=age1...'"})
public final class SopsConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--rule", required = true, paramLabel = "RULE", description = "A creation rule (repeatable, in order).")
    List<String> rules = new ArrayList<>();
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    @Override
    public Integer call() {
        return BundleOutput.emit(spec, BundleOutput.generate(SopsConfigRequest.ofRules(rules), Map.of("rules", "rule")),
                output, ".sops.yaml");
    }
}
