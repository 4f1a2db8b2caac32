package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.ArrayList;
import java.util.List;

/** An ESO PushSecret: keys of an existing Secret → remote keys ({@code KEY=REMOTE[#PROPERTY]} entries). */
public record PushSecretRequest(String name, String namespace, String store, String storeKind, String secret,
                                List<String> data, String updatePolicy, String deletionPolicy, String refreshInterval)
        implements GenerationRequest<ExternalSecretGenerator.PushSpec> {

    public enum Field implements RequestField {
        NAME, NAMESPACE, STORE, STORE_KIND, SECRET, DATA, UPDATE_POLICY, DELETION_POLICY, REFRESH_INTERVAL;
    }

    public PushSecretRequest {
        storeKind = Texts.or(storeKind, "SecretStore");
        data = Texts.list(data);
        updatePolicy = Texts.or(updatePolicy, "Replace");
        deletionPolicy = Texts.or(deletionPolicy, "None");
        refreshInterval = Texts.or(refreshInterval, "1h");
    }

    public static PushSecretRequest from(FieldValues v) {
        return new PushSecretRequest(v.textOrNull(Field.NAME), v.textOrNull(Field.NAMESPACE), v.textOrNull(Field.STORE),
                v.textOrNull(Field.STORE_KIND), v.textOrNull(Field.SECRET), v.list(Field.DATA),
                v.textOrNull(Field.UPDATE_POLICY), v.textOrNull(Field.DELETION_POLICY),
                v.textOrNull(Field.REFRESH_INTERVAL));
    }

    @Override
    public ExternalSecretGenerator.PushSpec spec(InputProblems p) {
        p.require(name, Field.NAME, "the PushSecret needs a name");
        p.require(namespace, Field.NAMESPACE, "a PushSecret is namespaced");
        p.require(store, Field.STORE, "the PushSecret writes to a SecretStore or ClusterSecretStore");
        p.require(secret, Field.SECRET, "the PushSecret pushes an existing Secret");
        if (p.hasErrors()) {
            return null;
        }
        List<ExternalSecretGenerator.Push> push = new ArrayList<>();
        for (RemoteRef.Entry e : RemoteRef.entries(data, Field.DATA, "KEY=REMOTE[#PROPERTY]", p)) {
            push.add(new ExternalSecretGenerator.Push(e.secretKey(), e.remote().key(), e.remote().property()));
        }
        return p.hasErrors() ? null : new ExternalSecretGenerator.PushSpec(name, namespace, store, storeKind, secret,
                refreshInterval, updatePolicy, deletionPolicy, push);
    }

    @Override
    public Bundle bundle(ExternalSecretGenerator.PushSpec spec) {
        return ExternalSecretGenerator.pushSecret(spec);
    }
}
