package dev.kustodian.core.model;

/**
 * Something that could not be loaded: e.g. resource {@code secrets}, namespace "" (all), status 403,
 * message "not visible: needs list on secrets". The rest of the snapshot still loaded.
 */
public record VisibilityGap(String resource, String namespace, int status, String message) {
}
