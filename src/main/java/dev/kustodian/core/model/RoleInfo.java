package dev.kustodian.core.model;

import java.util.List;

/**
 * A Role ({@code namespace} set) or ClusterRole ({@code namespace} ""). {@code aggregationSelectors} is the
 * ClusterRole's {@code aggregationRule.clusterRoleSelectors} (empty when it has none).
 */
public record RoleInfo(String kind, ObjectMeta meta, List<PolicyRule> rules, List<LabelSelector> aggregationSelectors)
        implements HasMeta {
    public static final String ROLE = "Role";
    public static final String CLUSTER_ROLE = "ClusterRole";

    public RoleInfo {
        rules = rules == null ? List.of() : List.copyOf(rules);
        aggregationSelectors = aggregationSelectors == null ? List.of() : List.copyOf(aggregationSelectors);
    }

    public boolean isClusterRole() {
        return CLUSTER_ROLE.equals(kind);
    }

    public boolean isAggregated() {
        return !aggregationSelectors.isEmpty();
    }

    /** {@code ClusterRole/NAME} or {@code Role/NS/NAME}. */
    public String ref() {
        return isClusterRole() ? kind + "/" + meta.name() : kind + "/" + meta.namespace() + "/" + meta.name();
    }
}
