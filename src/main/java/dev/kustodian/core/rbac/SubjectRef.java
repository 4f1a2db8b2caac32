package dev.kustodian.core.rbac;

import dev.kustodian.core.model.BindingInfo;

import java.util.List;

/** A subject that can be granted access: User, Group or ServiceAccount ({@code namespace} only for SAs). */
public record SubjectRef(String kind, String name, String namespace) implements Comparable<SubjectRef> {
    public static final String USER = "User";
    public static final String GROUP = "Group";
    public static final String SERVICE_ACCOUNT = "ServiceAccount";

    public SubjectRef {
        namespace = namespace == null ? "" : namespace;
    }

    // equals and hashCode written out (same values as the generated ones): SubjectRef is a hot map key and the
    // generated methods are slow until the JIT has compiled them

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SubjectRef r && java.util.Objects.equals(name, r.name)
                && java.util.Objects.equals(kind, r.kind) && namespace.equals(r.namespace);
    }

    @Override
    public int hashCode() {
        return (java.util.Objects.hashCode(kind) * 31 + java.util.Objects.hashCode(name)) * 31 + namespace.hashCode();
    }

    public static SubjectRef user(String name) {
        return new SubjectRef(USER, name, "");
    }

    public static SubjectRef group(String name) {
        return new SubjectRef(GROUP, name, "");
    }

    public static SubjectRef serviceAccount(String namespace, String name) {
        return new SubjectRef(SERVICE_ACCOUNT, name, namespace);
    }

    /** The subject as a binding names it, resolved ({@code null} for an SA subject that can never match). */
    public static SubjectRef of(BindingInfo.Subject s, String bindingNamespace) {
        if (SERVICE_ACCOUNT.equals(s.kind())) {
            String ns = s.namespace().isEmpty() ? bindingNamespace : s.namespace();
            return ns == null || ns.isEmpty() ? null : serviceAccount(ns, s.name());
        }
        return new SubjectRef(s.kind(), s.name(), "");
    }

    /** The identity this subject authenticates as (Groups: a member with no user name). */
    public Identity identity() {
        return switch (kind) {
            case SERVICE_ACCOUNT -> Identity.serviceAccount(namespace, name);
            case GROUP -> Identity.exactly("", List.of(name));
            default -> Identity.of(name, List.of());
        };
    }

    /** {@code User/alice}, {@code Group/devs}, {@code ServiceAccount/ns/name}. */
    public String display() {
        return SERVICE_ACCOUNT.equals(kind) ? kind + "/" + namespace + "/" + name : kind + "/" + name;
    }

    /**
     * System subjects: {@code system:*} users and groups and service accounts in kube-system, but not the groups
     * that stand for everyone ({@link #isPublicGroup()}).
     */
    public boolean isSystem() {
        if (SERVICE_ACCOUNT.equals(kind)) {
            return "kube-system".equals(namespace);
        }
        return name.startsWith("system:") && !isPublicGroup();
    }

    /**
     * Groups that stand for many unrelated identities: {@code system:authenticated}, {@code system:unauthenticated},
     * {@code system:serviceaccounts} (and {@code :<ns>}), and the user {@code system:anonymous}.
     */
    public boolean isPublicGroup() {
        if (USER.equals(kind)) {
            return Identity.ANONYMOUS.equals(name);
        }
        return GROUP.equals(kind) && (Identity.AUTHENTICATED.equals(name) || Identity.UNAUTHENTICATED.equals(name)
                || "system:serviceaccounts".equals(name) || name.startsWith("system:serviceaccounts:"));
    }

    @Override
    public int compareTo(SubjectRef o) {
        int c = kind.compareTo(o.kind);
        if (c != 0) {
            return c;
        }
        c = namespace.compareTo(o.namespace);
        return c != 0 ? c : name.compareTo(o.name);
    }
}
