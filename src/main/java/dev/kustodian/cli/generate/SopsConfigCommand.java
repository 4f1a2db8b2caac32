package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.core.externalsecrets.SopsConfigRequest;
import dev.kustodian.core.externalsecrets.SopsConfigRequest.Field;
import dev.kustodian.core.output.GenerationRequest;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "sops-config", description = {"A .sops.yaml with creation rules (encrypted_regex ^(data|stringData)$; catch-all rule last).",
                "RULE = 'path=REGEX;age=R1,R2;pgp=FP;kms=ARN;gcp_kms=ID;azure_keyvault=URL' (omit path= for the catch-all).",
                "Example: kustodian generate sops-config --rule 'path=^clusters/prod/;kms=arn:aws:kms:...' \\",
                "           --rule 'age=age1...'"})
public final class SopsConfigCommand extends RequestCommand {

    public SopsConfigCommand() {
        super(List.of(Flag.list(Field.RULES, "--rule", "A creation rule (repeatable, in order).").required()
                .label("RULE")),
                values -> SopsConfigRequest.ofRules(values.list(Field.RULES)));
    }

    @Override
    protected String stdoutOnly(GenerationRequest<?> request) {
        return ".sops.yaml";
    }
}
