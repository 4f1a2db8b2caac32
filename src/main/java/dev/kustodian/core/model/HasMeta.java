package dev.kustodian.core.model;

/** Anything with Kubernetes object metadata. */
public interface HasMeta {
    ObjectMeta meta();

    default String namespace() {
        return meta().namespace();
    }

    default String name() {
        return meta().name();
    }
}
