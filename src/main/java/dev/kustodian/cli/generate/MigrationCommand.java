package dev.kustodian.cli.generate;

import dev.kustodian.cli.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.externalsecrets.SecretMigration;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
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

    public static SecretMigration.Backend backend(String s) {
        try {
            return SecretMigration.Backend.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput("--backend must be one of aws-secrets-manager, aws-parameter-store,"
                    + " vault, gcp, azure, akeyless; got '" + s + "'.");
        }
    }

    public static SecretMigration.Upload upload(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "push-secret", "pushsecret", "push" -> SecretMigration.Upload.PUSH_SECRET;
            case "cli", "script" -> SecretMigration.Upload.CLI;
            default -> throw UserFacingException.badInput("--upload must be push-secret or cli; got '" + s + "'.");
        };
    }

    @Override
    public Integer call() {
        int slash = secret.indexOf('/');
        if (slash <= 0 || slash == secret.length() - 1) {
            throw UserFacingException.badInput("--secret expects NAMESPACE/NAME, got '" + secret + "'.");
        }
        String ns = secret.substring(0, slash);
        String name = secret.substring(slash + 1);
        if (!storeKind.equals("SecretStore") && !storeKind.equals("ClusterSecretStore")) {
            throw UserFacingException.badInput("--store-kind must be SecretStore or ClusterSecretStore.");
        }
        SecretMigration.MigrationSpec m = new SecretMigration.MigrationSpec(backend(backend), store, storeKind,
                convention, upload(upload), vaultMount, azureVault, gcpProject);
        SecretInfo s;
        try (ClusterSession session = ClusterLoader.open(source.toSpec(), (f, msg) -> { }, new Cancellation())) {
            s = session.snapshot().secrets().stream()
                    .filter(x -> x.meta().namespace().equals(ns) && x.meta().name().equals(name)).findFirst()
                    .orElseThrow(() -> UserFacingException.badInput("There is no Secret " + ns + "/" + name + " in "
                            + session.spec().describe() + ". Check the name with `kubectl get secrets -n " + ns
                            + "`."));
        }
        return BundleOutput.emit(spec, SecretMigration.migrate(s, m), output, null);
    }
}
