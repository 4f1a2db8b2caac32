package dev.kustodian.core.model;

import java.util.List;

/** An RBAC PolicyRule, exactly as written (no normalisation: matching is exact and case-sensitive). */
public record PolicyRule(
        List<String> verbs,
        List<String> apiGroups,
        List<String> resources,
        List<String> resourceNames,
        List<String> nonResourceURLs) {
    public PolicyRule {
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        apiGroups = apiGroups == null ? List.of() : List.copyOf(apiGroups);
        resources = resources == null ? List.of() : List.copyOf(resources);
        resourceNames = resourceNames == null ? List.of() : List.copyOf(resourceNames);
        nonResourceURLs = nonResourceURLs == null ? List.of() : List.copyOf(nonResourceURLs);
    }

    public static PolicyRule resources(List<String> apiGroups, List<String> resources, List<String> verbs) {
        return new PolicyRule(verbs, apiGroups, resources, List.of(), List.of());
    }
}
