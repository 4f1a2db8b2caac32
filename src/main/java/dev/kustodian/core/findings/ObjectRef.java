package dev.kustodian.core.findings;

/** The object a finding is about. {@code namespace} "" for cluster-scoped or cluster-level findings. */
public record ObjectRef(String kind, String namespace, String name) {
    public ObjectRef {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    // equals and hashCode written out (same values as the generated ones): ObjectRef is a hot map key and the
    // generated methods are slow until the JIT has compiled them

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ObjectRef r && java.util.Objects.equals(kind, r.kind)
                && namespace.equals(r.namespace) && name.equals(r.name);
    }

    @Override
    public int hashCode() {
        return (java.util.Objects.hashCode(kind) * 31 + namespace.hashCode()) * 31 + name.hashCode();
    }

    public static ObjectRef cluster() {
        return new ObjectRef("Cluster", "", "");
    }

    /** {@code Kind/ns/name}, {@code Kind/name} or {@code Cluster}. */
    public String display() {
        if (name.isEmpty()) {
            return kind;
        }
        // in a buffer of its final size (called for every finding by the rules and every report writer; the jar's
        // string concatenation starts from 16 chars and grows)
        return appendDisplay(new StringBuilder(displayLength())).toString();
    }

    /** {@link #display()}'s text appended to {@code sb}, without a String of its own (the report writers' rows). */
    public StringBuilder appendDisplay(StringBuilder sb) {
        if (name.isEmpty()) {
            return sb.append(kind);
        }
        sb.append(kind).append('/');
        if (!namespace.isEmpty()) {
            sb.append(namespace).append('/');
        }
        return sb.append(name);
    }

    /** The length of {@link #display()}'s text, without building it. */
    public int displayLength() {
        int k = String.valueOf(kind).length();
        return name.isEmpty() ? k : k + 1 + (namespace.isEmpty() ? 0 : namespace.length() + 1) + name.length();
    }
}
