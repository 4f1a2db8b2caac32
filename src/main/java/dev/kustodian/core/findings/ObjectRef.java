package dev.kustodian.core.findings;

/** The object a finding is about. {@code namespace} "" for cluster-scoped or cluster-level findings. */
public record ObjectRef(String kind, String namespace, String name) {
    public ObjectRef {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    public static ObjectRef cluster() {
        return new ObjectRef("Cluster", "", "");
    }

    /** {@code Kind/ns/name}, {@code Kind/name} or {@code Cluster}. */
    public String display() {
        if (name.isEmpty()) {
            return kind;
        }
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
