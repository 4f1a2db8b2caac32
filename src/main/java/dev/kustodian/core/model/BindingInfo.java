package dev.kustodian.core.model;

import java.util.List;

/** A RoleBinding ({@code namespace} set) or ClusterRoleBinding ({@code namespace} ""). */
public record BindingInfo(String kind, ObjectMeta meta, RoleRef roleRef, List<Subject> subjects) implements HasMeta {
    public static final String ROLE_BINDING = "RoleBinding";
    public static final String CLUSTER_ROLE_BINDING = "ClusterRoleBinding";

    public BindingInfo {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public boolean isClusterRoleBinding() {
        return CLUSTER_ROLE_BINDING.equals(kind);
    }

    /** {@code ClusterRoleBinding/NAME} or {@code RoleBinding/NS/NAME}. */
    public String ref() {
        return isClusterRoleBinding() ? kind + "/" + meta.name() : kind + "/" + meta.namespace() + "/" + meta.name();
    }

    /** {@code kind} is Role or ClusterRole. */
    public record RoleRef(String apiGroup, String kind, String name) {
    }

    /** {@code kind} is User, Group or ServiceAccount; {@code namespace} only for ServiceAccount (may be empty). */
    public record Subject(String kind, String name, String namespace, String apiGroup) {
        public Subject {
            namespace = namespace == null ? "" : namespace;
            apiGroup = apiGroup == null ? "" : apiGroup;
        }
    }
}
