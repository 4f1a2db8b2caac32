package dev.kustodian.core.roles;

import java.time.Instant;
import java.util.List;

/**
 * What a subject was seen doing, aggregated: one entry per (API group, resource[/subresource], namespace, verb), or
 * per (URL, verb) for non-resource requests. The seam for the RBAC engine: "re-check the generated rules" (each
 * observed use must be allowed) and {@code rbac unused} (effective permissions minus observed use).
 *
 * @param apiGroup   "" for core; null for a non-resource URL
 * @param resource   resource or resource/subresource; null for a non-resource URL
 * @param namespace  "" for cluster-scoped or all-namespace requests
 * @param url        the non-resource path, else null
 * @param names      the object names requested, when every request named one and there were at most maxNames;
 *                   empty when {@code anyObject} is true
 * @param anyObject  some request named no object, or more than maxNames objects were named
 * @param denied     how many of {@code count} were refused (only counted with includeDenied)
 */
public record ObservedUse(String apiGroup, String resource, String namespace, String url, String verb, long count,
                          long denied, List<String> names, boolean anyObject, Instant first, Instant last) {
    public ObservedUse {
        names = names == null ? List.of() : List.copyOf(names);
    }

    public boolean nonResource() {
        return url != null;
    }
}
