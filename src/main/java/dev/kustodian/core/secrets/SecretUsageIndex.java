package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.WorkloadInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The used-by index: for every secret, the workloads and service accounts that use it and how, plus the
 * references that point at secrets or keys that do not exist. A pure function of the snapshot.
 *
 * <p>Pods owned by a controller are folded into the top-most controller found in the snapshot (Pod → ReplicaSet →
 * Deployment, Pod → Job → CronJob); the controller is shown with the number of its pods. When a pod's owner is not
 * in the snapshot the owner reference itself is shown.
 */
public final class SecretUsageIndex {

    private static final String SECRET_KEY_REF = "secretKeyRef";
    private static final String SECRET_REF = "secretRef";

    /** Map key of a secret (no string building per lookup). */
    private record SecretKey(String namespace, String name) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SecretKey k && java.util.Objects.equals(name, k.name)
                    && java.util.Objects.equals(namespace, k.namespace);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(namespace) * 0x01000193 ^ java.util.Objects.hashCode(name);
        }
    }

    private final ClusterSnapshot snapshot;
    private final Map<SecretKey, List<SecretUse>> uses;
    private final List<DanglingRef> dangling;
    private final Map<ObjectRef, Integer> podCounts;
    private final Map<ObjectRef, PodSpecInfo> rootSpecs;
    private final Map<ObjectRef, ObjectRef> roots;

    private SecretUsageIndex(ClusterSnapshot snapshot, Map<SecretKey, List<SecretUse>> uses, List<DanglingRef> dangling,
                             Map<ObjectRef, Integer> podCounts, Map<ObjectRef, PodSpecInfo> rootSpecs,
                             Map<ObjectRef, ObjectRef> roots) {
        this.roots = roots;
        this.snapshot = snapshot;
        this.uses = uses;
        this.dangling = dangling;
        this.podCounts = podCounts;
        this.rootSpecs = rootSpecs;
    }

    /** The index of the context's snapshot, computed once per analysis. */
    public static SecretUsageIndex of(AnalysisContext context) {
        return context.derived(SecretUsageIndex.class, SecretUsageIndex::build);
    }

    /** Uses of secret {@code namespace/name} (empty when unused). */
    public List<SecretUse> usesOf(String namespace, String name) {
        return uses.getOrDefault(new SecretKey(namespace, name), List.of());
    }

    public SecretUsage usage(SecretInfo secret) {
        return new SecretUsage(secret, managedBy(secret), usesOf(secret.namespace(), secret.name()));
    }

    /** Every secret of the snapshot with its usage, in snapshot order. */
    public List<SecretUsage> all() {
        List<SecretUsage> out = new ArrayList<>(snapshot.secrets().size());
        for (SecretInfo s : snapshot.secrets()) {
            out.add(usage(s));
        }
        return out;
    }

    public List<DanglingRef> dangling() {
        return dangling;
    }

    /** Workloads after folding owned pods into their controllers, with the spec used for each. */
    public Map<ObjectRef, PodSpecInfo> workloadRoots() {
        return rootSpecs;
    }

    /** The workload {@code w} is shown as: its top-most controller in the snapshot, or itself. */
    public ObjectRef rootOf(WorkloadInfo w) {
        ObjectRef self = new ObjectRef(w.kind(), w.namespace(), w.name());
        return roots.getOrDefault(self, self);
    }

    /** Pods counted under a workload root (1 for a bare pod, 0 for a controller without pods in the snapshot). */
    public int podCount(ObjectRef root) {
        return podCounts.getOrDefault(root, 0);
    }

    /** Who manages {@code secret}: owners first, then type, then annotations and labels. */
    public static ManagedBy managedBy(SecretInfo secret) {
        ObjectMeta m = secret.meta();
        for (ObjectMeta.OwnerRef o : m.owners()) {
            String group = o.apiVersion() == null ? "" : o.apiVersion();
            if ("ExternalSecret".equals(o.kind()) || "ClusterExternalSecret".equals(o.kind())
                    || group.startsWith("external-secrets.io/")) {
                return ManagedBy.EXTERNAL_SECRET;
            }
            if ("SealedSecret".equals(o.kind())) {
                return ManagedBy.SEALED_SECRET;
            }
            if ("Certificate".equals(o.kind()) && group.startsWith("cert-manager.io/")) {
                return ManagedBy.CERT_MANAGER;
            }
        }
        if (SecretInfo.TYPE_SA_TOKEN.equals(secret.type())) {
            return ManagedBy.SERVICE_ACCOUNT_TOKEN;
        }
        if (m.annotations().containsKey("cert-manager.io/certificate-name")
                || m.annotations().containsKey("cert-manager.io/issuer-name")) {
            return ManagedBy.CERT_MANAGER;
        }
        if (m.annotations().containsKey("reconcile.external-secrets.io/data-hash")
                || m.labels().containsKey("reconcile.external-secrets.io/created-by")) {
            return ManagedBy.EXTERNAL_SECRET;
        }
        if (SecretInfo.TYPE_HELM_RELEASE.equals(secret.type())
                || "helm".equalsIgnoreCase(m.label("owner")) && m.labels().containsKey("name")
                || "Helm".equalsIgnoreCase(m.label("app.kubernetes.io/managed-by"))
                || m.annotations().containsKey("meta.helm.sh/release-name")) {
            return ManagedBy.HELM;
        }
        return ManagedBy.NONE;
    }

    // ----------------------------------------------------------------------------------------------------------

    public static SecretUsageIndex build(ClusterSnapshot snapshot) {
        return new Builder(snapshot).build();
    }

    private static final class Builder {
        private final ClusterSnapshot snap;
        // map keys with equals and hashCode written out: the generated ones are slow until the JIT compiles them

        private record WorkloadKey(String kind, String namespace, String name) {
            @Override
            public boolean equals(Object o) {
                return o instanceof WorkloadKey k && java.util.Objects.equals(name, k.name)
                        && java.util.Objects.equals(namespace, k.namespace) && java.util.Objects.equals(kind, k.kind);
            }

            @Override
            public int hashCode() {
                return (java.util.Objects.hashCode(kind) * 31 + java.util.Objects.hashCode(namespace)) * 0x01000193
                        ^ java.util.Objects.hashCode(name);
            }
        }

        private record UseKey(ObjectRef user, SecretUse.How how, String where) {
            @Override
            public boolean equals(Object o) {
                return o instanceof UseKey k && how == k.how && java.util.Objects.equals(where, k.where) && user.equals(k.user);
            }

            @Override
            public int hashCode() {
                return (user.hashCode() * 31 + how.ordinal()) * 31 + java.util.Objects.hashCode(where);
            }
        }

        private record DanglingKey(ObjectRef user, SecretUse.How how, String where, String secret, String key) {
            @Override
            public boolean equals(Object o) {
                return o instanceof DanglingKey k && how == k.how && java.util.Objects.equals(where, k.where)
                        && java.util.Objects.equals(secret, k.secret)
                        && java.util.Objects.equals(key, k.key) && user.equals(k.user);
            }

            @Override
            public int hashCode() {
                return ((user.hashCode() * 31 + how.ordinal()) * 31 + java.util.Objects.hashCode(where)) * 31
                        + java.util.Objects.hashCode(secret) * 7
                        + java.util.Objects.hashCode(key);
            }
        }

        private final Map<WorkloadKey, WorkloadInfo> workloads;
        private final Map<SecretKey, SecretInfo> secrets;
        /** secret -> (user, how, where -> use under construction) */
        private final Map<SecretKey, Map<UseKey, UseDraft>> drafts = new LinkedHashMap<>();
        private final Map<ObjectRef, Integer> podCounts = new HashMap<>();
        private final Map<ObjectRef, PodSpecInfo> rootSpecs = new LinkedHashMap<>();
        private final Map<DanglingKey, DanglingRef> dangling = new LinkedHashMap<>();
        private final Map<ObjectRef, ObjectRef> roots;
        /** the root of each controller reached from an owner reference (pods of one ReplicaSet share it) */
        private final Map<WorkloadInfo, ObjectRef> controllerRoots = new java.util.IdentityHashMap<>();

        Builder(ClusterSnapshot snap) {
            this.snap = snap;
            workloads = new HashMap<>(snap.workloads().size() * 2);
            roots = new HashMap<>(snap.workloads().size() * 2);
            for (WorkloadInfo w : snap.workloads()) {
                workloads.putIfAbsent(new WorkloadKey(w.kind(), w.namespace(), w.name()), w);
            }
            secrets = new HashMap<>(snap.secrets().size() * 2);
            for (SecretInfo s : snap.secrets()) {
                secrets.put(new SecretKey(s.namespace(), s.name()), s);
            }
        }

        SecretUsageIndex build() {
            for (WorkloadInfo w : snap.workloads()) {
                ObjectRef root = root(w);
                ObjectRef self = ref(w);
                roots.put(self, root);
                if (w.isPod()) {
                    podCounts.merge(root, 1, Integer::sum);
                }
                // the controller's own template wins over a pod's copy of it
                if (!w.isPod() && root.equals(self) || !rootSpecs.containsKey(root)) {
                    if (w.spec() != null) {
                        rootSpecs.put(root, w.spec());
                    }
                }
                if (w.spec() != null) {
                    addSpec(root, w.namespace(), w.spec());
                }
            }
            for (ServiceAccountInfo sa : snap.serviceAccounts()) {
                ObjectRef user = new ObjectRef("ServiceAccount", sa.namespace(), sa.name());
                for (String s : sa.secrets()) {
                    use(sa.namespace(), s, user, SecretUse.How.SERVICE_ACCOUNT, "", List.of());
                }
                for (String s : sa.imagePullSecrets()) {
                    use(sa.namespace(), s, user, SecretUse.How.IMAGE_PULL_SECRET, "", List.of());
                }
            }
            for (SecretInfo s : snap.secrets()) {
                String sa = s.serviceAccountName();
                if (sa == null) {
                    sa = s.meta().annotation("kubernetes.io/service-account.name");
                }
                if (SecretInfo.TYPE_SA_TOKEN.equals(s.type()) && sa != null && !sa.isEmpty()) {
                    use(s.namespace(), s.name(), new ObjectRef("ServiceAccount", s.namespace(), sa),
                            SecretUse.How.SERVICE_ACCOUNT_TOKEN, "", List.of());
                }
            }
            for (CustomObjectInfo o : snap.customObjects()) {
                ObjectRef user = new ObjectRef(o.kind(), o.namespace(), o.name());
                walk(o.spec(), null, o.namespace(), user, 0);
            }
            Map<SecretKey, List<SecretUse>> uses = new HashMap<>(drafts.size() * 2);
            drafts.forEach((secret, m) -> {
                List<SecretUse> list = new ArrayList<>(m.size());
                for (UseDraft d : m.values()) {
                    int pods = d.how == SecretUse.How.SERVICE_ACCOUNT || d.how == SecretUse.How.SERVICE_ACCOUNT_TOKEN
                            || d.how == SecretUse.How.RESOURCE_REFERENCE ? 0 : podCounts.getOrDefault(d.user, 0);
                    list.add(new SecretUse(d.user, d.how, d.where, new ArrayList<>(d.keys), pods));
                }
                uses.put(secret, Collections.unmodifiableList(list));
            });
            // not Map.copyOf: its open-addressing table probes linearly on ObjectRef's polynomial hash codes, whose
            // neighbouring values (pod-1, pod-2...) form long runs: 0.3 s of equals calls for 30,000 pods
            return new SecretUsageIndex(snap, Collections.unmodifiableMap(uses), List.copyOf(dangling.values()),
                    Collections.unmodifiableMap(podCounts), Collections.unmodifiableMap(rootSpecs),
                    Collections.unmodifiableMap(roots));
        }

        private static ObjectRef ref(WorkloadInfo w) {
            return new ObjectRef(w.kind(), w.namespace(), w.name());
        }

        /** Follows controlling owner references through the workloads of the snapshot. */
        private ObjectRef root(WorkloadInfo w) {
            ObjectMeta.OwnerRef owner = controller(w);
            if (owner == null) {
                return ref(w);
            }
            WorkloadInfo next = workloads.get(new WorkloadKey(owner.kind(), w.namespace(), owner.name()));
            if (next == null) {
                // the owner is not a workload we know (not listed, or e.g. a custom controller)
                return new ObjectRef(owner.kind(), w.namespace(), owner.name());
            }
            return controllerRoots.computeIfAbsent(next, this::walk);
        }

        private ObjectRef walk(WorkloadInfo w) {
            WorkloadInfo cur = w;
            for (int depth = 0; depth < 8; depth++) {
                ObjectMeta.OwnerRef owner = controller(cur);
                if (owner == null) {
                    return ref(cur);
                }
                WorkloadInfo next = workloads.get(new WorkloadKey(owner.kind(), cur.namespace(), owner.name()));
                if (next == null) {
                    return new ObjectRef(owner.kind(), cur.namespace(), owner.name());
                }
                cur = next;
            }
            return ref(cur);
        }

        private static ObjectMeta.OwnerRef controller(WorkloadInfo w) {
            for (ObjectMeta.OwnerRef o : w.meta().owners()) {
                if (o.controller()) {
                    return o;
                }
            }
            return null;
        }

        /**
         * One reference from a pod spec to a secret. {@code detail} is the env var name for env references (the
         * dangling-reference report names it).
         */
        private record Ref(SecretUse.How how, String where, String detail, String secret, List<String> keys,
                           boolean optional, boolean blocksStart) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Ref r && how == r.how && optional == r.optional && blocksStart == r.blocksStart
                        && java.util.Objects.equals(secret, r.secret) && java.util.Objects.equals(where, r.where)
                        && java.util.Objects.equals(detail, r.detail) && keys.equals(r.keys);
            }

            @Override
            public int hashCode() {
                return how.ordinal() * 31 + java.util.Objects.hashCode(secret);
            }
        }

        /** The secret references last recorded for each workload root. */
        private final Map<ObjectRef, List<Ref>> lastRefs = new HashMap<>();

        private void addSpec(ObjectRef root, String ns, PodSpecInfo spec) {
            List<Ref> refs = refs(spec);
            // The pods of a controller usually refer to the same secrets as each other and as the template: the
            // same references under the same root add nothing, so they are recorded once.
            if (refs.equals(lastRefs.put(root, refs))) {
                return;
            }
            for (Ref r : refs) {
                use(ns, r.secret(), root, r.how(), r.where(), r.keys());
                check(root, r.how(), r.detail() == null ? r.where() : r.where() + " env " + r.detail(), ns,
                        r.secret(), r.keys(), r.optional(), r.blocksStart());
            }
        }

        private static List<Ref> refs(PodSpecInfo spec) {
            List<Ref> out = new ArrayList<>(4);
            for (PodSpecInfo.Container c : spec.containers()) {
                for (PodSpecInfo.EnvVar e : c.env()) {
                    if (SECRET_KEY_REF.equals(e.source()) && e.refName() != null) {
                        List<String> keys = e.refKey() == null ? List.of() : List.of(e.refKey());
                        out.add(new Ref(SecretUse.How.ENV, c.name(), e.name(), e.refName(), keys, e.optional(), true));
                    }
                }
                for (PodSpecInfo.EnvFrom e : c.envFrom()) {
                    if (SECRET_REF.equals(e.source()) && e.refName() != null) {
                        out.add(new Ref(SecretUse.How.ENV_FROM, c.name(), null, e.refName(), List.of(), e.optional(),
                                true));
                    }
                }
            }
            for (PodSpecInfo.Volume v : spec.volumes()) {
                if ("secret".equals(v.kind()) && v.secretName() != null) {
                    out.add(new Ref(SecretUse.How.VOLUME, v.name(), null, v.secretName(), v.items(), v.optional(),
                            true));
                } else if ("projected".equals(v.kind())) {
                    for (PodSpecInfo.ProjectedSecret p : v.projectedSecrets()) {
                        if (p.secretName() != null) {
                            out.add(new Ref(SecretUse.How.PROJECTED_VOLUME, v.name(), null, p.secretName(), p.items(),
                                    p.optional(), true));
                        }
                    }
                }
                // CSI volumes (Secrets Store CSI) read an external store: not a use of a Kubernetes Secret
            }
            for (String s : spec.imagePullSecrets()) {
                out.add(new Ref(SecretUse.How.IMAGE_PULL_SECRET, "", null, s, List.of(), false, false));
            }
            return out;
        }

        /**
         * Finds secret references in a custom object's spec (ESO SecretStore auth {@code secretRef}, cert-manager
         * issuers' {@code privateKeySecretRef}, {@code spec.secretName}...): a map under a key containing "secret"
         * with a {@code name} (and optional {@code namespace}), or a string under a key ending in "secretName".
         */
        @SuppressWarnings("unchecked")
        private void walk(Object node, String key, String ns, ObjectRef user, int depth) {
            if (depth > 12 || node == null) {
                return;
            }
            String k = key == null ? "" : key.toLowerCase(java.util.Locale.ROOT);
            if (node instanceof Map<?, ?> map) {
                if (k.contains("secret") && map.get("name") instanceof String name && !name.isEmpty()) {
                    Object refNs = map.get("namespace");
                    String target = refNs instanceof String s && !s.isEmpty() ? s : ns;
                    if (!target.isEmpty()) {
                        use(target, name, user, SecretUse.How.RESOURCE_REFERENCE, key, List.of());
                    }
                }
                for (Map.Entry<?, ?> e : ((Map<Object, Object>) map).entrySet()) {
                    walk(e.getValue(), String.valueOf(e.getKey()), ns, user, depth + 1);
                }
            } else if (node instanceof List<?> list) {
                for (Object o : list) {
                    walk(o, key, ns, user, depth + 1);
                }
            } else if (node instanceof String s && k.endsWith("secretname") && !s.isEmpty() && !ns.isEmpty()) {
                use(ns, s, user, SecretUse.How.RESOURCE_REFERENCE, key, List.of());
            }
        }

        private void use(String ns, String secret, ObjectRef user, SecretUse.How how, String where,
                         List<String> keys) {
            UseDraft d = drafts.computeIfAbsent(new SecretKey(ns, secret), k -> new LinkedHashMap<>())
                    .computeIfAbsent(new UseKey(user, how, where), k -> new UseDraft(user, how, where));
            if (!keys.isEmpty()) {
                d.keys.addAll(keys);
            }
        }

        private void check(ObjectRef user, SecretUse.How how, String where, String ns, String secret,
                           List<String> keys, boolean optional, boolean blocksStart) {
            if (optional || snap.isHidden("secrets", ns)) {
                return;
            }
            SecretInfo present = secrets.get(new SecretKey(ns, secret));
            if (present == null) {
                dangling.putIfAbsent(new DanglingKey(user, how, where, secret, null),
                        new DanglingRef(user, how, where, ns, secret, null, blocksStart));
                return;
            }
            for (String k : present.valuesKnown() ? keys : List.<String>of()) { // metadata only: keys unknown
                if (!hasKey(present, k)) {
                    dangling.putIfAbsent(new DanglingKey(user, how, where, secret, k),
                            new DanglingRef(user, how, where, ns, secret, k, blocksStart));
                }
            }
        }
    }

    private static boolean hasKey(SecretInfo s, String key) {
        for (SecretInfo.SecretKeyInfo k : s.keys()) {
            if (k.name().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static final class UseDraft {
        final ObjectRef user;
        final SecretUse.How how;
        final String where;
        final Set<String> keys = new TreeSet<>();

        UseDraft(ObjectRef user, SecretUse.How how, String where) {
            this.user = user;
            this.how = how;
            this.where = where;
        }
    }
}
