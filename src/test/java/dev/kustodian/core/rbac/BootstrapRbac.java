package dev.kustodian.core.rbac;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.LabelSelector;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.yaml.YamlDocument;
import dev.kustodian.core.yaml.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only mapper from the Kubernetes bootstrap RBAC golden files (src/test/resources/k8s-bootstrap-rbac, see
 * ORIGIN.md) to model records. The production mapper is the cluster package's ModelConverter.
 */
public final class BootstrapRbac {
    private BootstrapRbac() {
    }

    public static final List<String> FILES = List.of("cluster-roles.yaml", "cluster-role-bindings.yaml",
            "controller-roles.yaml", "controller-role-bindings.yaml", "namespace-roles.yaml", "namespace-role-bindings.yaml");

    public static ClusterSnapshot.Builder load() {
        ClusterSnapshot.Builder b = Fx.builder();
        for (String f : FILES) {
            for (Map<String, Object> item : items("/k8s-bootstrap-rbac/" + f)) {
                String kind = (String) item.get("kind");
                switch (kind) {
                    case "ClusterRole", "Role" -> b.roles.add(role(item));
                    case "ClusterRoleBinding", "RoleBinding" -> b.bindings.add(binding(item));
                    default -> throw new IllegalStateException("unexpected kind " + kind + " in " + f);
                }
            }
        }
        return b;
    }

    /** Items of a YAML resource: a {@code kind: List} or plain documents. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(String resource) {
        try (InputStream in = BootstrapRbac.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<Map<String, Object>> out = new ArrayList<>();
            for (YamlDocument d : YamlReader.read(r, resource)) {
                Map<String, Object> m = (Map<String, Object>) d.value();
                if (m.get("items") instanceof List<?> l) {
                    l.forEach(i -> out.add((Map<String, Object>) i));
                } else {
                    out.add(m);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static ObjectMeta meta(Map<String, Object> item) {
        Map<String, Object> m = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
        return new ObjectMeta((String) m.get("namespace"), (String) m.get("name"), null,
                strings((Map<String, Object>) m.get("labels")), strings((Map<String, Object>) m.get("annotations")),
                null, null, null);
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static RoleInfo role(Map<String, Object> item) {
        List<PolicyRule> rules = new ArrayList<>();
        if (item.get("rules") instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> r = (Map<String, Object>) o;
                rules.add(new PolicyRule(list(r.get("verbs")), list(r.get("apiGroups")), list(r.get("resources")),
                        list(r.get("resourceNames")), list(r.get("nonResourceURLs"))));
            }
        }
        List<LabelSelector> selectors = new ArrayList<>();
        if (item.get("aggregationRule") instanceof Map<?, ?> agg && agg.get("clusterRoleSelectors") instanceof List<?> sels) {
            for (Object o : sels) {
                Map<String, Object> s = (Map<String, Object>) o;
                selectors.add(new LabelSelector(strings((Map<String, Object>) s.get("matchLabels")), List.of()));
            }
        }
        return new RoleInfo((String) item.get("kind"), meta(item), rules, selectors);
    }

    @SuppressWarnings("unchecked")
    static BindingInfo binding(Map<String, Object> item) {
        Map<String, Object> ref = (Map<String, Object>) item.get("roleRef");
        List<BindingInfo.Subject> subjects = new ArrayList<>();
        if (item.get("subjects") instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> s = (Map<String, Object>) o;
                subjects.add(new BindingInfo.Subject((String) s.get("kind"), (String) s.get("name"),
                        (String) s.get("namespace"), (String) s.get("apiGroup")));
            }
        }
        return new BindingInfo((String) item.get("kind"), meta(item),
                new BindingInfo.RoleRef((String) ref.get("apiGroup"), (String) ref.get("kind"), (String) ref.get("name")),
                subjects);
    }

    private static List<String> list(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
