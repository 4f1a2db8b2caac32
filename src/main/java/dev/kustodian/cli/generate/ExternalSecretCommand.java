package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.core.externalsecrets.ExternalSecretRequest;
import dev.kustodian.core.externalsecrets.ExternalSecretRequest.Field;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

@Command(name = "externalsecret", description = {"An External Secrets Operator ExternalSecret (external-secrets.io/v1).",
                "Example: kustodian generate externalsecret --name db -n team-a --store vault \\",
                "           --data password=team-a/db#password --data username=team-a/db#username"})
public final class ExternalSecretCommand extends RequestCommand {
    /**
     * The ExternalSecret flags, shared with {@code generate clusterexternalsecret}; the parsing of
     * {@code KEY=REMOTE[#PROPERTY][@VERSION]} is the core {@link ExternalSecretRequest}'s.
     */
    static final List<Flag> EXTERNAL_SECRET = List.of(
            Flag.text(Field.STORE, "--store", "Name of the SecretStore / ClusterSecretStore.").required(),
            Flag.text(Field.STORE_KIND, "--store-kind", "SecretStore | ClusterSecretStore (default ${DEFAULT-VALUE}).")
                    .or("SecretStore"),
            Flag.text(Field.REFRESH_INTERVAL, "--refresh-interval",
                    "How often ESO re-reads the store, Go duration (default ${DEFAULT-VALUE}; 0s = once).").or("1h"),
            Flag.text(Field.TARGET, "--target", "Name of the Secret to create (default: the ExternalSecret's name)."),
            Flag.text(Field.CREATION_POLICY, "--creation-policy", "Owner (default) | Orphan | Merge | None."),
            Flag.text(Field.DELETION_POLICY, "--deletion-policy", "Retain (default) | Delete | Merge."),
            Flag.text(Field.TEMPLATE_TYPE, "--template-type",
                    "Type of the created Secret, e.g. kubernetes.io/tls (default Opaque)."),
            Flag.list(Field.DATA, "--data", "One key of the target Secret from a remote key (repeatable). PROPERTY "
                    + "selects a JSON field.").label("KEY=REMOTE[#PROPERTY][@VERSION]"),
            Flag.list(Field.EXTRACT, "--extract", "dataFrom.extract: every JSON field of a remote secret becomes a key "
                    + "(repeatable).").label("REMOTE[#PROPERTY][@VERSION]"),
            Flag.text(Field.FIND_NAME, "--find-name", "dataFrom.find: remote secrets whose name matches.")
                    .label("REGEXP"),
            Flag.text(Field.FIND_PATH, "--find-path", "dataFrom.find: remote secrets under this path.").label("PATH"),
            Flag.list(Field.FIND_TAGS, "--find-tag", "dataFrom.find: remote secrets with this tag (repeatable).")
                    .label("KEY=VALUE"));

    public ExternalSecretCommand() {
        super(flags(), ExternalSecretRequest::from);
    }

    private static List<Flag> flags() {
        List<Flag> all = new ArrayList<>(List.of(
                Flag.text(Field.NAME, "--name", "ExternalSecret name.").required(),
                Flag.text(Field.NAMESPACE, "-n, --namespace", "Namespace.").required()));
        all.addAll(EXTERNAL_SECRET);
        return all;
    }
}
