package dev.kustodian.core.roles;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.Request;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link PermissionChecker} backed by the RBAC engine for the identity that applies the generated objects (the
 * session's {@link SourceInfo#identity()}). A rule is held when every verb × group × resource (× name) it grants is
 * allowed to that identity in the rule's scope — wildcards must be held as wildcards, as the API server's
 * escalation check requires. An identity that may {@code escalate} roles (or clusterroles) in that scope holds
 * everything for this purpose: the API server lets it create any role.
 */
public final class EnginePermissionChecker implements PermissionChecker {
    private static final String RBAC = "rbac.authorization.k8s.io";
    private final RbacEngine engine;
    private final Identity identity;
    private final String description;

    public EnginePermissionChecker(RbacEngine engine, Identity identity, String description) {
        this.engine = engine;
        this.identity = identity;
        this.description = description;
    }

    /** The checker for the user who loaded {@code snapshot}, or null when the identity is unknown. */
    public static EnginePermissionChecker forApplier(ClusterSnapshot snapshot) {
        if (snapshot == null || snapshot.source() == null || snapshot.source().identity() == null
                || snapshot.source().identity().user() == null || snapshot.source().identity().user().isBlank()) {
            return null;
        }
        SourceInfo.Identity id = snapshot.source().identity();
        return new EnginePermissionChecker(RbacEngine.of(snapshot), Identity.of(id.user(), id.groups()),
                "user " + id.user());
    }

    public Identity identity() {
        return identity;
    }

    @Override
    public boolean holds(String namespace, PolicyRule rule) {
        String ns = namespace == null ? "" : namespace;
        if (mayEscalate(ns)) {
            return true;
        }
        for (Request r : requests(ns, rule)) {
            if (!engine.allows(identity, r)) {
                return false;
            }
        }
        return true;
    }

    private boolean mayEscalate(String ns) {
        if (engine.allows(identity, Request.resource("escalate", RBAC, "clusterroles", ""))) {
            return true;
        }
        return !ns.isEmpty() && engine.allows(identity, Request.resource("escalate", RBAC, "roles", ns));
    }

    /** Every concrete request a rule grants in the scope (wildcards kept as "*": only a wildcard holds them). */
    static List<Request> requests(String ns, PolicyRule rule) {
        List<Request> out = new ArrayList<>();
        if (!rule.nonResourceURLs().isEmpty()) {
            for (String v : rule.verbs()) {
                for (String url : rule.nonResourceURLs()) {
                    out.add(Request.nonResource(v, url));
                }
            }
            return out;
        }
        List<String> names = rule.resourceNames().isEmpty() ? List.of("") : rule.resourceNames();
        for (String v : rule.verbs()) {
            for (String g : rule.apiGroups()) {
                for (String res : rule.resources()) {
                    String[] rs = res.split("/", 2);
                    for (String n : names) {
                        out.add(Request.resource(v, g, rs[0], rs.length > 1 ? rs[1] : "", n, ns));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String describeApplier() {
        return description;
    }
}
