package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.ArrayList;
import java.util.List;

/** An AkeylessSecretStore + AkeylessSecret for the Akeyless secrets operator. */
public record AkeylessOperatorRequest(String namespace, String store, String gateway, String auth, String secretName,
                                      String accessId, String k8sConf, String serviceAccount, String name,
                                      String target, String syncPolicy, String syncInterval, List<String> data)
        implements GenerationRequest<AkeylessGenerator.OperatorSpec> {

    public enum Field implements RequestField {
        NAMESPACE, STORE, GATEWAY, AUTH, SECRET_NAME, ACCESS_ID, K8S_CONF, SERVICE_ACCOUNT, NAME, TARGET,
        SYNC_POLICY, SYNC_INTERVAL, DATA;
    }

    public AkeylessOperatorRequest {
        gateway = Texts.or(gateway, "https://api.akeyless.io");
        auth = Texts.or(auth, "secret");
        serviceAccount = Texts.blankToNull(serviceAccount);
        target = Texts.blankToNull(target);
        syncPolicy = Texts.blankToNull(syncPolicy);
        syncInterval = Texts.blankToNull(syncInterval);
        data = Texts.list(data);
    }

    public static AkeylessOperatorRequest from(FieldValues v) {
        return new AkeylessOperatorRequest(v.textOrNull(Field.NAMESPACE), v.textOrNull(Field.STORE),
                v.textOrNull(Field.GATEWAY), v.textOrNull(Field.AUTH), v.textOrNull(Field.SECRET_NAME),
                v.textOrNull(Field.ACCESS_ID), v.textOrNull(Field.K8S_CONF), v.textOrNull(Field.SERVICE_ACCOUNT),
                v.textOrNull(Field.NAME), v.textOrNull(Field.TARGET), v.textOrNull(Field.SYNC_POLICY),
                v.textOrNull(Field.SYNC_INTERVAL), v.list(Field.DATA));
    }

    @Override
    public AkeylessGenerator.OperatorSpec spec(InputProblems p) {
        p.require(namespace, Field.NAMESPACE, "both objects are namespaced");
        p.require(store, Field.STORE, "the AkeylessSecretStore needs a name");
        p.require(name, Field.NAME, "the AkeylessSecret needs a name");
        if (p.hasErrors()) {
            return null;
        }
        SecretStoreSpec.AkeylessAuth a = switch (auth) {
            case "secret" -> p.require(secretName, Field.SECRET_NAME, "{auth} secret reads the access from a Secret")
                    == null ? null : new SecretStoreSpec.AkeylessSecretAuth(
                    new SecretStoreSpec.SecretKeyRef(secretName, "accessId"),
                    new SecretStoreSpec.SecretKeyRef(secretName, "accessType"),
                    new SecretStoreSpec.SecretKeyRef(secretName, "accessTypeParam"));
            case "kubernetes" -> p.require(accessId, Field.ACCESS_ID, "kubernetes auth needs the access id") == null
                    || p.require(k8sConf, Field.K8S_CONF, "kubernetes auth needs the config name") == null ? null
                    : new SecretStoreSpec.AkeylessKubernetesAuth(accessId, k8sConf,
                    serviceAccount == null ? null : new SecretStoreSpec.ServiceAccountRef(serviceAccount));
            default -> {
                p.error(Field.AUTH, "{auth} must be secret or kubernetes.");
                yield null;
            }
        };
        if (a == null) {
            return null;
        }
        List<AkeylessGenerator.Item> items = new ArrayList<>();
        for (RemoteRef.Entry e : RemoteRef.entries(data, Field.DATA, "KEY=PATH[#PROPERTY]", p)) {
            items.add(new AkeylessGenerator.Item(e.secretKey(), e.remote().key(), e.remote().property()));
        }
        if (p.hasErrors()) {
            return null;
        }
        if (items.isEmpty()) {
            p.error(Field.DATA, "Give at least one {data} KEY=PATH.");
            return null;
        }
        return new AkeylessGenerator.OperatorSpec(namespace, store, gateway, a, name, target, syncPolicy, syncInterval,
                items);
    }

    @Override
    public Bundle bundle(AkeylessGenerator.OperatorSpec spec) {
        return AkeylessGenerator.operator(spec);
    }
}
