package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ESO ExternalSecret as the user describes it: the store, the target Secret, and the data as
 * {@code KEY=REMOTE[#PROPERTY][@VERSION]} entries, {@code extract} references and a {@code find} query.
 * {@code generate externalsecret} and the ExternalSecret wizard fill it; a ClusterExternalSecret embeds one.
 */
public record ExternalSecretRequest(String name, String namespace, String store, String storeKind,
                                    String refreshInterval, String target, String creationPolicy,
                                    String deletionPolicy, String templateType, List<String> data,
                                    List<String> extract, String findName, String findPath, List<String> findTags)
        implements GenerationRequest<ExternalSecretSpec> {

    public enum Field implements RequestField {
        NAME, NAMESPACE, STORE, STORE_KIND, REFRESH_INTERVAL, TARGET, CREATION_POLICY, DELETION_POLICY,
        TEMPLATE_TYPE, DATA, EXTRACT, FIND_NAME, FIND_PATH, FIND_TAGS;
    }

    public ExternalSecretRequest {
        storeKind = Texts.or(storeKind, "SecretStore");
        refreshInterval = Texts.or(refreshInterval, "1h");
        target = Texts.blankToNull(target);
        creationPolicy = Texts.blankToNull(creationPolicy);
        deletionPolicy = Texts.blankToNull(deletionPolicy);
        templateType = Texts.blankToNull(templateType);
        findName = Texts.blankToNull(findName);
        findPath = Texts.blankToNull(findPath);
        data = Texts.list(data);
        extract = Texts.list(extract);
        findTags = Texts.list(findTags);
    }

    public static ExternalSecretRequest from(FieldValues v) {
        return new ExternalSecretRequest(v.textOrNull(Field.NAME), v.textOrNull(Field.NAMESPACE),
                v.textOrNull(Field.STORE), v.textOrNull(Field.STORE_KIND), v.textOrNull(Field.REFRESH_INTERVAL),
                v.textOrNull(Field.TARGET), v.textOrNull(Field.CREATION_POLICY), v.textOrNull(Field.DELETION_POLICY),
                v.textOrNull(Field.TEMPLATE_TYPE), v.list(Field.DATA), v.list(Field.EXTRACT),
                v.textOrNull(Field.FIND_NAME), v.textOrNull(Field.FIND_PATH), v.list(Field.FIND_TAGS));
    }

    @Override
    public ExternalSecretSpec spec(InputProblems p) {
        p.require(name, Field.NAME, "the ExternalSecret needs a name");
        p.require(namespace, Field.NAMESPACE, "an ExternalSecret is namespaced");
        return p.hasErrors() ? null : body(p);
    }

    /** The spec without the namespace check (a ClusterExternalSecret's template has none). */
    ExternalSecretSpec body(InputProblems p) {
        p.require(store, Field.STORE, "the ExternalSecret reads from a SecretStore or ClusterSecretStore");
        if (p.hasErrors()) {
            return null;
        }
        List<ExternalSecretSpec.Data> d = new ArrayList<>();
        for (RemoteRef.Entry e : RemoteRef.entries(data, Field.DATA, "KEY=REMOTE[#PROPERTY][@VERSION]", p)) {
            d.add(new ExternalSecretSpec.Data(e.secretKey(), e.remote().key(), e.remote().property(),
                    e.remote().version()));
        }
        if (p.hasErrors()) {
            return null;
        }
        List<ExternalSecretSpec.DataFrom> df = new ArrayList<>();
        for (String s : extract) {
            RemoteRef r = RemoteRef.parse(s, Field.EXTRACT, p);
            if (r == null) {
                return null;
            }
            df.add(new ExternalSecretSpec.Extract(r.key(), r.property(), r.version()));
        }
        if (findName != null || findPath != null || !findTags.isEmpty()) {
            Map<String, String> tags = Texts.pairs(findTags, Field.FIND_TAGS, p);
            if (p.hasErrors()) {
                return null;
            }
            df.add(new ExternalSecretSpec.Find(findName, findPath, tags));
        }
        if (d.isEmpty() && df.isEmpty()) {
            p.error(Field.DATA, "Give at least one {data}, {extract} or {findName}/{findPath}/{findTags}.");
            return null;
        }
        return new ExternalSecretSpec(name, namespace, store, storeKind, refreshInterval, target, creationPolicy,
                deletionPolicy, templateType, d, df);
    }

    @Override
    public Bundle bundle(ExternalSecretSpec spec) {
        return ExternalSecretGenerator.externalSecret(spec);
    }
}
