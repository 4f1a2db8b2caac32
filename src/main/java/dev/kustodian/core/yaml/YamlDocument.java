package dev.kustodian.core.yaml;

/**
 * One document read from a YAML/JSON source, with where it started.
 *
 * @param value  maps, lists, strings, numbers, booleans or null
 * @param source file name (or "stdin")
 * @param line   1-based line where the document starts
 */
public record YamlDocument(Object value, String source, int line) {
}
