package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The wizard: {@link RoleRequest} → Bundle (Roles/ClusterRole, bindings, guidance). */
public final class RoleGenerator {
    private RoleGenerator() {
    }

    static final Set<String> KNOWN_VERBS = Set.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection", "use", "bind", "escalate", "impersonate", "approve", "sign", "attest", "*",
            "post", "put", "head", "options");

    /**
     * The rules of the request with their scope. With namespaces, namespaced resources go into each namespace's
     * Role; cluster-scoped resources and non-resource URLs cannot be granted by a Role and go into one ClusterRole.
     */
    public static List<ScopedRule> scopedRules(RoleRequest req, ScopeTable scopes) {
        List<ScopedRule> out = new ArrayList<>();
        List<String> nsList = req.cluster() ? List.of("") : req.namespaces();
        for (Permission p : req.permissions()) {
            if (p.nonResource()) {
                out.add(new ScopedRule("", new PolicyRule(p.verbs(), List.of(), List.of(), List.of(), p.nonResourceURLs()),
                        p.comment()));
                continue;
            }
            List<String> namespaced = p.resources().stream().filter(r -> !scopes.clusterScoped(p.apiGroup(), r)).toList();
            List<String> clusterScoped = p.resources().stream().filter(r -> scopes.clusterScoped(p.apiGroup(), r)).toList();
            if (req.cluster()) {
                out.add(new ScopedRule("", rule(p, p.resources()), p.comment()));
                continue;
            }
            if (!namespaced.isEmpty()) {
                for (String ns : nsList) {
                    out.add(new ScopedRule(ns, rule(p, namespaced), p.comment()));
                }
            }
            if (!clusterScoped.isEmpty()) {
                out.add(new ScopedRule("", rule(p, clusterScoped), (p.comment() == null ? "" : p.comment() + "\n")
                        + String.join(", ", clusterScoped) + " are cluster-scoped: a Role cannot grant them"));
            }
        }
        return out;
    }

    private static PolicyRule rule(Permission p, List<String> resources) {
        return new PolicyRule(p.verbs(), List.of(p.apiGroup()), resources, p.resourceNames(), List.of());
    }

    /** Validation problems of the request (errors block saving/applying). */
    public static List<Bundle.Problem> problems(RoleRequest req) {
        List<Bundle.Problem> out = new ArrayList<>();
        if (req.cluster() && !req.namespaces().isEmpty()) {
            out.add(new Bundle.Problem("scope", "Choose namespaces or cluster-wide, not both.", true));
        }
        if (!req.cluster() && req.namespaces().isEmpty()) {
            out.add(new Bundle.Problem("scope", "Choose at least one namespace, or cluster-wide.", true));
        }
        for (String ns : req.namespaces()) {
            if (!ns.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || ns.length() > 63) {
                out.add(new Bundle.Problem("scope", "'" + ns + "' is not a valid namespace name.", true));
            }
        }
        String name = req.effectiveRoleName();
        if (!name.matches("[a-z0-9]([-a-z0-9.:]*[a-z0-9])?") || name.length() > 253) {
            out.add(new Bundle.Problem("name", "'" + name + "' is not a valid role name (lower-case letters, digits, '-', '.', ':').", true));
        }
        if (req.permissions().isEmpty()) {
            out.add(new Bundle.Problem("permissions", "Add at least one permission (a rule or a preset).", true));
        }
        for (int i = 0; i < req.permissions().size(); i++) {
            Permission p = req.permissions().get(i);
            String path = "permissions[" + i + "]";
            if (p.verbs().isEmpty()) {
                out.add(new Bundle.Problem(path, "Pick at least one verb.", true));
            }
            if (!p.nonResource() && p.resources().isEmpty()) {
                out.add(new Bundle.Problem(path, "Pick at least one resource.", true));
            }
            if (p.nonResource() && !p.resourceNames().isEmpty()) {
                out.add(new Bundle.Problem(path, "Non-resource URLs take no resource names.", true));
            }
            for (String v : p.verbs()) {
                if (!KNOWN_VERBS.contains(v)) {
                    out.add(new Bundle.Problem(path, "'" + v + "' is not a standard verb; it only matters if an "
                            + "extension API server checks it.", false));
                }
            }
        }
        return out;
    }

    public static Bundle generate(RoleRequest req, ScopeTable scopes, PermissionChecker checker) {
        List<Bundle.Problem> problems = problems(req);
        String title = "Role for " + req.subject();
        if (problems.stream().anyMatch(Bundle.Problem::error)) {
            return new Bundle(title, List.of(), problems, List.of(), List.of());
        }
        List<ScopedRule> rules = scopedRules(req, scopes);
        List<String> warnings = new ArrayList<>();
        if (!req.cluster() && rules.stream().anyMatch(ScopedRule::clusterWide)) {
            warnings.add("Some permissions are cluster-scoped (or non-resource URLs): they go into a ClusterRole "
                    + "bound cluster-wide, because a Role cannot grant them.");
        }
        Guidance.warnings(rules, checker).forEach(w -> warnings.add(w.message()));
        List<Manifest> manifests = RbacManifests.render(req.subject(), req.effectiveRoleName(), rules,
                "Generated by Kustodian for " + req.subject() + ": only what it needs.");
        List<String> next = List.of(
                "Apply with a server-side dry-run first (kubectl apply --dry-run=server -f DIR), then apply.",
                "Check the subject's other bindings: a broader one still grants more than this role.");
        return new Bundle(title, manifests, problems, warnings, next);
    }
}
