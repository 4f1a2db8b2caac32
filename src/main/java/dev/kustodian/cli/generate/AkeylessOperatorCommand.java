package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.externalsecrets.AkeylessOperatorRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "akeyless-operator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"AkeylessSecretStore + AkeylessSecret for the Akeyless secrets operator (secrets.akeyless.io/v1alpha1).",
                "Note: there is no akeyless.io/v1 ExternalSecret; for ESO use `generate secretstore --provider akeyless`.",
                "Example: kustodian generate akeyless-operator -n team-a --store akeyless --secret-name ak-auth \\",
                "           --name db --data password=/team-a/db"})
public final class AkeylessOperatorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = {"-n", "--namespace"}, required = true, description = "Namespace of both objects.")
    String namespace;
    @Option(names = "--store", required = true, description = "AkeylessSecretStore name.")
    String store;
    @Option(names = "--gateway", defaultValue = "https://api.akeyless.io", description = "Gateway API URL (default ${DEFAULT-VALUE}).")
    String gateway;
    @Option(names = "--auth", defaultValue = "secret", description = "secret (access id/type/param in --secret-name, default) | kubernetes.")
    String auth;
    @Option(names = "--secret-name", description = "Secret with keys accessId, accessType, accessTypeParam (--auth secret).")
    String secretName;
    @Option(names = "--access-id", description = "--auth kubernetes: access id.")
    String accessId;
    @Option(names = "--k8s-conf", description = "--auth kubernetes: k8s auth config name.")
    String k8sConf;
    @Option(names = "--service-account", description = "--auth kubernetes: service account (optional).")
    String serviceAccount;
    @Option(names = "--name", required = true, description = "AkeylessSecret name.")
    String name;
    @Option(names = "--target", description = "Secret to create (default: --name).")
    String target;
    @Option(names = "--sync-policy", description = "OnRemoteChange | Periodic | OnSpecChange | CreatedOnce.")
    String syncPolicy;
    @Option(names = "--sync-interval", description = "e.g. 1h (Periodic).")
    String syncInterval;
    @Option(names = "--data", paramLabel = "KEY=PATH[#PROPERTY]", description = "Secret key ← Akeyless item path (repeatable).")
    List<String> data = new ArrayList<>();
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    @Override
    public Integer call() {
        AkeylessOperatorRequest r = new AkeylessOperatorRequest(namespace, store, gateway, auth, secretName, accessId,
                k8sConf, serviceAccount, name, target, syncPolicy, syncInterval, data);
        return BundleOutput.emit(spec, BundleOutput.generate(r, Map.of()), output, null);
    }
}
