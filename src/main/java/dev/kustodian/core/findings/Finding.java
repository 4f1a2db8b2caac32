package dev.kustodian.core.findings;

import java.util.List;

/**
 * One finding. Never contains a secret value: {@code title}, {@code explanation} and {@code remediation} name
 * objects and keys only.
 *
 * @param id          stable id of this occurrence: {@code rule + ":" + object.display()} plus a detail suffix
 * @param rule        the rule id, e.g. {@code SEC-ENV}, {@code RBAC-SECRETS-LIST}, {@code ENC-NOT-CONFIGURED}
 * @param area        secrets, rbac, encryption, external-stores...
 * @param system      true when this is expected access of a system component (shown grouped and collapsed)
 * @param cis         CIS Kubernetes Benchmark control numbers, e.g. {@code 5.1.2} (a leading "CIS " is dropped)
 * @param fix         an optional hint for the UI: the wizard to open, e.g. {@code encryption-config},
 *                    {@code external-secret}, {@code role}; null when the remediation text is the fix
 */
public record Finding(
        String id,
        String rule,
        String area,
        Severity severity,
        String title,
        String explanation,
        ObjectRef object,
        List<String> cis,
        String remediation,
        boolean system,
        String fix) {

    public Finding {
        // CIS ids are bare control numbers ("5.1.2"); renderers add the "CIS" label
        cis = bare(cis);
    }

    private static List<String> bare(List<String> cis) {
        if (cis == null || cis.isEmpty()) {
            return List.of();
        }
        for (String c : cis) {
            if (c.startsWith("CIS ")) {
                return cis.stream().map(x -> x.startsWith("CIS ") ? x.substring(4).strip() : x).toList();
            }
        }
        return List.copyOf(cis); // the same instance when it already is an immutable list (findings are copied often)
    }

    /** A builder-ish factory for the common case. */
    public static Finding of(String rule, String area, Severity severity, ObjectRef object, String title,
                             String explanation, String remediation, List<String> cis) {
        // String.join: one array of the final size (the jar's concatenation grows a 16-char StringBuilder)
        return new Finding(String.join(":", rule, object.display()), rule, area, severity, title, explanation, object, cis,
                remediation, false, null);
    }

    public Finding withIdSuffix(String suffix) {
        return new Finding(String.join(":", id, suffix), rule, area, severity, title, explanation, object, cis, remediation,
                system, fix);
    }

    public Finding asSystem() {
        return new Finding(id, rule, area, severity, title, explanation, object, cis, remediation, true, fix);
    }

    public Finding withFix(String wizard) {
        return new Finding(id, rule, area, severity, title, explanation, object, cis, remediation, system, wizard);
    }
}
