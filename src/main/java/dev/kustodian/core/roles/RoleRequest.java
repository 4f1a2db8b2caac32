package dev.kustodian.core.roles;

import java.util.List;

/**
 * The wizard's model, shared by the GUI and {@code kustodian generate role}: who, where, what.
 *
 * @param subject     the ServiceAccount, User or Group the role is bound to
 * @param namespaces  one Role + RoleBinding per namespace (empty when {@code cluster})
 * @param cluster     one ClusterRole + ClusterRoleBinding instead
 * @param permissions what the subject may do
 * @param roleName    name of the generated roles and bindings (null: derived from the subject)
 */
public record RoleRequest(RbacSubject subject, List<String> namespaces, boolean cluster, List<Permission> permissions,
                          String roleName) {
    public RoleRequest {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    public String effectiveRoleName() {
        return roleName != null && !roleName.isBlank() ? roleName : subject.slug() + "-access";
    }

    public RoleRequest withPermissions(List<Permission> p) {
        return new RoleRequest(subject, namespaces, cluster, p, roleName);
    }
}
