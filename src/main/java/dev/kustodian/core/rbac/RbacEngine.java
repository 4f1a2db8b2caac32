package dev.kustodian.core.rbac;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kube-apiserver RBAC authorizer over one snapshot, indexed once. Allow iff any rule of any role reachable from
 * any applicable binding whose subjects match allows the request; members of {@code system:masters} are allowed
 * everything (their own path). ClusterRoleBindings always apply; RoleBindings only to requests in their namespace;
 * cluster-scope requests (namespace "") see only ClusterRoleBindings. A binding to a missing role grants nothing and
 * is listed in {@link #danglingBindings()}. Thread-safe and immutable after construction.
 */
public final class RbacEngine {

    /** A binding resolved to its role's effective rules. */
    public record Bound(BindingInfo binding, String bindingRef, String roleRef, List<PolicyRule> rules, boolean roleFound) {
        public String namespace() {
            return binding.isClusterRoleBinding() ? "" : binding.meta().namespace();
        }
    }

    /** A subject allowed by who-can, with every path (one per binding, with the first allowing rule). */
    public record SubjectAccess(SubjectRef subject, List<Grant> via) {
    }

    /** The answer to can-i: allowed and, when asked for, every path that allows it. */
    public record Decision(boolean allowed, List<Grant> paths) {
    }

    /** One effective rule of an identity, with the binding and role it comes from. */
    public record EffectiveRule(PolicyRule rule, String binding, String role, String namespace) {
    }

    private final ClusterSnapshot snapshot;
    private final Aggregation.Result aggregation;
    private final Map<String, List<PolicyRule>> rulesByRole = new HashMap<>();
    private final List<Bound> clusterBindings = new ArrayList<>();
    private final Map<String, List<Bound>> roleBindingsByNs = new HashMap<>();
    private final Map<String, List<Bound>> crbByUser = new HashMap<>();
    private final Map<String, List<Bound>> crbByGroup = new HashMap<>();
    private final Map<String, List<Bound>> rbByUser = new HashMap<>();
    private final Map<String, List<Bound>> rbByGroup = new HashMap<>();
    private final List<Bound> all = new ArrayList<>();
    /** Found bindings by the user name they grant to (User subjects, ServiceAccount subjects as their user), any namespace. */
    private final Map<String, List<Bound>> allByUser = new HashMap<>();
    private final List<String> dangling = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<Request, List<SubjectAccess>> clusterPartMemo = new ConcurrentHashMap<>();
    /** Every name listed in any rule's resourceNames: for other names a request behaves like one without a name. */
    private final Set<String> listedNames = new java.util.HashSet<>();

    /** Engines built in this process (every build indexes every role and binding: one per load is the goal). */
    private static final java.util.concurrent.atomic.AtomicLong BUILDS = new java.util.concurrent.atomic.AtomicLong();

    private RbacEngine(ClusterSnapshot snapshot) {
        BUILDS.incrementAndGet();
        this.snapshot = snapshot;
        this.aggregation = Aggregation.compute(snapshot.roles());
        for (RoleInfo r : snapshot.roles()) {
            List<PolicyRule> rules = r.isClusterRole() ? aggregation.rules().getOrDefault(r.name(), r.rules()) : r.rules();
            rulesByRole.putIfAbsent(r.ref(), rules);
        }
        notes.addAll(aggregation.notes());
        rulesByRole.values().forEach(l -> l.forEach(r -> listedNames.addAll(r.resourceNames())));
        for (BindingInfo b : snapshot.bindings()) {
            String roleRef = roleRefOf(b);
            List<PolicyRule> rules = roleRef == null ? null : rulesByRole.get(roleRef);
            boolean found = rules != null;
            if (!found) {
                String target = roleRef != null ? roleRef : b.roleRef().kind() + "/" + b.roleRef().name();
                dangling.add(b.ref() + " refers to " + target + (roleRef == null
                        ? ", which a ClusterRoleBinding cannot reference: it grants nothing."
                        : ", which does not exist: it grants nothing."));
            }
            Bound bound = new Bound(b, b.ref(), roleRef == null ? b.roleRef().kind() + "/" + b.roleRef().name() : roleRef,
                    found ? rules : List.of(), found);
            all.add(bound);
            String ns = bound.namespace();
            if (b.isClusterRoleBinding()) {
                clusterBindings.add(bound);
            } else {
                roleBindingsByNs.computeIfAbsent(ns, k -> new ArrayList<>()).add(bound);
            }
            if (!found) {
                continue;
            }
            for (BindingInfo.Subject s : b.subjects()) {
                switch (s.kind()) {
                    case "User" -> {
                        add(b.isClusterRoleBinding() ? crbByUser : rbByUser, key(ns, s.name()), bound);
                        add(allByUser, s.name(), bound);
                    }
                    case "Group" -> add(b.isClusterRoleBinding() ? crbByGroup : rbByGroup, key(ns, s.name()), bound);
                    case "ServiceAccount" -> {
                        String user = RbacMatch.serviceAccountUser(s, ns);
                        if (user != null) {
                            add(b.isClusterRoleBinding() ? crbByUser : rbByUser, key(ns, user), bound);
                            add(allByUser, user, bound);
                        }
                    }
                    default -> { }
                }
            }
        }
        notes.addAll(dangling);
    }

    private static String roleRefOf(BindingInfo b) {
        if (RoleInfo.CLUSTER_ROLE.equals(b.roleRef().kind())) {
            return "ClusterRole/" + b.roleRef().name();
        }
        if (RoleInfo.ROLE.equals(b.roleRef().kind()) && !b.isClusterRoleBinding()) {
            return "Role/" + b.meta().namespace() + "/" + b.roleRef().name();
        }
        return null;
    }

    private static String key(String ns, String name) {
        return ns + "\n" + name;
    }

    private static void add(Map<String, List<Bound>> m, String k, Bound b) {
        List<Bound> l = m.computeIfAbsent(k, x -> new ArrayList<>(2));
        if (l.isEmpty() || l.get(l.size() - 1) != b) {
            l.add(b);
        }
    }

    /**
     * A new engine over {@code snapshot}. For the loaded snapshot use the analysis's engine instead
     * ({@code Analysis.rbac()}); this is for snapshots of one's own (e.g. with a generated role overlaid).
     */
    public static RbacEngine of(ClusterSnapshot snapshot) {
        return new RbacEngine(snapshot);
    }

    /** How many engines this process has built so far (tests assert one build per load). */
    public static long builds() {
        return BUILDS.get();
    }

    /** The engine of this analysis, built once and shared by every rule and view. */
    public static RbacEngine of(AnalysisContext context) {
        return context.derived(RbacEngine.class, RbacEngine::new);
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    /** Computed aggregations and dangling bindings, one sentence each. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Bindings whose role does not exist (or a ClusterRoleBinding to a Role): they grant nothing. */
    public List<String> danglingBindings() {
        return Collections.unmodifiableList(dangling);
    }

    /** ClusterRoles whose rules were computed from their aggregationRule. */
    public Set<String> computedAggregations() {
        return aggregation.computed();
    }

    /** Effective rules of a role by ref ({@code ClusterRole/NAME}, {@code Role/NS/NAME}); empty when missing. */
    public List<PolicyRule> rulesOf(String roleRef) {
        return rulesByRole.getOrDefault(roleRef, List.of());
    }

    public boolean roleExists(String roleRef) {
        return rulesByRole.containsKey(roleRef);
    }

    /** Every binding, resolved. */
    public List<Bound> bindings() {
        return Collections.unmodifiableList(all);
    }

    // ---------------------------------------------------------------- can-i

    /** Fast yes/no. */
    public boolean allows(Identity id, Request r) {
        if (id.isMaster()) {
            return true;
        }
        if (anyAllows(crbByUser.get(key("", id.user())), r)) {
            return true;
        }
        for (String g : id.groups()) {
            if (anyAllows(crbByGroup.get(key("", g)), r)) {
                return true;
            }
        }
        if (!r.isResourceRequest() || r.namespace().isEmpty()) {
            return false;
        }
        if (anyAllows(rbByUser.get(key(r.namespace(), id.user())), r)) {
            return true;
        }
        for (String g : id.groups()) {
            if (anyAllows(rbByGroup.get(key(r.namespace(), g)), r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyAllows(List<Bound> bounds, Request r) {
        if (bounds == null) {
            return false;
        }
        for (Bound b : bounds) {
            if (RbacMatch.anyRuleAllows(b.rules(), r)) {
                return true;
            }
        }
        return false;
    }

    /** can-i with explanation: every path (system:masters first, then binding → role → rule). */
    public Decision explain(Identity id, Request r) {
        List<Grant> paths = new ArrayList<>();
        if (id.isMaster()) {
            paths.add(Grant.masters());
        }
        for (Bound b : boundsOf(id, r.isResourceRequest() ? r.namespace() : "")) {
            for (PolicyRule rule : b.rules()) {
                if (RbacMatch.ruleAllows(rule, r)) {
                    paths.add(new Grant(b.bindingRef(), b.roleRef(), rule));
                }
            }
        }
        return new Decision(!paths.isEmpty(), List.copyOf(paths));
    }

    /** The bindings that apply to this identity in {@code namespace} ("" = ClusterRoleBindings only), deduplicated. */
    public List<Bound> boundsOf(Identity id, String namespace) {
        Map<Bound, Boolean> seen = new IdentityHashMap<>();
        List<Bound> out = new ArrayList<>();
        addAll(out, seen, crbByUser.get(key("", id.user())));
        for (String g : id.groups()) {
            addAll(out, seen, crbByGroup.get(key("", g)));
        }
        if (namespace != null && !namespace.isEmpty()) {
            addAll(out, seen, rbByUser.get(key(namespace, id.user())));
            for (String g : id.groups()) {
                addAll(out, seen, rbByGroup.get(key(namespace, g)));
            }
        }
        return out;
    }

    /** Every binding that applies to this identity in any namespace (all its RoleBindings and ClusterRoleBindings). */
    public List<Bound> allBoundsOf(Identity id) {
        if (id.groups().isEmpty()) {
            // only User and ServiceAccount subjects can match: the index has them, in binding order
            return id.user() == null || id.user().isEmpty() ? new ArrayList<>()
                    : new ArrayList<>(allByUser.getOrDefault(id.user(), List.of()));
        }
        List<Bound> out = new ArrayList<>();
        for (Bound b : all) {
            if (!b.roleFound()) {
                continue;
            }
            for (BindingInfo.Subject s : b.binding().subjects()) {
                if (RbacMatch.subjectMatches(s, b.namespace(), id)) {
                    out.add(b);
                    break;
                }
            }
        }
        return out;
    }

    private static void addAll(List<Bound> out, Map<Bound, Boolean> seen, List<Bound> l) {
        if (l == null) {
            return;
        }
        for (Bound b : l) {
            if (seen.put(b, Boolean.TRUE) == null) {
                out.add(b);
            }
        }
    }

    // ---------------------------------------------------------------- who-can

    /**
     * Every subject allowed, sorted (kind, namespace, name), each with all its paths. Group {@code system:masters}
     * is always listed with the apiserver's own path. A Group subject stands for its members.
     */
    public List<SubjectAccess> whoCan(Request r) {
        List<SubjectAccess> cluster = clusterPart(r);
        if (!r.isResourceRequest() || r.namespace().isEmpty()) {
            return cluster;
        }
        List<Bound> rbs = roleBindingsByNs.get(r.namespace());
        if (rbs == null) {
            return cluster;
        }
        Map<SubjectRef, List<Grant>> local = new TreeMap<>();
        collect(rbs, r, local, new HashMap<>());
        if (local.isEmpty()) {
            return cluster;
        }
        // merge two sorted lists
        List<SubjectAccess> out = new ArrayList<>(cluster.size() + local.size());
        var it = local.entrySet().iterator();
        Map.Entry<SubjectRef, List<Grant>> next = it.next();
        for (SubjectAccess c : cluster) {
            while (next != null && next.getKey().compareTo(c.subject()) < 0) {
                out.add(new SubjectAccess(next.getKey(), List.copyOf(next.getValue())));
                next = it.hasNext() ? it.next() : null;
            }
            if (next != null && next.getKey().equals(c.subject())) {
                List<Grant> g = new ArrayList<>(c.via());
                g.addAll(next.getValue());
                out.add(new SubjectAccess(c.subject(), List.copyOf(g)));
                next = it.hasNext() ? it.next() : null;
            } else {
                out.add(c);
            }
        }
        while (next != null) {
            out.add(new SubjectAccess(next.getKey(), List.copyOf(next.getValue())));
            next = it.hasNext() ? it.next() : null;
        }
        return out;
    }

    /** The ClusterRoleBinding part of who-can (independent of the namespace), memoised per request. */
    private List<SubjectAccess> clusterPart(Request r) {
        Request k = r.withNamespace("");
        if (!k.name().isEmpty() && !listedNames.contains(k.name())) {
            // no rule lists this name: every rule allows it exactly when it allows the nameless request
            k = k.withName("");
        }
        List<SubjectAccess> cached = clusterPartMemo.get(k);
        if (cached != null) {
            return cached;
        }
        Map<SubjectRef, List<Grant>> m = new TreeMap<>();
        m.put(SubjectRef.group(Identity.MASTERS), new ArrayList<>(List.of(Grant.masters())));
        collect(clusterBindings, k, m, new HashMap<>());
        List<SubjectAccess> out = new ArrayList<>(m.size());
        m.forEach((s, g) -> out.add(new SubjectAccess(s, List.copyOf(g))));
        List<SubjectAccess> result = Collections.unmodifiableList(out);
        if (clusterPartMemo.size() < 50_000) {
            clusterPartMemo.put(k, result);
        }
        return result;
    }

    private void collect(List<Bound> bounds, Request r, Map<SubjectRef, List<Grant>> out,
                         Map<String, PolicyRule> roleMemo) {
        for (Bound b : bounds) {
            if (!b.roleFound() || b.binding().subjects().isEmpty()) {
                continue;
            }
            PolicyRule allowing = roleMemo.computeIfAbsent(b.roleRef(), k -> firstAllowing(b.rules(), r));
            if (allowing == NONE) {
                continue;
            }
            Grant g = new Grant(b.bindingRef(), b.roleRef(), allowing);
            for (BindingInfo.Subject s : b.binding().subjects()) {
                SubjectRef ref = SubjectRef.of(s, b.namespace());
                if (ref == null) {
                    continue;
                }
                List<Grant> l = out.computeIfAbsent(ref, x -> new ArrayList<>(1));
                if (l.isEmpty() || !l.get(l.size() - 1).equals(g)) {
                    l.add(g);
                }
            }
        }
    }

    private static final PolicyRule NONE = new PolicyRule(List.of(), List.of(), List.of(), List.of(), List.of());

    private static PolicyRule firstAllowing(List<PolicyRule> rules, Request r) {
        for (PolicyRule rule : rules) {
            if (RbacMatch.ruleAllows(rule, r)) {
                return rule;
            }
        }
        return NONE;
    }

    // ---------------------------------------------------------------- effective rules and matrix

    /** Like {@code kubectl auth can-i --list}: the rules that apply to the identity in {@code namespace}. */
    public List<EffectiveRule> rulesFor(Identity id, String namespace) {
        List<EffectiveRule> out = new ArrayList<>();
        for (Bound b : boundsOf(id, namespace)) {
            for (PolicyRule rule : b.rules()) {
                out.add(new EffectiveRule(rule, b.bindingRef(), b.roleRef(), b.namespace()));
            }
        }
        return out;
    }

    public static final List<String> MATRIX_VERBS =
            List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

    /** A resource row of the matrix: {@code group} "" for core, {@code resource} may be {@code res/sub}. */
    public record Resource(String group, String resource) {
        public String display() {
            return group.isEmpty() ? resource : resource + "." + group;
        }
    }

    /** verbs × resources, like rakkess. {@code resources} null or empty: the snapshot's discovery, else a default list. */
    public Map<Resource, Map<String, Boolean>> matrix(Identity id, String namespace, List<Resource> resources) {
        List<Resource> rows = resources == null || resources.isEmpty() ? defaultResources(namespace) : resources;
        Map<Resource, Map<String, Boolean>> out = new LinkedHashMap<>();
        for (Resource res : rows) {
            String[] rs = res.resource().split("/", 2);
            Map<String, Boolean> row = new LinkedHashMap<>();
            for (String v : MATRIX_VERBS) {
                row.put(v, allows(id, Request.resource(v, res.group(), rs[0], rs.length > 1 ? rs[1] : "", "", namespace)));
            }
            out.put(res, row);
        }
        return out;
    }

    private List<Resource> defaultResources(String namespace) {
        boolean ns = namespace != null && !namespace.isEmpty();
        List<Resource> l = new ArrayList<>();
        if (!snapshot.apiResources().isEmpty()) {
            snapshot.apiResources().stream()
                    .filter(a -> !a.isSubresource() && (!ns || a.namespaced()))
                    .map(a -> new Resource(a.group(), a.resource()))
                    .distinct()
                    .sorted((a, b) -> a.display().compareTo(b.display()))
                    .forEach(l::add);
            return l;
        }
        addResources(l, "", "configmaps", "endpoints", "events", "persistentvolumeclaims", "pods", "pods/exec",
                "secrets", "serviceaccounts", "serviceaccounts/token", "services");
        addResources(l, "apps", "daemonsets", "deployments", "statefulsets");
        addResources(l, "batch", "cronjobs", "jobs");
        addResources(l, "networking.k8s.io", "ingresses");
        addResources(l, "rbac.authorization.k8s.io", "rolebindings", "roles");
        if (!ns) {
            addResources(l, "", "namespaces", "nodes", "nodes/proxy", "persistentvolumes");
            addResources(l, "rbac.authorization.k8s.io", "clusterrolebindings", "clusterroles");
        }
        return l;
    }

    private static void addResources(List<Resource> l, String group, String... resources) {
        for (String r : resources) {
            l.add(new Resource(group, r));
        }
    }

    /** Drops the memo of ClusterRoleBinding answers (for benchmarks measuring uncached who-can). */
    void clearCache() {
        clusterPartMemo.clear();
    }

    /** Namespaces that have RoleBindings. */
    public Set<String> namespacesWithRoleBindings() {
        return Collections.unmodifiableSet(roleBindingsByNs.keySet());
    }
}
