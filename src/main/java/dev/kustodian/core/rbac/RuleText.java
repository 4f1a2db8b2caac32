package dev.kustodian.core.rbac;

import dev.kustodian.core.model.PolicyRule;

import java.util.List;

/** One-line text of a PolicyRule, e.g. {@code verbs=[get,list] apiGroups=[""] resources=[secrets]}. */
public final class RuleText {
    private RuleText() {
    }

    public static String of(PolicyRule r) {
        if (r == null) {
            return "(all)";
        }
        StringBuilder b = new StringBuilder();
        b.append("verbs=").append(list(r.verbs()));
        if (!r.nonResourceURLs().isEmpty()) {
            b.append(" nonResourceURLs=").append(list(r.nonResourceURLs()));
        }
        if (!r.resources().isEmpty() || r.nonResourceURLs().isEmpty()) {
            b.append(" apiGroups=").append(list(r.apiGroups().stream().map(g -> g.isEmpty() ? "\"\"" : g).toList()));
            b.append(" resources=").append(list(r.resources()));
        }
        if (!r.resourceNames().isEmpty()) {
            b.append(" resourceNames=").append(list(r.resourceNames()));
        }
        return b.toString();
    }

    private static String list(List<String> l) {
        return "[" + String.join(",", l) + "]";
    }
}
