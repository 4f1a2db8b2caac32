package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Bundle.Problem;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.yaml.Commented;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Schema + provider rules for generated objects, and the Bundle assembly every generator shares. */
public final class Validation {
    private Validation() {
    }

    /** Schema problems then provider-rule problems of one object. */
    public static List<Problem> check(Map<String, Object> object) {
        Map<String, Object> plain = strip(object);
        List<Problem> out = new ArrayList<>(SchemaValidator.get().validate(plain));
        out.addAll(ProviderRules.check(plain));
        return out;
    }

    /** Removes {@link Commented} wrappers (recursively) so the map is plain data. */
    @SuppressWarnings("unchecked")
    public static <T> T strip(T value) {
        Object v = value instanceof Commented c ? c.value() : value;
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), strip(x)));
            return (T) out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(strip(x)));
            return (T) out;
        }
        return (T) v;
    }

    /** Builds the bundle: one manifest per object, every object checked, problems prefixed with Kind/name. */
    public static Bundle bundle(String title, List<Obj> objects, List<Manifest> sideFiles, List<String> warnings,
                                List<String> nextSteps) {
        List<Manifest> manifests = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Obj o : objects) {
            manifests.add(Bundle.yamlObject(o.fileName(), o.object(), o.header()));
            Map<String, Object> plain = strip(o.object());
            String who = plain.get("kind") + "/" + ProviderRules.str(ProviderRules.map(plain.get("metadata")).get("name"));
            for (Problem p : check(plain)) {
                problems.add(new Problem(who + " " + p.path(), p.message(), p.error()));
            }
        }
        manifests.addAll(sideFiles);
        return new Bundle(title, manifests, problems, warnings, nextSteps);
    }

    /** One generated object with its file name and header comment. */
    public record Obj(String fileName, Map<String, Object> object, String header) {
    }

    /** file name convention: kind-name.yaml, lower case */
    public static String fileName(String kind, String name) {
        return (kind + "-" + name).toLowerCase().replaceAll("[^a-z0-9.-]", "-") + ".yaml";
    }
}
