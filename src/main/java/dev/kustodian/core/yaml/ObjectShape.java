package dev.kustodian.core.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape checks kube-apiserver's decoder makes before anything else, for the fields Kustodian reads: a document is
 * a mapping, {@code apiVersion} and {@code kind} are strings, {@code metadata} is a mapping with string names and
 * string-to-string labels, and the lists and mappings of Secrets, ConfigMaps, RBAC objects, workloads, service
 * accounts and CRDs have their types. Each problem is a field path and a sentence like "must be a mapping, found a
 * string", so a user reads what is wrong instead of a deserializer's message.
 */
public final class ObjectShape {
    /** One wrong field: its path ({@code spec.containers[0].env}) and what is wrong with it. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return (path.isEmpty() ? "the document" : path) + " " + message;
        }
    }

    private ObjectShape() {
    }

    /** What a YAML value is, in words ("a string", "a list", "nothing"). */
    public static String describe(Object v) {
        if (v == null) {
            return "nothing (null)";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof byte[]) {
            return "binary data";
        }
        return "a value of another kind";
    }

    /**
     * The problems of a top-level document; empty when it has the shape of a Kubernetes object (or list). A document
     * that is not a mapping is one problem at path "".
     */
    public static List<Problem> check(Object doc) {
        List<Problem> out = new ArrayList<>();
        if (!(doc instanceof Map<?, ?> o)) {
            out.add(new Problem("", "must be a mapping (a Kubernetes object), found " + describe(doc)));
            return out;
        }
        Checker c = new Checker(out);
        c.string(o, "apiVersion", true);
        c.string(o, "kind", true);
        String kind = o.get("kind") instanceof String k ? k : "";
        if (kind.endsWith("List") && o.containsKey("items")) {
            c.list(o, "items");
            return out;
        }
        if (c.map(o, "metadata") instanceof Map<?, ?> meta) {
            c.string(meta, "metadata.name", false);
            c.string(meta, "metadata.namespace", false);
            c.string(meta, "metadata.generateName", false);
            c.stringMap(meta, "metadata.labels");
            c.stringMap(meta, "metadata.annotations");
            c.integer(meta, "metadata.generation");
        }
        switch (kind) {
            case "Secret" -> {
                c.string(o, "type", false);
                c.stringMap(o, "data");
                c.stringMap(o, "stringData");
            }
            case "ConfigMap" -> {
                c.stringMap(o, "data");
                c.stringMap(o, "binaryData");
            }
            case "Role", "ClusterRole" -> c.each(c.list(o, "rules"), "rules", (rule, p) -> {
                for (String f : List.of("apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs")) {
                    c.stringList(rule, p + "." + f);
                }
            });
            case "RoleBinding", "ClusterRoleBinding" -> {
                c.each(c.list(o, "subjects"), "subjects", (s, p) -> {
                    c.string(s, p + ".kind", false);
                    c.string(s, p + ".name", false);
                    c.string(s, p + ".namespace", false);
                });
                if (c.map(o, "roleRef") instanceof Map<?, ?> ref) {
                    c.string(ref, "roleRef.kind", false);
                    c.string(ref, "roleRef.name", false);
                }
            }
            case "Pod" -> podSpec(c, c.map(o, "spec"), "spec");
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> template(c, o, "spec");
            case "CronJob" -> {
                if (c.map(o, "spec") instanceof Map<?, ?> spec && c.map(spec, "spec.jobTemplate") instanceof Map<?, ?> jt) {
                    template(c, jt, "spec.jobTemplate.spec");
                }
            }
            case "ServiceAccount" -> {
                c.list(o, "secrets");
                c.list(o, "imagePullSecrets");
            }
            case "CustomResourceDefinition" -> {
                if (c.map(o, "spec") instanceof Map<?, ?> spec) {
                    c.string(spec, "spec.group", false);
                    c.map(spec, "spec.names");
                    c.list(spec, "spec.versions");
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** {@code owner.spec.template.spec} of a workload ({@code specPath} is the path of {@code owner}'s spec). */
    private static void template(Checker c, Map<?, ?> owner, String specPath) {
        if (c.map(owner, specPath) instanceof Map<?, ?> spec
                && c.map(spec, specPath + ".template") instanceof Map<?, ?> t) {
            podSpec(c, c.map(t, specPath + ".template.spec"), specPath + ".template.spec");
        }
    }

    private static void podSpec(Checker c, Object specValue, String p) {
        if (!(specValue instanceof Map<?, ?> spec)) {
            return;
        }
        for (String f : List.of("containers", "initContainers", "ephemeralContainers")) {
            c.each(c.list(spec, p + "." + f), p + "." + f, (ct, cp) -> {
                c.string(ct, cp + ".name", false);
                c.list(ct, cp + ".env");
                c.list(ct, cp + ".envFrom");
                c.list(ct, cp + ".volumeMounts");
            });
        }
        c.list(spec, p + ".volumes");
        c.list(spec, p + ".imagePullSecrets");
        c.string(spec, p + ".serviceAccountName", false);
    }

    /** Checks fields of mappings; paths are full ({@code metadata.name}), the key is the last segment. */
    private static final class Checker {
        final List<Problem> out;

        Checker(List<Problem> out) {
            this.out = out;
        }

        private static String key(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        private void wrong(String path, String expected, Object found) {
            out.add(new Problem(path, "must be " + expected + ", found " + describe(found)));
        }

        void string(Map<?, ?> m, String path, boolean required) {
            Object v = m.get(key(path));
            if (v == null) {
                if (required) {
                    out.add(new Problem(path, "is missing"));
                }
            } else if (!(v instanceof String)) {
                wrong(path, "a string", v);
            }
        }

        /** The mapping at {@code path} (null when absent or wrong, the latter a problem). */
        Object map(Map<?, ?> m, String path) {
            Object v = m.get(key(path));
            if (v == null) {
                return null;
            }
            if (v instanceof Map<?, ?> r) {
                return r;
            }
            wrong(path, "a mapping", v);
            return null;
        }

        /** The list at {@code path} (null when absent or wrong, the latter a problem). */
        Object list(Map<?, ?> m, String path) {
            Object v = m.get(key(path));
            if (v == null) {
                return null;
            }
            if (v instanceof List<?> l) {
                return l;
            }
            wrong(path, "a list", v);
            return null;
        }

        /** An integer kube-apiserver can hold (int64). */
        void integer(Map<?, ?> m, String path) {
            Object v = m.get(key(path));
            if (v == null || v instanceof Integer || v instanceof Long) {
                return;
            }
            if (v instanceof java.math.BigInteger b && b.bitLength() < 64) {
                return;
            }
            out.add(new Problem(path, v instanceof Number ? "must be a whole number of at most 19 digits, found "
                    + (v instanceof java.math.BigInteger ? "a larger one" : "a number with a fraction or exponent")
                    : "must be a whole number, found " + describe(v)));
        }

        void stringMap(Map<?, ?> m, String path) {
            if (map(m, path) instanceof Map<?, ?> r) {
                for (Map.Entry<?, ?> e : r.entrySet()) {
                    if (e.getValue() != null && !(e.getValue() instanceof String)) {
                        wrong(path + "." + e.getKey(), "a string", e.getValue());
                    }
                }
            }
        }

        void stringList(Map<?, ?> m, String path) {
            if (list(m, path) instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    if (!(l.get(i) instanceof String)) {
                        wrong(path + "[" + i + "]", "a string", l.get(i));
                    }
                }
            }
        }

        /** Calls {@code f} with each element of {@code l} that is a mapping; other elements are problems. */
        void each(Object value, String path, java.util.function.BiConsumer<Map<?, ?>, String> f) {
            if (!(value instanceof List<?> l)) {
                return;
            }
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map<?, ?> m) {
                    f.accept(m, path + "[" + i + "]");
                } else {
                    wrong(path + "[" + i + "]", "a mapping", l.get(i));
                }
            }
        }
    }
}
