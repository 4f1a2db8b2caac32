package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.secrets.SecretReader;
import dev.kustodian.core.secrets.SecretReadersSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RBAC engine behind the secrets rules' "who can read this secret" seam: the direct readers (get, list, watch)
 * of a secret, one entry per subject with the verbs and the binding → role paths that grant them.
 */
public final class RbacSecretReadersProvider implements SecretReadersSource.Provider {

    @Override
    public SecretReadersSource create(AnalysisContext context) {
        // One source per analysis; the reader rules ask for every secret. Most secrets have exactly the readers of
        // their namespace, so those share one list per namespace (the same instance, which the rules use to skip
        // repeated work); only secrets named in some rule's resourceNames get a list of their own.
        Map<String, List<SecretReader>> perNamespace = new ConcurrentHashMap<>();
        Map<String, List<SecretReader>> perSecret = new ConcurrentHashMap<>();
        return (namespace, name) -> {
            SecretReaders readers = SecretReaders.of(context); // built on the first question, once per analysis
            List<SecretReader> shared = perNamespace.computeIfAbsent(namespace,
                    k -> direct(readers.directReaders(namespace, "")));
            if (!readers.hasNamedReaders(namespace, name)) {
                return shared;
            }
            // the namespace's readers, then the ones this secret's name adds (same order as directReaders)
            return perSecret.computeIfAbsent(namespace + "/" + name, k -> {
                List<Reader> own = readers.directReaders(namespace, name);
                return direct(own.subList(readers.directReaders(namespace, "").size(), own.size()), shared);
            });
        };
    }

    static List<SecretReader> direct(List<Reader> readers) {
        return direct(readers, List.of());
    }

    /** One entry per subject: its read verbs, paths and whether it is a system component. */
    private static final class Entry {
        final Set<String> verbs = new LinkedHashSet<>();
        final Set<String> paths = new LinkedHashSet<>();
        boolean system = true;
    }

    /** {@code before} (already converted) followed by the direct readers among {@code readers}, merged by subject. */
    static List<SecretReader> direct(List<Reader> readers, List<SecretReader> before) {
        Map<SubjectRef, Entry> entries = new LinkedHashMap<>();
        for (SecretReader b : before) {
            Entry e = entries.computeIfAbsent(new SubjectRef(b.subjectKind(), b.subjectName(), b.subjectNamespace()),
                    k -> new Entry());
            e.verbs.addAll(b.verbs());
            e.paths.addAll(b.paths());
            e.system &= b.system();
        }
        for (Reader r : readers) {
            if (!r.direct()) {
                continue;
            }
            Entry e = entries.computeIfAbsent(r.subject(), k -> new Entry());
            String how = r.how();
            int sp = how.indexOf(' ');
            e.verbs.add(sp < 0 ? how : how.substring(0, sp));
            for (Grant g : r.via()) {
                e.paths.add(g.isMasters() ? "group system:masters (apiserver)" : g.binding() + " → " + g.role());
            }
            e.system &= r.system();
        }
        List<SecretReader> out = new ArrayList<>(entries.size());
        entries.forEach((s, e) -> out.add(new SecretReader(s.kind(), s.name(), s.namespace(), e.verbs,
                List.copyOf(e.paths), e.system)));
        return List.copyOf(out);
    }
}
