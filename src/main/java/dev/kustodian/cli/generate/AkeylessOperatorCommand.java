package dev.kustodian.cli.generate;

import dev.kustodian.core.externalsecrets.AkeylessGenerator;
import dev.kustodian.core.externalsecrets.SecretStoreSpec;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.kustodian.cli.generate.BundleOutput.require;

@Command(name = "akeyless-operator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"AkeylessSecretStore + AkeylessSecret for the Akeyless secrets operator (secrets.akeyless.io/v1alpha1).",
                "Note: there is no akeyless.io/v1 ExternalSecret; for ESO use `generate secretstore --provider akeyless`.",
                "Example: kustodian generate akeyless-operator -n team-a --store akeyless --secret-name ak-auth \\",
                "           --name db --data password=/team-a/db"})
public final class AkeylessOperatorCommand implements Callable<Integer>, BundleSource {
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
        return BundleOutput.emit(spec, bundle(), output, null);
    }

    @Override
    public dev.kustodian.core.output.Bundle bundle() {
        SecretStoreSpec.AkeylessAuth a = switch (auth) {
            case "secret" -> {
                String s = require(secretName, "--secret-name", "--auth secret reads the access from a Secret");
                yield new SecretStoreSpec.AkeylessSecretAuth(new SecretStoreSpec.SecretKeyRef(s, "accessId"),
                        new SecretStoreSpec.SecretKeyRef(s, "accessType"),
                        new SecretStoreSpec.SecretKeyRef(s, "accessTypeParam"));
            }
            case "kubernetes" -> new SecretStoreSpec.AkeylessKubernetesAuth(
                    require(accessId, "--access-id", "kubernetes auth needs the access id"),
                    require(k8sConf, "--k8s-conf", "kubernetes auth needs the config name"),
                    serviceAccount == null ? null : new SecretStoreSpec.ServiceAccountRef(serviceAccount));
            default -> throw UserFacingException.badInput("--auth must be secret or kubernetes.");
        };
        List<AkeylessGenerator.Item> items = new ArrayList<>();
        for (String d : data) {
            int i = d.indexOf('=');
            if (i <= 0) {
                throw UserFacingException.badInput("--data expects KEY=PATH[#PROPERTY], got '" + d + "'.");
            }
            String[] r = ExternalSecretOptions.remote(d.substring(i + 1), "--data");
            items.add(new AkeylessGenerator.Item(d.substring(0, i), r[0], r[1]));
        }
        if (items.isEmpty()) {
            throw UserFacingException.badInput("Give at least one --data KEY=PATH.");
        }
        return AkeylessGenerator.operator(new AkeylessGenerator.OperatorSpec(namespace, store,
                gateway, a, name, target, syncPolicy, syncInterval, items));
    }
}
