package dev.kustodian.core.yaml;

/**
 * A value with a comment written above it in generated YAML (e.g. to explain an RBAC rule or a provider field).
 * Use it as a map value or a list element; {@link YamlWriter} unwraps it.
 */
public record Commented(Object value, String comment) {
}
