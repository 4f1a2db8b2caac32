package dev.kustodian.ui.app;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test helper: a path of strong references from a root to a target, found by walking the objects' fields (collections
 * and maps through their contents, references other than strong ones not followed). Tells a test why an object that
 * should be collectable is not: e.g. "ShellView.pages → ... → SecretsViewModel.rows → ... → ClusterSnapshot".
 */
final class Reachability {
    private Reachability() {
    }

    /**
     * Paths from {@code root} to {@code target} through up to {@code max} different objects that hold the target
     * directly (each found with the holders found before left out); empty when none was found.
     */
    static List<String> paths(Object root, Object target, int max) {
        List<String> out = new ArrayList<>();
        Set<Object> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < max; i++) {
            Object[] holder = new Object[1];
            String p = path(root, target, skipped, holder);
            if (p == null) {
                break;
            }
            out.add(p);
            skipped.add(holder[0]);
        }
        return out;
    }

    private static String path(Object root, Object target, Set<Object> skipped, Object[] holder) {
        Map<Object, Object[]> from = new IdentityHashMap<>(); // object -> {parent, edge}
        ArrayDeque<Object> queue = new ArrayDeque<>();
        from.put(root, null);
        queue.add(root);
        while (!queue.isEmpty()) {
            Object o = queue.poll();
            if (o == target) {
                holder[0] = from.get(o)[0];
                return describe(from, o);
            }
            if (skipped.contains(o)) {
                continue;
            }
            for (Map.Entry<String, Object> e : children(o)) {
                Object c = e.getValue();
                if (c != null && !from.containsKey(c) && followed(c)) {
                    from.put(c, new Object[]{o, e.getKey()});
                    queue.add(c);
                }
            }
        }
        return null;
    }

    private static boolean followed(Object o) {
        Class<?> c = o.getClass();
        return !(o instanceof Class<?> || o instanceof ClassLoader || o instanceof Thread
                || o instanceof java.lang.ref.Reference<?> || c.isPrimitive() || o instanceof String
                || o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof Enum<?>
                || c.getName().startsWith("java.lang.invoke."));
    }

    private static List<Map.Entry<String, Object>> children(Object o) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        Class<?> c = o.getClass();
        if (c.isArray()) {
            if (!c.getComponentType().isPrimitive()) {
                for (int i = 0, n = Array.getLength(o); i < n; i++) {
                    out.add(edge("[" + i + "]", Array.get(o, i)));
                }
            }
            return out;
        }
        boolean walked = false;
        try {
            if (o instanceof Map<?, ?> m) {
                int i = 0;
                for (Map.Entry<?, ?> e : List.copyOf(m.entrySet())) {
                    if (!(m instanceof java.util.WeakHashMap<?, ?>)) {
                        out.add(edge("{key " + i + "}", e.getKey())); // a weak map's keys are not followed
                    }
                    out.add(edge("{value " + i++ + "}", e.getValue()));
                }
                walked = true;
            } else if (o instanceof Collection<?> col) {
                int i = 0;
                for (Object e : new ArrayList<>(col)) {
                    out.add(edge("[" + i++ + "]", e));
                }
                walked = true;
            }
        } catch (RuntimeException e) {
            // a collection that cannot be read from here: its fields below
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            if (walked && k.getName().startsWith("java.")) {
                break; // read through its contents above
            }
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    out.add(edge(k.getSimpleName() + "." + f.getName(), f.get(o)));
                } catch (RuntimeException | IllegalAccessException e) {
                    // a JDK-internal field: not followed
                }
            }
        }
        return out;
    }

    private static Map.Entry<String, Object> edge(String name, Object value) {
        return new AbstractMap.SimpleEntry<>(name, value);
    }

    private static String describe(Map<Object, Object[]> from, Object o) {
        List<String> steps = new ArrayList<>();
        for (Object cur = o; from.get(cur) != null; cur = from.get(cur)[0]) {
            steps.add(from.get(cur)[1] + " (" + cur.getClass().getName() + ")");
        }
        Collections.reverse(steps);
        return String.join("\n  → ", steps);
    }
}
