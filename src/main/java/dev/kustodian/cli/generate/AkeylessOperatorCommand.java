package dev.kustodian.cli.generate;

import dev.kustodian.cli.common.Flag;
import dev.kustodian.cli.common.RequestCommand;
import dev.kustodian.core.externalsecrets.AkeylessOperatorRequest;
import dev.kustodian.core.externalsecrets.AkeylessOperatorRequest.Field;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "akeyless-operator", description = {"AkeylessSecretStore + AkeylessSecret for the Akeyless secrets operator (secrets.akeyless.io/v1alpha1).",
                "Note: there is no akeyless.io/v1 ExternalSecret; for ESO use `generate secretstore --provider akeyless`.",
                "Example: kustodian generate akeyless-operator -n team-a --store akeyless --secret-name ak-auth \\",
                "           --name db --data password=/team-a/db"})
public final class AkeylessOperatorCommand extends RequestCommand {
    static final List<Flag> FLAGS = List.of(
            Flag.text(Field.NAMESPACE, "-n, --namespace", "Namespace of both objects.").required(),
            Flag.text(Field.STORE, "--store", "AkeylessSecretStore name.").required(),
            Flag.text(Field.GATEWAY, "--gateway", "Gateway API URL (default ${DEFAULT-VALUE}).").or("https://api.akeyless.io"),
            Flag.text(Field.AUTH, "--auth", "secret (access id/type/param in --secret-name, default) | kubernetes.").or("secret"),
            Flag.text(Field.SECRET_NAME, "--secret-name", "Secret with keys accessId, accessType, accessTypeParam (--auth secret)."),
            Flag.text(Field.ACCESS_ID, "--access-id", "--auth kubernetes: access id."),
            Flag.text(Field.K8S_CONF, "--k8s-conf", "--auth kubernetes: k8s auth config name."),
            Flag.text(Field.SERVICE_ACCOUNT, "--service-account", "--auth kubernetes: service account (optional)."),
            Flag.text(Field.NAME, "--name", "AkeylessSecret name.").required(),
            Flag.text(Field.TARGET, "--target", "Secret to create (default: --name)."),
            Flag.text(Field.SYNC_POLICY, "--sync-policy", "OnRemoteChange | Periodic | OnSpecChange | CreatedOnce."),
            Flag.text(Field.SYNC_INTERVAL, "--sync-interval", "e.g. 1h (Periodic)."),
            Flag.list(Field.DATA, "--data", "Secret key ← Akeyless item path (repeatable).").label("KEY=PATH[#PROPERTY]"));

    public AkeylessOperatorCommand() {
        super(FLAGS, AkeylessOperatorRequest::from);
    }
}
