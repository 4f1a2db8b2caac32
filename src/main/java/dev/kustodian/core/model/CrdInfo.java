package dev.kustodian.core.model;

import java.util.List;

/**
 * A CustomResourceDefinition: group, kind, plural, scope and its versions with served/storage flags.
 */
public record CrdInfo(String name, String group, String kind, String plural, boolean namespaced, List<Version> versions) {
    public CrdInfo {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    public record Version(String name, boolean served, boolean storage, boolean deprecated) {
    }

    public boolean serves(String version) {
        return versions.stream().anyMatch(v -> v.name().equals(version) && v.served());
    }
}
