package dev.kustodian.core.rbac;

import java.util.Set;

/**
 * One authorization request, as the apiserver's RequestInfo: a resource request (verb, apiGroup, resource,
 * subresource, name, namespace; namespace "" is cluster scope) or a non-resource request ({@code path} set).
 */
public record Request(String verb, String apiGroup, String resource, String subresource, String name,
                      String namespace, String path) {

    /** Verbs that act on a collection: they carry no object name. */
    public static final Set<String> COLLECTION_VERBS = Set.of("list", "watch", "create", "deletecollection");

    public Request {
        verb = verb == null ? "" : verb;
        apiGroup = apiGroup == null ? "" : apiGroup;
        resource = resource == null ? "" : resource;
        subresource = subresource == null ? "" : subresource;
        name = name == null ? "" : name;
        namespace = namespace == null ? "" : namespace;
    }

    public static Request resource(String verb, String apiGroup, String resource, String namespace) {
        return new Request(verb, apiGroup, resource, "", "", namespace, null);
    }

    public static Request resource(String verb, String apiGroup, String resource, String subresource, String name,
                                   String namespace) {
        return new Request(verb, apiGroup, resource, subresource, name, namespace, null);
    }

    public static Request nonResource(String verb, String path) {
        return new Request(verb, "", "", "", "", "", path);
    }

    public boolean isResourceRequest() {
        return path == null;
    }

    public Request withNamespace(String ns) {
        return new Request(verb, apiGroup, resource, subresource, name, ns, path);
    }

    public Request withName(String n) {
        return new Request(verb, apiGroup, resource, subresource, n, namespace, path);
    }

    /** {@code get secrets/NAME in ns}, {@code create pods/exec}, {@code get /healthz}. */
    public String describe() {
        if (!isResourceRequest()) {
            return verb + " " + path;
        }
        StringBuilder b = new StringBuilder(verb).append(' ').append(resource);
        if (!apiGroup.isEmpty()) {
            b.append('.').append(apiGroup);
        }
        if (!subresource.isEmpty()) {
            b.append('/').append(subresource);
        }
        if (!name.isEmpty()) {
            b.append(" \"").append(name).append('"');
        }
        b.append(namespace.isEmpty() ? " (cluster scope)" : " in namespace " + namespace);
        return b.toString();
    }
}
