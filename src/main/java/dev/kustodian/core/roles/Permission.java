package dev.kustodian.core.roles;

import dev.kustodian.core.util.UserFacingException;

import java.util.Arrays;
import java.util.List;

/**
 * One permission the user picked in the wizard: resources of one API group ("" = core) with verbs and optional
 * resourceNames, or non-resource URLs with verbs. {@code comment} explains it in the generated YAML (may be null).
 */
public record Permission(String apiGroup, List<String> resources, List<String> verbs, List<String> resourceNames,
                         List<String> nonResourceURLs, String comment) {

    public Permission {
        apiGroup = apiGroup == null ? "" : apiGroup;
        resources = resources == null ? List.of() : List.copyOf(resources);
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        resourceNames = resourceNames == null ? List.of() : List.copyOf(resourceNames);
        nonResourceURLs = nonResourceURLs == null ? List.of() : List.copyOf(nonResourceURLs);
    }

    public static Permission of(String apiGroup, List<String> resources, List<String> verbs, String comment) {
        return new Permission(apiGroup, resources, verbs, List.of(), List.of(), comment);
    }

    public static Permission named(String apiGroup, String resource, List<String> verbs, List<String> names, String comment) {
        return new Permission(apiGroup, List.of(resource), verbs, names, List.of(), comment);
    }

    public static Permission urls(List<String> urls, List<String> verbs, String comment) {
        return new Permission("", List.of(), verbs, List.of(), urls, comment);
    }

    public boolean nonResource() {
        return !nonResourceURLs.isEmpty();
    }

    /**
     * Parses {@code apiGroup:resources:verbs[:names]}: comma-separated lists, the core group written as "" or
     * {@code core}, e.g. {@code :secrets:get:db-creds}, {@code apps:deployments,deployments/scale:get,patch}.
     * Resources starting with "/" are non-resource URLs: {@code :/metrics:get}.
     */
    public static Permission parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw UserFacingException.badInput("Cannot read the rule '" + text + "': write apiGroup:resources:verbs[:names], "
                    + "e.g. ':secrets:get:db-creds' (core group) or 'apps:deployments,deployments/scale:get,patch'.");
        }
        String group = parts[0].equals("core") ? "" : parts[0].trim();
        List<String> res = list(parts[1]);
        List<String> verbs = list(parts[2]);
        List<String> names = parts.length == 4 ? list(parts[3]) : List.of();
        if (res.isEmpty() || verbs.isEmpty()) {
            throw UserFacingException.badInput("The rule '" + text + "' needs at least one resource and one verb.");
        }
        boolean urls = res.stream().allMatch(r -> r.startsWith("/"));
        if (!urls && res.stream().anyMatch(r -> r.startsWith("/"))) {
            throw UserFacingException.badInput("The rule '" + text + "' mixes resources and non-resource URLs; write two rules.");
        }
        if (urls) {
            if (!names.isEmpty() || !group.isEmpty()) {
                throw UserFacingException.badInput("The rule '" + text + "' names non-resource URLs: they take no API group and no resource names.");
            }
            return urls(res, verbs, null);
        }
        return new Permission(group, res, verbs, names, List.of(), null);
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).distinct().toList();
    }
}
