package dev.kustodian.core.model;

import java.util.List;

/**
 * One resource from API discovery: group ("" for core), the preferred version, resource (plural, or
 * {@code resource/subresource}), kind, whether namespaced, and the verbs the server lists for it.
 */
public record ApiResourceInfo(String group, String version, String resource, String kind, boolean namespaced,
                              List<String> verbs) {
    public ApiResourceInfo {
        // a snapshot file leaves empty strings out: the core group comes back from it as a missing field
        group = group == null ? "" : group;
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
    }

    public boolean isSubresource() {
        return resource.contains("/");
    }

    public String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
