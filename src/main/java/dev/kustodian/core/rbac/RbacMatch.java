package dev.kustodian.core.rbac;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.PolicyRule;

import java.util.List;

/**
 * The RBAC matchers, exactly as kube-apiserver's {@code rbac.go} / {@code evaluation_helpers.go}: exact and
 * case-sensitive, {@code *} the only wildcard (with the {@code * /sub} subresource form and the trailing-{@code *}
 * non-resource URL prefix form).
 */
public final class RbacMatch {
    private RbacMatch() {
    }

    public static final String ALL = "*";

    public static boolean verbMatches(PolicyRule rule, String verb) {
        for (String v : rule.verbs()) {
            if (ALL.equals(v) || v.equals(verb)) {
                return true;
            }
        }
        return false;
    }

    /** {@code ""} is the core group; {@code core} is NOT an alias of it. */
    public static boolean apiGroupMatches(PolicyRule rule, String apiGroup) {
        for (String g : rule.apiGroups()) {
            if (ALL.equals(g) || g.equals(apiGroup)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code resource} is the plain resource (e.g. {@code pods}), {@code subresource} e.g. {@code exec} or "".
     * {@code *} matches everything (subresources too); {@code pods/exec} exactly that; {@code * /exec} (no space)
     * that subresource of any resource; plain {@code pods} does not cover {@code pods/exec}; {@code pods/*} is a
     * literal, not a wildcard.
     */
    public static boolean resourceMatches(PolicyRule rule, String resource, String subresource) {
        String combined = subresource == null || subresource.isEmpty() ? resource : resource + "/" + subresource;
        for (String r : rule.resources()) {
            if (ALL.equals(r) || r.equals(combined)) {
                return true;
            }
            if (subresource == null || subresource.isEmpty()) {
                continue;
            }
            if (r.length() == subresource.length() + 2 && r.startsWith("*/") && r.endsWith(subresource)) {
                return true;
            }
        }
        return false;
    }

    /** Empty resourceNames matches every name; otherwise the name must be listed (a collection request has none). */
    public static boolean resourceNameMatches(PolicyRule rule, String name) {
        if (rule.resourceNames().isEmpty()) {
            return true;
        }
        if (name == null || name.isEmpty()) {
            return false;
        }
        return rule.resourceNames().contains(name);
    }

    /** {@code *}, exact, or a rule ending in {@code *} as a plain prefix ({@code /healthz*} matches {@code /healthzfoo}). */
    public static boolean nonResourceURLMatches(PolicyRule rule, String path) {
        for (String u : rule.nonResourceURLs()) {
            if (ALL.equals(u) || u.equals(path)) {
                return true;
            }
            if (u.endsWith("*") && path.startsWith(stripTrailingStars(u))) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingStars(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '*') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Resource rules never grant URLs and vice versa. */
    public static boolean ruleAllows(PolicyRule rule, Request r) {
        if (r.isResourceRequest()) {
            return verbMatches(rule, r.verb()) && apiGroupMatches(rule, r.apiGroup())
                    && resourceMatches(rule, r.resource(), r.subresource()) && resourceNameMatches(rule, r.name());
        }
        return verbMatches(rule, r.verb()) && nonResourceURLMatches(rule, r.path());
    }

    public static boolean anyRuleAllows(List<PolicyRule> rules, Request r) {
        for (PolicyRule rule : rules) {
            if (ruleAllows(rule, r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a binding subject applies to the identity. {@code bindingNamespace} is the RoleBinding's namespace, or
     * "" for a ClusterRoleBinding: a ServiceAccount subject without a namespace means the RoleBinding's namespace and
     * never matches in a ClusterRoleBinding. {@code User} is an exact string ({@code *} is literal).
     */
    public static boolean subjectMatches(BindingInfo.Subject subject, String bindingNamespace, Identity id) {
        switch (subject.kind()) {
            case "User":
                return id.user() != null && !id.user().isEmpty() && subject.name().equals(id.user());
            case "Group":
                return id.groups().contains(subject.name());
            case "ServiceAccount":
                String ns = subject.namespace().isEmpty() ? bindingNamespace : subject.namespace();
                if (ns == null || ns.isEmpty()) {
                    return false;
                }
                return Identity.serviceAccountUser(ns, subject.name()).equals(id.user());
            default:
                return false;
        }
    }

    /** The user name a ServiceAccount subject stands for in the binding, or null when it cannot match anyone. */
    public static String serviceAccountUser(BindingInfo.Subject subject, String bindingNamespace) {
        String ns = subject.namespace().isEmpty() ? bindingNamespace : subject.namespace();
        if (ns == null || ns.isEmpty()) {
            return null;
        }
        return Identity.serviceAccountUser(ns, subject.name());
    }
}
