package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.core.externalsecrets.ClusterExternalSecretRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "clusterexternalsecret", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An ESO ClusterExternalSecret (external-secrets.io/v1): one ExternalSecret per selected namespace.",
                "Example: kustodian generate clusterexternalsecret --name registry --store-kind ClusterSecretStore \\",
                "           --store aws --namespace-label team=payments --data .dockerconfigjson=shared/registry"})
public final class ClusterExternalSecretCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--name", required = true, description = "ClusterExternalSecret name.")
    String name;
    @Option(names = "--external-secret-name", description = "Name of the ExternalSecrets it creates (default: --name).")
    String externalSecretName;
    @Option(names = "--namespaces", split = ",", paramLabel = "NS", description = "Target namespaces (comma-separated or repeated).")
    List<String> namespaces = new ArrayList<>();
    @Option(names = "--namespace-label", paramLabel = "KEY=VALUE", description = "Select namespaces by label (repeatable).")
    List<String> namespaceLabels = new ArrayList<>();
    @Option(names = "--refresh-time", description = "How often namespaces are re-evaluated, e.g. 1m.")
    String refreshTime;
    @CommandLine.Mixin
    ExternalSecretOptions es = new ExternalSecretOptions();
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    /** Request fields whose flag is not the key in kebab case. */
    static final Map<String, String> FLAGS = Map.of("findTags", "find-tag", "namespaceLabels", "namespace-label");

    @Override
    public Integer call() {
        ClusterExternalSecretRequest r = new ClusterExternalSecretRequest(name, externalSecretName, namespaces,
                namespaceLabels, refreshTime, es.toRequest(externalSecretName == null ? name : externalSecretName,
                null));
        return BundleOutput.emit(spec, BundleOutput.generate(r, FLAGS), output, null);
    }
}
