package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.core.externalsecrets.PushSecretRequest;
import dev.kustodian.core.externalsecrets.PushSecretRequest.Field;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "pushsecret", description = {"An ESO PushSecret (external-secrets.io/v1alpha1): copies keys of an existing Secret into the store.",
                "Example: kustodian generate pushsecret --name db-push -n team-a --store vault --secret db \\",
                "           --data password=team-a/db#password"})
public final class PushSecretCommand extends RequestCommand {
    static final List<Flag> FLAGS = List.of(
            Flag.text(Field.NAME, "--name", "PushSecret name.").required(),
            Flag.text(Field.NAMESPACE, "-n, --namespace", "Namespace (of the PushSecret and the Secret).").required(),
            Flag.text(Field.STORE, "--store", "Store to push to.").required(),
            Flag.text(Field.STORE_KIND, "--store-kind", "SecretStore | ClusterSecretStore (default ${DEFAULT-VALUE}).")
                    .or("SecretStore"),
            Flag.text(Field.SECRET, "--secret", "The existing Kubernetes Secret to push.").required(),
            Flag.list(Field.DATA, "--data", "Secret key → remote key (repeatable).").label("KEY=REMOTE[#PROPERTY]"),
            Flag.text(Field.UPDATE_POLICY, "--update-policy", "Replace | IfNotExists (default ${DEFAULT-VALUE}).")
                    .or("Replace"),
            Flag.text(Field.DELETION_POLICY, "--deletion-policy",
                    "None | Delete: delete the remote value with the PushSecret (default ${DEFAULT-VALUE}).").or("None"),
            Flag.text(Field.REFRESH_INTERVAL, "--refresh-interval", "Push interval (default ${DEFAULT-VALUE}).")
                    .or("1h"));

    public PushSecretCommand() {
        super(FLAGS, PushSecretRequest::from);
    }
}
