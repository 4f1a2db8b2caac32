package dev.kustodian.core.encryption;

import dev.kustodian.core.externalsecrets.EncryptionConfigLint;
import dev.kustodian.core.output.Bundle.Problem;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The encryption validator behind {@code kustodian lint}: kube-apiserver's rules as errors, our extras as warnings. */
public final class EncryptionLint implements EncryptionConfigLint {
    @Override
    public List<Problem> check(Map<String, Object> encryptionConfiguration) {
        List<Problem> problems = new ArrayList<>();
        EncryptionConfigParser.Result parsed = EncryptionConfigParser.parse(YamlWriter.write(encryptionConfiguration),
                "EncryptionConfiguration");
        problems.addAll(parsed.errors());
        if (parsed.config() != null) {
            problems.addAll(EncryptionConfigValidator.validate(parsed.config(), false));
            problems.addAll(EncryptionConfigValidator.extraWarnings(parsed.config()));
        }
        return problems;
    }
}
