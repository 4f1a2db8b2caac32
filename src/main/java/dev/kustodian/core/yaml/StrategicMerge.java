package dev.kustodian.core.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes strategic-merge semantics for the pod-template patches Kustodian generates, applied client-side where
 * the API server cannot (fabric8's mock server behind the demo cluster merges patches as plain JSON merge patches,
 * which would replace whole container lists). Maps merge recursively; lists of objects with a merge key
 * ({@code containers}, {@code initContainers}, {@code env}, {@code volumes} by {@code name}, {@code volumeMounts} by
 * {@code mountPath}) merge item by item, and an item with {@code $patch: delete} removes its match; other lists and
 * scalars are replaced; a null value removes the key. Real clusters get the patch from the API server itself.
 */
public final class StrategicMerge {
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "ephemeralContainers", "name", "env", "name", "volumes", "name", "volumeMounts", "mountPath",
            "ports", "containerPort", "imagePullSecrets", "name");

    private StrategicMerge() {
    }

    /** {@code target} with {@code patch} merged in (a new map; the inputs are not changed). */
    public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> out = new LinkedHashMap<>(target);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            Object current = out.get(key);
            if (value == null) {
                out.remove(key);
            } else if (value instanceof Map<?, ?> pm && current instanceof Map<?, ?> cm) {
                out.put(key, apply(cast(cm), cast(pm)));
            } else if (value instanceof List<?> pl && current instanceof List<?> cl && MERGE_KEYS.containsKey(key)) {
                out.put(key, mergeList(cl, pl, MERGE_KEYS.get(key)));
            } else {
                out.put(key, withoutDirectives(value));
            }
        }
        return out;
    }

    private static List<Object> mergeList(List<?> current, List<?> patch, String mergeKey) {
        List<Object> out = new ArrayList<>(current);
        for (Object p : patch) {
            if (!(p instanceof Map<?, ?> pm) || pm.get(mergeKey) == null) {
                out.add(withoutDirectives(p));
                continue;
            }
            Object keyValue = pm.get(mergeKey);
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof Map<?, ?> m && String.valueOf(keyValue).equals(String.valueOf(m.get(mergeKey)))) {
                    at = i;
                    break;
                }
            }
            if ("delete".equals(pm.get("$patch"))) {
                if (at >= 0) {
                    out.remove(at);
                }
            } else if (at >= 0 && out.get(at) instanceof Map<?, ?> existing) {
                out.set(at, apply(cast(existing), cast(pm)));
            } else {
                out.add(withoutDirectives(pm));
            }
        }
        return out;
    }

    private static Object withoutDirectives(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!String.valueOf(k).startsWith("$")) {
                    out.put(String.valueOf(k), withoutDirectives(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(StrategicMerge::withoutDirectives).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
