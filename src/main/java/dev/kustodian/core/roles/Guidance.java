package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Guidance shown beside a Role as the user picks permissions (wizard) or reviews generated rules. Every check is a
 * pure function of the rules; {@link #warnings} runs them all.
 */
public final class Guidance {
    private Guidance() {
    }

    /** @param code stable id (for tests and the UI), {@code message} a sentence that says what to do instead */
    public record Warning(String code, String message) {
    }

    /** Workload kinds whose creation (or template change) runs pods with the namespace's secrets. */
    static final Set<String> POD_CONTROLLERS = Set.of("deployments", "replicasets", "statefulsets", "daemonsets",
            "jobs", "cronjobs", "replicationcontrollers");

    public static List<Warning> warnings(List<ScopedRule> rules, PermissionChecker checker) {
        List<Warning> out = new ArrayList<>();
        out.addAll(secretsListWatch(rules));
        out.addAll(namesDoNotRestrict(rules));
        out.addAll(wildcards(rules));
        out.addAll(podCreationReadsSecrets(rules));
        out.addAll(escalation(rules));
        out.addAll(applierLacks(rules, checker));
        return List.copyOf(new LinkedHashSet<>(out));
    }

    static boolean has(List<String> list, String value) {
        return list.contains(value) || list.contains("*");
    }

    static boolean coreOrAny(PolicyRule r) {
        return has(r.apiGroups(), "");
    }

    /** The warnings {@code check} gives about each rule (null: none), in the rules' order. */
    private static List<Warning> perRule(List<ScopedRule> rules, BiFunction<ScopedRule, PolicyRule, Warning> check) {
        List<Warning> out = new ArrayList<>();
        for (ScopedRule s : rules) {
            Warning w = check.apply(s, s.rule());
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * One warning {@code code} per rule in which {@code found} finds something: {@code prefix}, what it found
     * (comma-separated), where the rule applies, then {@code consequence}.
     */
    private static List<Warning> perRuleListing(List<ScopedRule> rules, String code, String prefix,
                                                Function<PolicyRule, List<String>> found, String consequence) {
        return perRule(rules, (s, r) -> {
            List<String> what = found.apply(r);
            return what.isEmpty() ? null
                    : new Warning(code, prefix + String.join(", ", what) + " " + where(s) + consequence);
        });
    }

    private static String where(ScopedRule s) {
        return s.clusterWide() ? "in every namespace" : "in namespace " + s.namespace();
    }

    /** list/watch (or *) on secrets: those return every secret with its values. */
    public static List<Warning> secretsListWatch(List<ScopedRule> rules) {
        return perRule(rules, (s, r) -> {
            if (coreOrAny(r) && has(r.resources(), "secrets") && (has(r.verbs(), "list") || has(r.verbs(), "watch"))) {
                return new Warning("secrets-list-watch", "list/watch on secrets " + where(s)
                        + " returns every secret with its values, not just names. Prefer get with resourceNames "
                        + "naming the secrets the subject needs.");
            }
            return null;
        });
    }

    /** resourceNames together with list/watch/create/deletecollection: the names do not restrict those verbs. */
    public static List<Warning> namesDoNotRestrict(List<ScopedRule> rules) {
        return perRule(rules, (s, r) -> {
            if (r.resourceNames().isEmpty()) {
                return null;
            }
            List<String> bad = r.verbs().stream()
                    .filter(v -> v.equals("*") || RoleSynthesizer.UNNAMEABLE_VERBS.contains(v)).toList();
            if (!bad.isEmpty()) {
                return new Warning("names-do-not-restrict", "resourceNames " + r.resourceNames() + " on "
                        + String.join(",", r.resources()) + " cannot restrict " + String.join("/", bad)
                        + ": a create request has no name yet, and list, watch and deletecollection are only allowed "
                        + "by name for single-object field selectors. Put those verbs in a separate rule without "
                        + "resourceNames, or drop them.");
            }
            return null;
        });
    }

    /** '*' in verbs, resources or apiGroups grants future resources, subresources and verbs too. */
    public static List<Warning> wildcards(List<ScopedRule> rules) {
        return perRuleListing(rules, "wildcard", "'*' in ", r -> {
            List<String> where = new ArrayList<>();
            if (r.verbs().contains("*")) {
                where.add("verbs");
            }
            if (r.resources().contains("*") || r.resources().stream().anyMatch(x -> x.endsWith("/*"))) {
                where.add("resources");
            }
            if (r.apiGroups().contains("*")) {
                where.add("apiGroups");
            }
            if (r.nonResourceURLs().stream().anyMatch(u -> u.endsWith("*"))) {
                where.add("nonResourceURLs");
            }
            return where;
        }, " also covers resources, subresources and verbs added later (CRDs, pods/exec, secrets...). List what the "
                + "subject needs instead.");
    }

    /** Creating pods (or workload controllers, or exec/attach) lets the subject read every secret of the namespace. */
    public static List<Warning> podCreationReadsSecrets(List<ScopedRule> rules) {
        return perRuleListing(rules, "pod-create-reads-secrets", "", r -> {
            List<String> what = new ArrayList<>();
            boolean core = coreOrAny(r);
            if (core && has(r.resources(), "pods") && has(r.verbs(), "create")) {
                what.add("create pods");
            }
            for (String sub : List.of("pods/exec", "pods/attach")) {
                if (core && (r.resources().contains(sub) || r.resources().contains("*") || r.resources().contains("pods/*"))
                        && has(r.verbs(), "create")) {
                    what.add("create " + sub);
                }
            }
            boolean writes = has(r.verbs(), "create") || has(r.verbs(), "update") || has(r.verbs(), "patch");
            for (String res : r.resources()) {
                if (POD_CONTROLLERS.contains(res) && writes) {
                    what.add("create/update " + res);
                }
            }
            return what;
        }, " lets the subject run a pod that mounts any secret there (and any service account's token), so it can "
                + "read them all, whatever the secrets rules say.");
    }

    /** escalate, bind and impersonate, and minting service account tokens. */
    public static List<Warning> escalation(List<ScopedRule> rules) {
        return perRuleListing(rules, "escalation", "", r -> {
            List<String> what = new ArrayList<>();
            for (String v : List.of("escalate", "bind", "impersonate")) {
                if (r.verbs().contains(v) || (r.verbs().contains("*") && !r.resources().isEmpty())) {
                    what.add(v);
                }
            }
            if (coreOrAny(r) && (r.resources().contains("serviceaccounts/token") || r.resources().contains("*"))
                    && has(r.verbs(), "create")) {
                what.add("create serviceaccounts/token");
            }
            return what;
        }, " lets the subject gain permissions it was not given (grant itself any role, act as another user or "
                + "service account). Grant these only to administrators.");
    }

    /** Rules the applying identity does not hold: the API server refuses them without escalate. */
    public static List<Warning> applierLacks(List<ScopedRule> rules, PermissionChecker checker) {
        if (checker == null) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (ScopedRule s : rules) {
            if (!checker.holds(s.namespace(), s.rule())) {
                PolicyRule r = s.rule();
                missing.add(String.join(",", r.verbs()) + " " + (r.nonResourceURLs().isEmpty()
                        ? String.join(",", r.resources()) : String.join(",", r.nonResourceURLs()))
                        + " " + where(s));
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(new Warning("applier-lacks", checker.describeApplier() + " does not hold "
                + String.join("; ", missing) + ". The API server refuses to create a role granting permissions its "
                + "creator lacks unless the creator has the escalate verb on roles/clusterroles: apply it as an "
                + "administrator."));
    }
}
