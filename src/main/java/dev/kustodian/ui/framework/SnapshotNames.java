package dev.kustodian.ui.framework;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.HasMeta;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Names pickers and filters offer, derived from a snapshot. */
public final class SnapshotNames {
    private SnapshotNames() {
    }

    /**
     * Every namespace the snapshot knows: listed Namespace objects plus the namespaces of namespaced objects (a
     * snapshot file may hold secrets without their Namespace objects). Sorted.
     */
    public static List<String> namespaces(ClusterSnapshot s) {
        TreeSet<String> names = new TreeSet<>();
        s.namespaces().forEach(n -> names.add(n.meta().name()));
        Stream.<List<? extends HasMeta>>of(s.secrets(), s.configMaps(), s.workloads(), s.serviceAccounts(),
                        s.roles(), s.bindings())
                .flatMap(List::stream)
                .map(o -> o.meta().namespace())
                .filter(ns -> !ns.isEmpty())
                .forEach(names::add);
        return List.copyOf(names);
    }
}
