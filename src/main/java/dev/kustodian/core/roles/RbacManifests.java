package dev.kustodian.core.roles;

import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.yaml.Commented;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders scoped rules as Role + RoleBinding per namespace and, only when there are cluster-wide rules,
 * ClusterRole + ClusterRoleBinding, each rule with its explanatory comment.
 */
public final class RbacManifests {
    private RbacManifests() {
    }

    public static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    public static List<Manifest> render(RbacSubject subject, String roleName, List<ScopedRule> rules, String header) {
        Map<String, List<ScopedRule>> byNs = new TreeMap<>();
        for (ScopedRule r : rules) {
            byNs.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r);
        }
        List<Manifest> out = new ArrayList<>();
        for (Map.Entry<String, List<ScopedRule>> e : byNs.entrySet()) {
            String ns = e.getKey();
            boolean cluster = ns.isEmpty();
            String kind = cluster ? "ClusterRole" : "Role";
            List<Object> ruleYaml = new ArrayList<>();
            for (ScopedRule r : e.getValue()) {
                Map<String, Object> m = ruleMap(r.rule());
                ruleYaml.add(r.comment() == null || r.comment().isBlank() ? m : new Commented(m, r.comment()));
            }
            Map<String, Object> role = YamlWriter.map(
                    "apiVersion", RBAC_GROUP + "/v1",
                    "kind", kind,
                    "metadata", metadata(roleName, ns),
                    "rules", ruleYaml);
            Map<String, Object> binding = YamlWriter.map(
                    "apiVersion", RBAC_GROUP + "/v1",
                    "kind", cluster ? "ClusterRoleBinding" : "RoleBinding",
                    "metadata", metadata(roleName, ns),
                    "roleRef", YamlWriter.map("apiGroup", RBAC_GROUP, "kind", kind, "name", roleName),
                    "subjects", List.of(subject.toYaml()));
            String suffix = cluster ? roleName : ns + "-" + roleName;
            String lower = kind.toLowerCase(java.util.Locale.ROOT);
            out.add(yaml(lower + "-" + suffix + ".yaml", kind, ns, roleName, role, header));
            out.add(yaml(lower + "binding-" + suffix + ".yaml", kind + "Binding", ns, roleName, binding,
                    "Binds " + kind + " " + roleName + " to " + subject + (cluster ? " cluster-wide" : " in namespace " + ns)));
        }
        return out;
    }

    private static Manifest yaml(String file, String kind, String ns, String name, Map<String, Object> obj, String header) {
        return Manifest.object(file, kind, ns, name, YamlWriter.write(obj, header));
    }

    private static Map<String, Object> metadata(String name, String ns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (!ns.isEmpty()) {
            m.put("namespace", ns);
        }
        m.put("labels", YamlWriter.map("app.kubernetes.io/managed-by", "kustodian"));
        return m;
    }

    /** A PolicyRule as YAML, fields in kubectl's order, empty lists left out. */
    public static Map<String, Object> ruleMap(PolicyRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!r.nonResourceURLs().isEmpty()) {
            m.put("nonResourceURLs", r.nonResourceURLs());
        } else {
            m.put("apiGroups", r.apiGroups());
            m.put("resources", r.resources());
            if (!r.resourceNames().isEmpty()) {
                m.put("resourceNames", r.resourceNames());
            }
        }
        m.put("verbs", r.verbs());
        return m;
    }
}
