package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "externalsecret", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An External Secrets Operator ExternalSecret (external-secrets.io/v1).",
                "Example: kustodian generate externalsecret --name db -n team-a --store vault \\",
                "           --data password=team-a/db#password --data username=team-a/db#username"})
public final class ExternalSecretCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--name", required = true, description = "ExternalSecret name.")
    String name;
    @Option(names = {"-n", "--namespace"}, required = true, description = "Namespace.")
    String namespace;
    @CommandLine.Mixin
    ExternalSecretOptions es = new ExternalSecretOptions();
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    /** Request fields whose flag is not the key in kebab case. */
    static final Map<String, String> FLAGS = Map.of("findTags", "find-tag");

    @Override
    public Integer call() {
        return BundleOutput.emit(spec, BundleOutput.generate(es.toRequest(name, namespace), FLAGS), output, null);
    }
}
