package dev.kustodian.core.model;

/** A namespace. {@code phase} is Active or Terminating. */
public record NamespaceInfo(ObjectMeta meta, String phase) implements HasMeta {
}
