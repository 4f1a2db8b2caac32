package dev.kustodian.core.yaml;

import java.util.Map;

/**
 * One document read from a YAML/JSON source, with where it started.
 *
 * @param value      maps, lists, strings, numbers, booleans or null
 * @param source     file name (or "stdin")
 * @param line       1-based line where the document starts
 * @param fieldLines 1-based line of each field, by path ({@code spec.data[0].remoteRef.key}); empty unless read with
 *                   {@link YamlReader#readWithFieldLines}
 */
public record YamlDocument(Object value, String source, int line, Map<String, Integer> fieldLines) {
    public YamlDocument {
        fieldLines = fieldLines == null ? Map.of() : fieldLines;
    }

    public YamlDocument(Object value, String source, int line) {
        this(value, source, line, Map.of());
    }

    /**
     * The line of the field at {@code path}, else of its nearest parent that is in the document, else the
     * document's first line.
     */
    public int lineOf(String path) {
        String p = path == null ? "" : path;
        while (!p.isEmpty()) {
            Integer l = fieldLines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        return line;
    }
}
