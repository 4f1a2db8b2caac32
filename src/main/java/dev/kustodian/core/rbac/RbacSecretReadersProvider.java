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
        SecretReaders readers = SecretReaders.of(context);
        // One source per analysis; the reader rules ask for every secret. Most secrets have exactly the readers of
        // their namespace, so those share one list per namespace (the same instance, which the rules use to skip
        // repeated work); only secrets named in some rule's resourceNames get a list of their own.
        Map<String, List<SecretReader>> perNamespace = new ConcurrentHashMap<>();
        Map<String, List<SecretReader>> perSecret = new ConcurrentHashMap<>();
        return (namespace, name) -> readers.hasNamedReaders(namespace, name)
                ? perSecret.computeIfAbsent(namespace + "/" + name, k -> direct(readers.directReaders(namespace, name)))
                : perNamespace.computeIfAbsent(namespace, k -> direct(readers.directReaders(namespace, name)));
    }

    static List<SecretReader> direct(List<Reader> readers) {
        Map<SubjectRef, Set<String>> verbs = new LinkedHashMap<>();
        Map<SubjectRef, Set<String>> paths = new LinkedHashMap<>();
        Map<SubjectRef, Boolean> system = new LinkedHashMap<>();
        for (Reader r : readers) {
            if (!r.direct()) {
                continue;
            }
            String verb = r.how().split(" ", 2)[0];
            verbs.computeIfAbsent(r.subject(), k -> new LinkedHashSet<>()).add(verb);
            Set<String> p = paths.computeIfAbsent(r.subject(), k -> new LinkedHashSet<>());
            for (Grant g : r.via()) {
                p.add(g.isMasters() ? "group system:masters (apiserver)" : g.binding() + " → " + g.role());
            }
            system.merge(r.subject(), r.system(), Boolean::logicalAnd);
        }
        List<SecretReader> out = new ArrayList<>(verbs.size());
        verbs.forEach((s, v) -> out.add(new SecretReader(s.kind(), s.name(), s.namespace(), v,
                List.copyOf(paths.get(s)), system.get(s))));
        return List.copyOf(out);
    }
}
