package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.List;
import java.util.Map;

/**
 * An ESO ClusterExternalSecret: the namespaces it selects and the ExternalSecret it creates in each ({@code es}, whose
 * name and namespace are not used: the ExternalSecrets are named {@code externalSecretName}, default {@code name}).
 */
public record ClusterExternalSecretRequest(String name, String externalSecretName, List<String> namespaces,
                                           List<String> namespaceLabels, String refreshTime, ExternalSecretRequest es)
        implements GenerationRequest<ExternalSecretGenerator.ClusterSpec> {

    /** Its own fields; the ExternalSecret's are {@link ExternalSecretRequest.Field} (without name and namespace). */
    public enum Field implements RequestField {
        NAME, EXTERNAL_SECRET_NAME, NAMESPACES, NAMESPACE_LABELS, REFRESH_TIME;
    }

    public ClusterExternalSecretRequest {
        externalSecretName = Texts.blankToNull(externalSecretName);
        namespaces = Texts.list(namespaces);
        namespaceLabels = Texts.list(namespaceLabels);
        refreshTime = Texts.blankToNull(refreshTime);
    }

    public static ClusterExternalSecretRequest from(FieldValues v) {
        ExternalSecretRequest es = ExternalSecretRequest.from(v);
        return new ClusterExternalSecretRequest(v.textOrNull(Field.NAME), v.textOrNull(Field.EXTERNAL_SECRET_NAME),
                v.list(Field.NAMESPACES), v.list(Field.NAMESPACE_LABELS), v.textOrNull(Field.REFRESH_TIME), es);
    }

    @Override
    public ExternalSecretGenerator.ClusterSpec spec(InputProblems p) {
        p.require(name, Field.NAME, "the ClusterExternalSecret needs a name");
        if (p.hasErrors()) {
            return null;
        }
        Map<String, String> labels = Texts.pairs(namespaceLabels, Field.NAMESPACE_LABELS, p);
        if (p.hasErrors()) {
            return null;
        }
        String esName = externalSecretName == null ? name : externalSecretName;
        ExternalSecretSpec spec = new ExternalSecretRequest(esName, null, es.store(), es.storeKind(),
                es.refreshInterval(), es.target(), es.creationPolicy(), es.deletionPolicy(), es.templateType(),
                es.data(), es.extract(), es.findName(), es.findPath(), es.findTags()).body(p);
        return spec == null ? null
                : new ExternalSecretGenerator.ClusterSpec(name, externalSecretName, namespaces, labels, refreshTime, spec);
    }

    @Override
    public Bundle bundle(ExternalSecretGenerator.ClusterSpec spec) {
        return ExternalSecretGenerator.clusterExternalSecret(spec);
    }
}
