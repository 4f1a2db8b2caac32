package dev.kustodian.core.secrets;

import java.util.List;
import java.util.Set;

/**
 * A subject that can read one secret, as the RBAC engine sees it.
 *
 * @param subjectKind      User, Group or ServiceAccount
 * @param subjectName      the subject's name (for a ServiceAccount its name, not the user name)
 * @param subjectNamespace the ServiceAccount's namespace, else ""
 * @param verbs            the read verbs granted on this secret: get, list, watch (or "*")
 * @param paths            how the access is granted, e.g. {@code ClusterRoleBinding/x → ClusterRole/admin}
 * @param system           true for expected access of a system component (system:* users/groups, kube-system
 *                         controllers)
 */
public record SecretReader(String subjectKind, String subjectName, String subjectNamespace, Set<String> verbs,
                           List<String> paths, boolean system) {
    public SecretReader {
        subjectNamespace = subjectNamespace == null ? "" : subjectNamespace;
        verbs = verbs == null ? Set.of() : Set.copyOf(verbs);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /** True when list or watch is granted: the subject reads every value of the secrets it can list. */
    public boolean canListOrWatch() {
        return verbs.contains("list") || verbs.contains("watch") || verbs.contains("*");
    }

    /** {@code User/alice}, {@code Group/devs}, {@code ServiceAccount/ns/name}. */
    public String display() {
        return subjectNamespace.isEmpty() ? subjectKind + "/" + subjectName
                : subjectKind + "/" + subjectNamespace + "/" + subjectName;
    }
}
