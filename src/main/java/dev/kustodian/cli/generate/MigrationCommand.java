package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.externalsecrets.MigrationRequest;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kustodian generate migration}: one existing Secret → ExternalSecret + upload (PushSecret or CLI script). */
@Command(name = "migration", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Migrate an existing Secret to an external store: an ExternalSecret that reproduces its keys",
                "(same name, so ESO takes the Secret over), a PushSecret or a provider CLI script that uploads the",
                "values (read from the cluster when the script runs; Kustodian never sees them), and the switch-over",
                "steps. Reads key names only from the cluster (or --snapshot/--demo).",
                "Example: kustodian generate migration --secret shop/db-credentials --backend vault --store vault \\",
                "           --upload cli -O migrate/"})
public final class MigrationCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--secret", required = true, paramLabel = "NAMESPACE/NAME", description = "The Secret to migrate.")
    String secret;
    @Option(names = "--backend", required = true, description = "aws-secrets-manager | aws-parameter-store | vault | gcp | azure | akeyless.")
    String backend;
    @Option(names = "--store", required = true, description = "Name of the SecretStore/ClusterSecretStore to read from (and push to).")
    String store;
    @Option(names = "--store-kind", defaultValue = "SecretStore", description = "SecretStore | ClusterSecretStore (default ${DEFAULT-VALUE}).")
    String storeKind;
    @Option(names = "--remote-key", defaultValue = "{namespace}/{name}", description = "Remote name convention with {namespace} and {name} (default ${DEFAULT-VALUE}).")
    String convention;
    @Option(names = "--upload", defaultValue = "push-secret", description = "push-secret (PushSecret; the store needs write access) | cli (provider CLI script) (default ${DEFAULT-VALUE}).")
    String upload;
    @Option(names = "--vault-mount", defaultValue = "secret", description = "vault: KV mount for the script (default ${DEFAULT-VALUE}).")
    String vaultMount;
    @Option(names = "--azure-vault", description = "azure: Key Vault name for the script.")
    String azureVault;
    @Option(names = "--gcp-project", description = "gcp: project for the script.")
    String gcpProject;
    @CommandLine.Mixin
    SourceOptions source = new SourceOptions();
    @CommandLine.Mixin
    BundleOutput.Options output = new BundleOutput.Options();

    @Override
    public Integer call() {
        MigrationRequest request = new MigrationRequest(secret, backend, store, storeKind, convention, upload,
                vaultMount, azureVault, gcpProject, null);
        for (Bundle.Problem p : request.validate()) {
            if (p.error()) {
                throw UserFacingException.badInput(p.render(k -> BundleOutput.flag(k, FLAGS)).message());
            }
        }
        int slash = secret.indexOf('/');
        String ns = secret.substring(0, slash);
        String name = secret.substring(slash + 1);
        SecretInfo s;
        try (ClusterSession session = ClusterLoader.open(source.toSpec(), (f, msg) -> { }, new Cancellation())) {
            s = session.snapshot().secrets().stream()
                    .filter(x -> x.meta().namespace().equals(ns) && x.meta().name().equals(name)).findFirst()
                    .orElseThrow(() -> UserFacingException.badInput("There is no Secret " + ns + "/" + name + " in "
                            + session.spec().describe() + ". Check the name with `kubectl get secrets -n " + ns
                            + "`."));
        }
        return BundleOutput.emit(spec, request.withSource(s).generate(), output, null);
    }

    /** Request fields whose flag is not the key in kebab case. */
    static final Map<String, String> FLAGS = Map.of("remoteKey", "remote-key");
}
