package dev.kustodian.core.roles;

import java.time.Instant;
import java.util.List;

/**
 * The value-free facts Kustodian keeps from one audit event (never request or response bodies).
 *
 * @param stage       ResponseComplete, Panic, ... ("" when the event had none)
 * @param verb        the Kubernetes verb (get, list, watch, create...) or, for non-resource requests, the HTTP verb
 * @param apiGroup    objectRef.apiGroup ("" for the core group); null for non-resource requests
 * @param resource    objectRef.resource (plural); null for non-resource requests
 * @param subresource objectRef.subresource or ""
 * @param namespace   objectRef.namespace or "" (cluster-scoped or all-namespace request)
 * @param name        objectRef.name or ""
 * @param path        the request path without query string, only for non-resource requests (else null)
 * @param user        the effective user name: impersonatedUser when present, else user
 * @param groups      the effective identity's groups
 * @param code        responseStatus.code, 0 when absent
 * @param time        stageTimestamp, else requestReceivedTimestamp, else (v1beta1) timestamp; null when absent
 */
public record AuditEvent(String stage, String verb, String apiGroup, String resource, String subresource,
                         String namespace, String name, String path, String user, List<String> groups, int code,
                         Instant time) {

    public AuditEvent {
        subresource = subresource == null ? "" : subresource;
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        user = user == null ? "" : user;
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (resource != null && apiGroup == null) {
            apiGroup = "";
        }
    }

    public boolean isResourceRequest() {
        return resource != null;
    }

    /** resource or resource/subresource, as RBAC rules name it. */
    public String rbacResource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    /** Refused by authorization (403). */
    public boolean denied() {
        return code == 403;
    }

    /** Passed authentication and authorization (anything but 401/403: a 404 get still needed the permission). */
    public boolean authorized() {
        return code != 401 && code != 403;
    }
}
