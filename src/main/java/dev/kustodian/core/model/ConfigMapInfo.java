package dev.kustodian.core.model;

import java.util.List;

/** A ConfigMap: key names, and where values looked like credentials. Values are never kept. */
public record ConfigMapInfo(ObjectMeta meta, List<String> keys, List<LeakHint> leaks) implements HasMeta {
    public ConfigMapInfo {
        keys = keys == null ? List.of() : List.copyOf(keys);
        leaks = leaks == null ? List.of() : List.copyOf(leaks);
    }
}
