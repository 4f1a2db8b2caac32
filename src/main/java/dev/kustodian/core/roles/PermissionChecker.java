package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;

/**
 * Whether the identity that will apply a generated Role already holds a rule's permissions. The API server refuses
 * to create a Role or ClusterRole granting permissions its creator does not hold, unless the creator has the
 * {@code escalate} verb on roles/clusterroles (and refuses a binding to a role it could not create, unless it has
 * {@code bind}). The RBAC engine implements this from the effective rules of the applying user; until it is
 * wired, callers pass {@code null} and no such guidance is given.
 */
@FunctionalInterface
public interface PermissionChecker {
    /**
     * @param namespace the Role's namespace, or "" for a ClusterRole
     * @param rule      one generated rule
     * @return true when the applying identity holds every permission of the rule in that scope
     */
    boolean holds(String namespace, PolicyRule rule);

    /** Who the applying identity is, for messages (e.g. "user jane"). */
    default String describeApplier() {
        return "the user applying it";
    }
}
