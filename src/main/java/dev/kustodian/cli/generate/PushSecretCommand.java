package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.externalsecrets.PushSecretRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "pushsecret", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An ESO PushSecret (external-secrets.io/v1alpha1): copies keys of an existing Secret into the store.",
                "Example: kustodian generate pushsecret --name db-push -n team-a --store vault --secret db \\",
                "           --data password=team-a/db#password"})
public final class PushSecretCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--name", required = true, description = "PushSecret name.")
    String name;
    @Option(names = {"-n", "--namespace"}, required = true, description = "Namespace (of the PushSecret and the Secret).")
    String namespace;
    @Option(names = "--store", required = true, description = "Store to push to.")
    String store;
    @Option(names = "--store-kind", defaultValue = "SecretStore", description = "SecretStore | ClusterSecretStore (default ${DEFAULT-VALUE}).")
    String storeKind;
    @Option(names = "--secret", required = true, description = "The existing Kubernetes Secret to push.")
    String secret;
    @Option(names = "--data", paramLabel = "KEY=REMOTE[#PROPERTY]", description = "Secret key → remote key (repeatable).")
    List<String> data = new ArrayList<>();
    @Option(names = "--update-policy", defaultValue = "Replace", description = "Replace | IfNotExists (default ${DEFAULT-VALUE}).")
    String updatePolicy;
    @Option(names = "--deletion-policy", defaultValue = "None", description = "None | Delete: delete the remote value with the PushSecret (default ${DEFAULT-VALUE}).")
    String deletionPolicy;
    @Option(names = "--refresh-interval", defaultValue = "1h", description = "Push interval (default ${DEFAULT-VALUE}).")
    String refreshInterval;
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    @Override
    public Integer call() {
        PushSecretRequest r = new PushSecretRequest(name, namespace, store, storeKind, secret, data, updatePolicy,
                deletionPolicy, refreshInterval);
        return BundleOutput.emit(spec, BundleOutput.generate(r, Map.of()), output, null);
    }
}
