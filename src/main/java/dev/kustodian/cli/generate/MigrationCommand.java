package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.BundleOutput;
import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.externalsecrets.MigrationRequest;
import dev.kustodian.core.externalsecrets.MigrationRequest.Field;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code kustodian generate migration}: one existing Secret → ExternalSecret + upload (PushSecret or CLI script). */
@Command(name = "migration", description = {"Migrate an existing Secret to an external store: an ExternalSecret that reproduces its keys",
                "(same name, so ESO takes the Secret over), a PushSecret or a provider CLI script that uploads the",
                "values (read from the cluster when the script runs; Kustodian never sees them), and the switch-over",
                "steps. Reads key names only from the cluster (or --snapshot/--demo).",
                "Example: kustodian generate migration --secret shop/db-credentials --backend vault --store vault \\",
                "           --upload cli -O migrate/"})
public final class MigrationCommand extends RequestCommand {
    static final List<Flag> FLAGS = List.of(
            Flag.text(Field.SECRET, "--secret", "The Secret to migrate.").required().label("NAMESPACE/NAME"),
            Flag.text(Field.BACKEND, "--backend", "aws-secrets-manager | aws-parameter-store | vault | gcp | azure | akeyless.").required(),
            Flag.text(Field.STORE, "--store", "Name of the SecretStore/ClusterSecretStore to read from (and push to).").required(),
            Flag.text(Field.STORE_KIND, "--store-kind", "SecretStore | ClusterSecretStore (default ${DEFAULT-VALUE}).").or("SecretStore"),
            Flag.text(Field.REMOTE_KEY, "--remote-key", "Remote name convention with {namespace} and {name} (default ${DEFAULT-VALUE}).").or("{namespace}/{name}").label("<convention>"),
            Flag.text(Field.UPLOAD, "--upload", "push-secret (PushSecret; the store needs write access) | cli (provider CLI script) (default ${DEFAULT-VALUE}).").or("push-secret"),
            Flag.text(Field.VAULT_MOUNT, "--vault-mount", "vault: KV mount for the script (default ${DEFAULT-VALUE}).").or("secret"),
            Flag.text(Field.AZURE_VAULT, "--azure-vault", "azure: Key Vault name for the script."),
            Flag.text(Field.GCP_PROJECT, "--gcp-project", "gcp: project for the script."));
    @CommandLine.Mixin
    SourceOptions source = new SourceOptions();

    public MigrationCommand() {
        super(FLAGS, values -> MigrationRequest.from(values, null));
    }

    /** Checks the flags first, then reads the Secret's key names from the cluster. */
    @Override
    public Integer call() {
        MigrationRequest request = (MigrationRequest) request(values());
        check(request); // input problems name the flags before the cluster is read
        String secret = request.secret();
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
}
