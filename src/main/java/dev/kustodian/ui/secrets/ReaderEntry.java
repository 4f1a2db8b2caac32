package dev.kustodian.ui.secrets;

import dev.kustodian.core.rbac.Grant;
import dev.kustodian.core.rbac.Reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subject that can read the selected secret, for the detail pane: {@code direct} when it can get/list/watch it,
 * the ways it can (one sentence each) and the binding → role paths.
 */
public record ReaderEntry(String subject, boolean direct, boolean system, List<String> hows, List<String> paths) {

    /** Groups the RBAC engine's readers by subject: non-system first, then direct first, then by name. */
    public static List<ReaderEntry> of(List<Reader> readers) {
        Map<String, Boolean> direct = new LinkedHashMap<>();
        Map<String, Boolean> system = new LinkedHashMap<>();
        Map<String, Set<String>> hows = new LinkedHashMap<>();
        Map<String, Set<String>> paths = new LinkedHashMap<>();
        for (Reader r : readers) {
            String s = r.subject().display();
            direct.merge(s, r.direct(), Boolean::logicalOr);
            system.merge(s, r.system(), Boolean::logicalAnd);
            hows.computeIfAbsent(s, k -> new LinkedHashSet<>()).add((r.direct() ? "" : "indirect: ") + r.how());
            Set<String> p = paths.computeIfAbsent(s, k -> new LinkedHashSet<>());
            for (Grant g : r.via()) {
                p.add(g.isMasters() ? "group system:masters (apiserver)" : g.binding() + " → " + g.role());
            }
        }
        List<ReaderEntry> out = new ArrayList<>();
        direct.forEach((s, d) -> out.add(new ReaderEntry(s, d, system.get(s), List.copyOf(hows.get(s)),
                List.copyOf(paths.get(s)))));
        out.sort((a, b) -> {
            if (a.system != b.system) {
                return a.system ? 1 : -1;
            }
            if (a.direct != b.direct) {
                return a.direct ? -1 : 1;
            }
            return a.subject.compareTo(b.subject);
        });
        return out;
    }
}
