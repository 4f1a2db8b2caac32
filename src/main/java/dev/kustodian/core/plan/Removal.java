package dev.kustodian.core.plan;

import dev.kustodian.core.findings.ObjectRef;

import java.util.Locale;

/** An object a step deletes (a risky binding, an unused legacy token), with why. Never applied without a dry run. */
public record Removal(ObjectRef target, String reason) {

    /** The API version of the target's kind (the kinds a plan removes: bindings, roles, secrets). */
    public String apiVersion() {
        return switch (target.kind()) {
            case "ClusterRoleBinding", "RoleBinding", "ClusterRole", "Role" -> "rbac.authorization.k8s.io/v1";
            default -> "v1";
        };
    }

    /** The kubectl command that deletes it ({@code dryRun}: server-side dry run). */
    public String kubectl(boolean dryRun) {
        return "kubectl delete " + target.kind().toLowerCase(Locale.ROOT) + " " + target.name()
                + (target.namespace().isEmpty() ? "" : " -n " + target.namespace())
                + (dryRun ? " --dry-run=server" : "");
    }
}
