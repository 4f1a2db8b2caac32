package dev.kustodian.core.roles;

import dev.kustodian.core.util.UserFacingException;

import java.util.Arrays;
import java.util.List;

/**
 * Permission presets for common jobs. Written {@code NAME} or {@code NAME=ARG} on the command line; the wizard lists
 * {@link #all()}.
 */
public final class RolePresets {
    private RolePresets() {
    }

    /** @param argument what the preset's argument is, or null when it takes none */
    public record Preset(String name, String title, String argument, String description) {
    }

    private static final List<String> RW = List.of("get", "list", "watch", "create", "update", "patch", "delete");
    private static final List<String> RO = List.of("get", "list", "watch");

    public static List<Preset> all() {
        return List.of(
                new Preset("read-secret", "Read one secret", "SECRET[,SECRET...]",
                        "get on the named secrets only, nothing else."),
                new Preset("ci-deployer", "CI deployer for one namespace", null,
                        "Roll out workloads, services, config maps and ingresses in the namespace; no secrets access "
                                + "(but see the warning: running pods can mount the namespace's secrets)."),
                new Preset("auditor", "Read-only auditor without secrets", null,
                        "get/list/watch on the usual kinds, listed one by one (no '*', so never secrets)."),
                new Preset("eso-controller", "External Secrets Operator controller", null,
                        "What the ESO controller's service account needs: its CRDs, writing the target secrets, events, leases."),
                new Preset("cert-manager-issuer", "cert-manager-like issuer", null,
                        "Watch certificates and issuers, write certificate secrets and statuses."));
    }

    /** Permissions of the preset {@code NAME[=ARG]}. */
    public static List<Permission> permissions(String spec) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String arg = eq < 0 ? "" : spec.substring(eq + 1);
        return switch (name) {
            case "read-secret" -> {
                List<String> names = Arrays.stream(arg.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                if (names.isEmpty()) {
                    throw UserFacingException.badInput("The preset read-secret needs the secret's name: --preset read-secret=NAME.");
                }
                yield List.of(Permission.named("", "secrets", List.of("get"), names,
                        "read only the named secret(s); get by name does not reveal any other secret"));
            }
            case "ci-deployer" -> List.of(
                    Permission.of("apps", List.of("deployments", "statefulsets", "daemonsets", "replicasets"), RW,
                            "roll out workloads"),
                    Permission.of("apps", List.of("deployments/scale", "statefulsets/scale"), List.of("get", "update", "patch"),
                            "scale workloads"),
                    Permission.of("", List.of("services", "configmaps", "serviceaccounts", "persistentvolumeclaims"), RW,
                            "the objects a release usually ships (no secrets: use an external secret store)"),
                    Permission.of("", List.of("pods", "pods/log", "events"), RO, "follow the rollout"),
                    Permission.of("networking.k8s.io", List.of("ingresses"), RW, "expose services"),
                    Permission.of("batch", List.of("jobs", "cronjobs"), RW, "migrations and scheduled tasks"));
            case "auditor" -> List.of(
                    Permission.of("", List.of("pods", "services", "endpoints", "configmaps", "serviceaccounts", "events",
                            "persistentvolumeclaims", "namespaces", "nodes", "persistentvolumes"), RO,
                            "read-only, kinds listed one by one: never secrets (no '*')"),
                    Permission.of("apps", List.of("deployments", "replicasets", "statefulsets", "daemonsets"), RO, null),
                    Permission.of("batch", List.of("jobs", "cronjobs"), RO, null),
                    Permission.of("networking.k8s.io", List.of("ingresses", "networkpolicies"), RO, null),
                    Permission.of("rbac.authorization.k8s.io", List.of("roles", "rolebindings", "clusterroles",
                            "clusterrolebindings"), RO, "who can do what"));
            case "eso-controller" -> List.of(
                    Permission.of("external-secrets.io", List.of("externalsecrets", "secretstores", "clustersecretstores",
                            "clusterexternalsecrets", "pushsecrets"), RO, "watch its custom resources"),
                    Permission.of("external-secrets.io", List.of("externalsecrets/status", "externalsecrets/finalizers",
                            "secretstores/status", "clustersecretstores/status", "pushsecrets/status",
                            "clusterexternalsecrets/status"), List.of("get", "update", "patch"), "report status"),
                    Permission.of("", List.of("secrets"), RW,
                            "writes the target secrets (that is its job: keep this service account's token safe)"),
                    Permission.of("", List.of("serviceaccounts/token"), List.of("create"),
                            "tokens for providers that authenticate with a service account"),
                    Permission.of("", List.of("events"), List.of("create", "patch"), "record events"),
                    Permission.of("coordination.k8s.io", List.of("leases"), List.of("get", "create", "update"),
                            "leader election"));
            case "cert-manager-issuer" -> List.of(
                    Permission.of("cert-manager.io", List.of("certificates", "certificaterequests", "issuers",
                            "clusterissuers"), RO, "watch certificates and issuers"),
                    Permission.of("cert-manager.io", List.of("certificates/status", "certificaterequests/status"),
                            List.of("update", "patch"), "report status"),
                    Permission.of("", List.of("secrets"), RW, "writes the issued certificates and keys"),
                    Permission.of("", List.of("events"), List.of("create", "patch"), "record events"));
            default -> throw UserFacingException.badInput("Unknown preset '" + name + "'. Presets: "
                    + String.join(", ", all().stream().map(p -> p.argument() == null ? p.name() : p.name() + "=" + p.argument()).toList()) + ".");
        };
    }
}
