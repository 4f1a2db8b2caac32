package dev.kustodian.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The metadata every object carries. {@code namespace} is {@code ""} for cluster-scoped objects.
 * Annotations never include {@code kubectl.kubernetes.io/last-applied-configuration} (it can hold secret values)
 * and any annotation value that looks like a credential is replaced by {@link #REDACTED}.
 */
public record ObjectMeta(
        String namespace,
        String name,
        String uid,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant created,
        Instant lastModified,
        List<OwnerRef> owners) {

    public static final String REDACTED = "<redacted by kustodian>";

    public ObjectMeta {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        uid = uid == null ? "" : uid;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    public static ObjectMeta of(String namespace, String name) {
        return new ObjectMeta(namespace, name, null, null, null, null, null, null);
    }

    /** {@code ns/name}, or {@code name} for cluster-scoped objects. */
    public String qualifiedName() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    public String label(String key) {
        return labels.get(key);
    }

    public String annotation(String key) {
        return annotations.get(key);
    }

    /** An owner reference, as in {@code metadata.ownerReferences}. */
    public record OwnerRef(String apiVersion, String kind, String name, boolean controller) {
    }
}
