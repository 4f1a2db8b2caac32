package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.WorkloadInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who can read each secret, directly (get with or without its name in resourceNames, list, watch: list and watch
 * return every value of the namespace) and indirectly: create pods or workload controllers in its namespace (a pod
 * can mount any secret of its namespace), exec/attach/add an ephemeral container into a pod that mounts it, mint a
 * token for or impersonate a subject that reads it directly, bind ClusterRoles or escalate Roles in its namespace,
 * or reach the kubelet through nodes/proxy when a pod mounts it. Namespace-wide answers are computed once per
 * namespace; the whole index for 20,000 secrets takes well under the 2 s target.
 */
public final class SecretReaders {

    /** Workload kinds whose pods can mount any secret of the namespace: {group, resource}. */
    public static final List<String[]> WORKLOAD_RESOURCES = List.of(
            new String[]{"", "pods"},
            new String[]{"apps", "deployments"},
            new String[]{"apps", "statefulsets"},
            new String[]{"apps", "daemonsets"},
            new String[]{"apps", "replicasets"},
            new String[]{"batch", "jobs"},
            new String[]{"batch", "cronjobs"},
            new String[]{"", "replicationcontrollers"});

    private static final String RBAC = "rbac.authorization.k8s.io";

    private final RbacEngine engine;
    private final Map<String, List<Reader>> namespaceWide = new ConcurrentHashMap<>();
    private final Map<String, List<Reader>> namespaceDirect = new ConcurrentHashMap<>();
    private final Map<SubjectRef, List<Step>> stepsTo = new ConcurrentHashMap<>();
    private final Map<String, List<NamedGrant>> namedGets = new HashMap<>();
    /** Every secret name some get rule names in resourceNames (a quick first test before the scoped lookup). */
    private final java.util.Set<String> namedSecrets = new java.util.HashSet<>();
    private volatile Map<String, Map<String, List<WorkloadInfo>>> podsBySecret;
    private final Map<String, List<Reader>> kubeletReaders = new ConcurrentHashMap<>();

    private record NamedGrant(RbacEngine.Bound bound, PolicyRule rule) {
    }

    public SecretReaders(RbacEngine engine) {
        this.engine = engine;
        // get secrets with resourceNames: index by (scope, name); scope "" = ClusterRoleBinding (every namespace)
        for (RbacEngine.Bound b : engine.bindings()) {
            for (PolicyRule rule : b.rules()) {
                if (rule.resourceNames().isEmpty()) {
                    continue;
                }
                for (String n : rule.resourceNames()) {
                    if (RbacMatch.ruleAllows(rule, Request.resource("get", "", "secrets", "", n, "x"))) {
                        namedGets.computeIfAbsent(b.namespace() + "\n" + n, k -> new ArrayList<>())
                                .add(new NamedGrant(b, rule));
                        namedSecrets.add(n);
                    }
                }
            }
        }
    }

    /** Pods by namespace and the secrets they mount; built on the first question about indirect readers. */
    private Map<String, Map<String, List<WorkloadInfo>>> podsBySecret() {
        Map<String, Map<String, List<WorkloadInfo>>> m = podsBySecret;
        if (m == null) {
            synchronized (this) {
                if (podsBySecret == null) {
                    Map<String, Map<String, List<WorkloadInfo>>> built = new HashMap<>();
                    for (WorkloadInfo w : engine.snapshot().workloads()) {
                        if (!w.isPod() || w.spec() == null) {
                            continue;
                        }
                        for (String s : mountedSecrets(w.spec())) {
                            built.computeIfAbsent(w.meta().namespace(), k -> new HashMap<>())
                                    .computeIfAbsent(s, k -> new ArrayList<>()).add(w);
                        }
                    }
                    podsBySecret = built;
                }
                m = podsBySecret;
            }
        }
        return m;
    }

    public static SecretReaders of(AnalysisContext context) {
        return context.derived(SecretReaders.class, s -> new SecretReaders(RbacEngine.of(context)));
    }

    /** Secrets a pod spec reads: secret volumes, projected secret sources, env secretKeyRef and envFrom secretRef. */
    public static java.util.Set<String> mountedSecrets(PodSpecInfo spec) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (PodSpecInfo.Volume v : spec.volumes()) {
            if (v.secretName() != null && !v.secretName().isEmpty()) {
                out.add(v.secretName());
            }
            for (PodSpecInfo.ProjectedSecret p : v.projectedSecrets()) {
                out.add(p.secretName());
            }
        }
        for (PodSpecInfo.Container c : spec.containers()) {
            for (PodSpecInfo.EnvVar e : c.env()) {
                if ("secretKeyRef".equals(e.source()) && e.refName() != null) {
                    out.add(e.refName());
                }
            }
            for (PodSpecInfo.EnvFrom e : c.envFrom()) {
                if ("secretRef".equals(e.source()) && e.refName() != null) {
                    out.add(e.refName());
                }
            }
        }
        return out;
    }

    private static final Comparator<Reader> ORDER = (a, b) -> {
        if (a.direct() != b.direct()) {
            return a.direct() ? -1 : 1;
        }
        int c = a.subject().compareTo(b.subject());
        return c != 0 ? c : a.how().compareTo(b.how());
    };

    /** The readers every secret of a namespace shares, sorted: direct, then indirect. */
    private record Shared(List<Reader> direct, List<Reader> indirect, java.util.Set<SubjectRef> directSubjects) {
    }

    private final Map<String, Shared> shared = new ConcurrentHashMap<>();

    private Shared shared(String namespace) {
        return shared.computeIfAbsent(namespace, ns -> {
            List<Reader> direct = sortedDirect(ns);
            java.util.Set<SubjectRef> subjects = new java.util.HashSet<>();
            List<Reader> indirect = new ArrayList<>(namespaceWide(ns));
            direct.forEach(d -> subjects.add(d.subject()));
            // readers through ClusterRoleBindings are the same in every namespace: their steps are computed once
            indirect.addAll(clusterStepReaders());
            java.util.Set<SubjectRef> clusterTargets = clusterTargets();
            indirect.addAll(stepReaders(subjects.stream().filter(x -> !clusterTargets.contains(x)).toList()));
            indirect.sort(ORDER);
            return new Shared(direct, List.copyOf(indirect), java.util.Set.copyOf(subjects));
        });
    }

    /**
     * Every reader of the secret {@code namespace/name}: direct readers first, then indirect; within each, the
     * readers every secret of the namespace has come first, then the ones specific to this secret (its name in
     * resourceNames, pods that mount it), each part sorted by subject. The list shares the namespace-wide part
     * with the other secrets of the namespace (an unmodifiable view).
     */
    public List<Reader> readers(String namespace, String name) {
        Shared sh = shared(namespace);
        Map<SubjectRef, List<Grant>> named = named(namespace, name);
        List<Reader> direct = namedReaders(named, name);
        List<Reader> indirect = new ArrayList<>();
        // through a mint-a-token or impersonation step to a reader by name
        List<SubjectRef> newTargets = named.keySet().stream().filter(x -> !sh.directSubjects().contains(x)).toList();
        if (!newTargets.isEmpty()) {
            indirect.addAll(stepReaders(newTargets));
        }
        // through pods that mount it
        List<WorkloadInfo> pods = podsBySecret().getOrDefault(namespace, Map.of()).getOrDefault(name, List.of());
        for (WorkloadInfo pod : pods) {
            String p = pod.meta().name();
            add(indirect, Request.resource("create", "", "pods", "exec", p, namespace),
                    "exec into pod " + p + ", which mounts it (create pods/exec)", false);
            add(indirect, Request.resource("get", "", "pods", "exec", p, namespace),
                    "exec into pod " + p + ", which mounts it (get pods/exec: WebSocket exec)", false);
            add(indirect, Request.resource("create", "", "pods", "attach", p, namespace),
                    "attach to pod " + p + ", which mounts it (create pods/attach)", false);
            add(indirect, Request.resource("patch", "", "pods", "ephemeralcontainers", p, namespace),
                    "add an ephemeral container to pod " + p + ", which mounts it (patch pods/ephemeralcontainers)", false);
            add(indirect, Request.resource("update", "", "pods", "ephemeralcontainers", p, namespace),
                    "add an ephemeral container to pod " + p + ", which mounts it (update pods/ephemeralcontainers)", false);
        }
        if (!pods.isEmpty()) {
            indirect.addAll(kubeletReaders.computeIfAbsent("", k -> {
                List<Reader> l = new ArrayList<>();
                add(l, Request.resource("get", "", "nodes", "proxy", "", ""),
                        "the kubelet API through nodes/proxy (get): exec into the pods that mount it", false);
                add(l, Request.resource("create", "", "nodes", "proxy", "", ""),
                        "the kubelet API through nodes/proxy (create): exec into the pods that mount it", false);
                return l;
            }));
        }
        indirect.sort(ORDER);
        return new Concat(List.of(sh.direct(), direct, sh.indirect(), indirect));
    }

    /**
     * The direct readers of secret {@code namespace/name} only (get, list, watch), in the order {@link #readers}
     * lists them. Cheap: the namespace-wide part is one shared list, and a secret adds readers only when its name
     * is in some rule's resourceNames. Indirect readers (the costly part) are not computed.
     */
    public List<Reader> directReaders(String namespace, String name) {
        List<Reader> shared = sortedDirect(namespace);
        List<Reader> named = namedReaders(named(namespace, name), name);
        return named.isEmpty() ? shared : new Concat(List.of(shared, named));
    }

    /** Whether some rule names secret {@code namespace/name} in resourceNames (it then has readers of its own). */
    public boolean hasNamedReaders(String namespace, String name) {
        return namedSecrets.contains(name)
                && (namedGets.containsKey("\n" + name) || namedGets.containsKey(namespace + "\n" + name));
    }

    private final Map<String, List<Reader>> sortedDirect = new ConcurrentHashMap<>();

    private List<Reader> sortedDirect(String namespace) {
        return sortedDirect.computeIfAbsent(namespace, ns -> {
            List<Reader> direct = new ArrayList<>(namespaceDirect(ns));
            direct.sort(ORDER);
            return List.copyOf(direct);
        });
    }

    /** Subjects that may get the secret by name (resourceNames in RoleBindings of the namespace and ClusterRoleBindings). */
    private Map<SubjectRef, List<Grant>> named(String namespace, String name) {
        if (!hasNamedReaders(namespace, name)) {
            return Map.of();
        }
        Map<SubjectRef, List<Grant>> named = new LinkedHashMap<>();
        for (String scope : new String[]{"", namespace}) {
            for (NamedGrant g : namedGets.getOrDefault(scope + "\n" + name, List.of())) {
                Grant grant = new Grant(g.bound().bindingRef(), g.bound().roleRef(), g.rule());
                for (var s : g.bound().binding().subjects()) {
                    SubjectRef ref = SubjectRef.of(s, g.bound().namespace());
                    if (ref != null) {
                        named.computeIfAbsent(ref, k -> new ArrayList<>()).add(grant);
                    }
                }
            }
        }
        return named;
    }

    private static List<Reader> namedReaders(Map<SubjectRef, List<Grant>> named, String name) {
        if (named.isEmpty()) {
            return List.of();
        }
        List<Reader> direct = new ArrayList<>(named.size());
        named.forEach((s, g) -> direct.add(new Reader(s, true, "get \"" + name + "\" (named in resourceNames)", g)));
        direct.sort(ORDER);
        return direct;
    }

    /** An unmodifiable view of several lists one after the other. */
    private static final class Concat extends java.util.AbstractList<Reader> implements java.util.RandomAccess {
        private final List<List<Reader>> parts;
        private final int size;

        Concat(List<List<Reader>> parts) {
            this.parts = parts;
            this.size = parts.stream().mapToInt(List::size).sum();
        }

        @Override
        public Reader get(int index) {
            int i = index;
            for (List<Reader> p : parts) {
                if (i < p.size()) {
                    return p.get(i);
                }
                i -= p.size();
            }
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Readers for every secret of the snapshot, keyed {@code ns/name}. */
    public Map<String, List<Reader>> all() {
        Map<String, List<Reader>> m = new LinkedHashMap<>();
        for (SecretInfo s : engine.snapshot().secrets()) {
            m.put(s.meta().namespace() + "/" + s.meta().name(), readers(s.meta().namespace(), s.meta().name()));
        }
        return m;
    }

    private List<Reader> namespaceDirect(String ns) {
        return namespaceDirect.computeIfAbsent(ns, k -> {
            List<Reader> l = new ArrayList<>();
            add(l, Request.resource("get", "", "secrets", ns), "get (any secret of the namespace)", true);
            add(l, Request.resource("list", "", "secrets", ns), "list (returns every secret's values)", true);
            add(l, Request.resource("watch", "", "secrets", ns), "watch (returns every secret's values)", true);
            return List.copyOf(l);
        });
    }

    private List<Reader> namespaceWide(String ns) {
        return namespaceWide.computeIfAbsent(ns, k -> {
            List<Reader> l = new ArrayList<>();
            for (String[] w : WORKLOAD_RESOURCES) {
                String res = w[0].isEmpty() ? w[1] : w[1] + "." + w[0];
                add(l, Request.resource("create", w[0], w[1], ns),
                        "create " + res + " (its pods can mount any secret of the namespace)", false);
            }
            // bind: create a RoleBinding to any ClusterRole (e.g. admin) in the namespace
            List<Reader> bind = intersect(Request.resource("bind", RBAC, "clusterroles", ns),
                    Request.resource("create", RBAC, "rolebindings", ns),
                    "bind ClusterRoles and create RoleBindings in the namespace (grant itself secret access)");
            l.addAll(bind);
            List<Reader> escalate = intersect(Request.resource("escalate", RBAC, "roles", ns),
                    Request.resource("update", RBAC, "roles", ns),
                    "escalate and update Roles in the namespace (add secret access to a role it holds)");
            l.addAll(escalate);
            return List.copyOf(l);
        });
    }

    private List<Reader> intersect(Request a, Request b, String how) {
        Map<SubjectRef, List<Grant>> second = new HashMap<>();
        for (RbacEngine.SubjectAccess s : engine.whoCan(b)) {
            second.put(s.subject(), s.via());
        }
        List<Reader> l = new ArrayList<>();
        for (RbacEngine.SubjectAccess s : engine.whoCan(a)) {
            List<Grant> g2 = second.get(s.subject());
            if (g2 != null && !isMastersOnly(s)) {
                List<Grant> via = new ArrayList<>(s.via());
                via.addAll(g2);
                l.add(new Reader(s.subject(), false, how, via));
            }
        }
        return l;
    }

    private volatile List<Reader> clusterSteps;
    private volatile java.util.Set<SubjectRef> clusterTargets;

    private java.util.Set<SubjectRef> clusterTargets() {
        if (clusterTargets == null) {
            java.util.Set<SubjectRef> t = new java.util.HashSet<>();
            namespaceDirect("").forEach(r -> t.add(r.subject()));
            clusterTargets = java.util.Set.copyOf(t);
        }
        return clusterTargets;
    }

    private List<Reader> clusterStepReaders() {
        if (clusterSteps == null) {
            clusterSteps = List.copyOf(stepReaders(clusterTargets()));
        }
        return clusterSteps;
    }

    /** One way for {@code actor} to act as {@code target}: kind "token" (mint a token) or "impersonate". */
    private record Step(SubjectRef actor, String kind, SubjectRef target, List<Grant> via) {
    }

    /** Subjects that can become {@code target}: create a token for it (ServiceAccounts) or impersonate it. */
    private List<Step> stepsTo(SubjectRef target) {
        return stepsTo.computeIfAbsent(target, t -> {
            List<Step> l = new ArrayList<>();
            switch (t.kind()) {
                case SubjectRef.SERVICE_ACCOUNT -> {
                    step(l, Request.resource("create", "", "serviceaccounts", "token", t.name(), t.namespace()), "token", t);
                    step(l, Request.resource("impersonate", "", "serviceaccounts", "", t.name(), t.namespace()), "impersonate", t);
                }
                case SubjectRef.USER -> step(l, Request.resource("impersonate", "", "users", "", t.name(), ""), "impersonate", t);
                case SubjectRef.GROUP -> step(l, Request.resource("impersonate", "", "groups", "", t.name(), ""), "impersonate", t);
                default -> { }
            }
            l.removeIf(x -> x.actor().equals(t));
            return List.copyOf(l);
        });
    }

    private void step(List<Step> out, Request r, String kind, SubjectRef target) {
        for (RbacEngine.SubjectAccess s : engine.whoCan(r)) {
            if (!isMastersOnly(s)) {
                out.add(new Step(s.subject(), kind, target, s.via()));
            }
        }
    }

    /** One indirect reader per (actor, kind), naming the readers it can become (first five, then a count). */
    private List<Reader> stepReaders(java.util.Collection<SubjectRef> targets) {
        Map<List<Object>, List<Step>> grouped = new LinkedHashMap<>();
        for (SubjectRef t : targets) {
            for (Step st : stepsTo(t)) {
                grouped.computeIfAbsent(List.of(st.actor(), st.kind()), k -> new ArrayList<>()).add(st);
            }
        }
        List<Reader> out = new ArrayList<>(grouped.size());
        grouped.forEach((k, steps) -> {
            List<String> names = steps.stream().map(x -> x.target().display()).distinct().toList();
            String list = String.join(", ", names.subList(0, Math.min(5, names.size())))
                    + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
            String how = "token".equals(k.get(1))
                    ? "create a token for " + list + ", which can read it"
                    : "impersonate " + list + ", which can read it";
            // grants are shared instances from the engine's cached answers: dedupe by identity (cheap)
            java.util.Set<Grant> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<Grant> via = new ArrayList<>();
            for (Step x : steps) {
                for (Grant g : x.via()) {
                    if (seen.add(g)) {
                        via.add(g);
                    }
                }
            }
            out.add(new Reader((SubjectRef) k.get(0), false, how, via));
        });
        return out;
    }

    private void add(List<Reader> out, Request r, String how, boolean direct) {
        for (RbacEngine.SubjectAccess s : engine.whoCan(r)) {
            if (!direct && isMastersOnly(s)) {
                continue; // system:masters already reads everything directly
            }
            out.add(new Reader(s.subject(), direct, how, s.via()));
        }
    }

    private static boolean isMastersOnly(RbacEngine.SubjectAccess s) {
        return s.via().stream().allMatch(Grant::isMasters);
    }
}
