package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;

/**
 * One RBAC rule and where it applies: {@code namespace} "" means cluster-wide (a ClusterRole rule), else a Role
 * in that namespace. {@code comment} is written above the rule in the generated YAML (may be null).
 */
public record ScopedRule(String namespace, PolicyRule rule, String comment) {
    public ScopedRule {
        namespace = namespace == null ? "" : namespace;
    }

    public boolean clusterWide() {
        return namespace.isEmpty();
    }
}
