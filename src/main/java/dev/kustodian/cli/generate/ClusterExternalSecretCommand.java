package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.core.externalsecrets.ClusterExternalSecretRequest;
import dev.kustodian.core.externalsecrets.ClusterExternalSecretRequest.Field;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

@Command(name = "clusterexternalsecret", description = {"An ESO ClusterExternalSecret (external-secrets.io/v1): one ExternalSecret per selected namespace.",
                "Example: kustodian generate clusterexternalsecret --name registry --store-kind ClusterSecretStore \\",
                "           --store aws --namespace-label team=payments --data .dockerconfigjson=shared/registry"})
public final class ClusterExternalSecretCommand extends RequestCommand {

    public ClusterExternalSecretCommand() {
        super(flags(), ClusterExternalSecretRequest::from);
    }

    private static List<Flag> flags() {
        List<Flag> all = new ArrayList<>(List.of(
                Flag.text(Field.NAME, "--name", "ClusterExternalSecret name.").required(),
                Flag.text(Field.EXTERNAL_SECRET_NAME, "--external-secret-name",
                        "Name of the ExternalSecrets it creates (default: --name)."),
                Flag.list(Field.NAMESPACES, "--namespaces", "Target namespaces (comma-separated or repeated).")
                        .label("NS").split(","),
                Flag.list(Field.NAMESPACE_LABELS, "--namespace-label", "Select namespaces by label (repeatable).")
                        .label("KEY=VALUE"),
                Flag.text(Field.REFRESH_TIME, "--refresh-time", "How often namespaces are re-evaluated, e.g. 1m.")));
        all.addAll(ExternalSecretCommand.EXTERNAL_SECRET);
        return all;
    }
}
