package dev.kustodian.core.externalsecrets;

import java.util.List;

/** Small normalisations the generation requests share (blank = not given). */
final class Texts {
    private Texts() {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String or(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    static List<String> list(List<String> l) {
        return l == null ? List.of() : l.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** KEY=VALUE entries (in order); a malformed entry is an error naming {@code field}. */
    static java.util.Map<String, String> pairs(List<String> values, dev.kustodian.core.output.RequestField field,
                                               dev.kustodian.core.output.InputProblems p) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String v : values) {
            int i = v.indexOf('=');
            if (i <= 0) {
                p.error(field, "{" + field.key() + "} expects KEY=VALUE, got '" + v + "'.");
                continue;
            }
            m.put(v.substring(0, i), v.substring(i + 1));
        }
        return m;
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s.trim())) {
                return e;
            }
        }
        return null;
    }
}
