package dev.kustodian.core.rbac;

import dev.kustodian.core.model.PolicyRule;

/**
 * One path that grants access: binding → role → rule ({@code binding} {@code ClusterRoleBinding/NAME} or
 * {@code RoleBinding/NS/NAME}, {@code role} {@code ClusterRole/NAME} or {@code Role/NS/NAME}). The apiserver's own
 * {@code system:masters} path has {@link #MASTERS_BINDING} / {@link #MASTERS_ROLE} and no rule.
 */
public record Grant(String binding, String role, PolicyRule rule) {
    public static final String MASTERS_BINDING = "(apiserver)";
    public static final String MASTERS_ROLE = "(group system:masters: allowed everything before RBAC)";

    public static Grant masters() {
        return new Grant(MASTERS_BINDING, MASTERS_ROLE, null);
    }

    public boolean isMasters() {
        return rule == null && MASTERS_BINDING.equals(binding);
    }

    public String describe() {
        if (isMasters()) {
            return "group system:masters (the apiserver allows its members everything before RBAC)";
        }
        return binding + " → " + role + " → " + RuleText.of(rule);
    }
}
