package dev.kustodian.core.externalsecrets;

import java.util.List;
import java.util.Map;

/**
 * An ESO {@code external-secrets.io/v1} ExternalSecret: which store, which remote keys, which target Secret.
 *
 * @param storeKind       SecretStore or ClusterSecretStore
 * @param refreshInterval Go duration, e.g. 1h (0s = fetch once)
 * @param creationPolicy  Owner (default), Orphan, Merge, None
 * @param deletionPolicy  Retain (default), Delete, Merge
 * @param templateType    Secret type of the target (e.g. kubernetes.io/tls), null = Opaque
 */
public record ExternalSecretSpec(String name, String namespace, String storeName, String storeKind,
                                 String refreshInterval, String targetName, String creationPolicy,
                                 String deletionPolicy, String templateType, List<Data> data, List<DataFrom> dataFrom) {

    public ExternalSecretSpec {
        data = data == null ? List.of() : List.copyOf(data);
        dataFrom = dataFrom == null ? List.of() : List.copyOf(dataFrom);
    }

    /** One key: {@code secretKey} in the target ← {@code remoteKey} (+ property, version) in the store. */
    public record Data(String secretKey, String remoteKey, String property, String version) {
    }

    /** Everything of one remote secret (extract) or every secret matching (find). */
    public sealed interface DataFrom permits Extract, Find {
    }

    public record Extract(String key, String property, String version) implements DataFrom {
    }

    /** find by name regexp and/or path and/or tags */
    public record Find(String nameRegexp, String path, Map<String, String> tags) implements DataFrom {
    }
}
