package dev.kustodian.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one immutable, value-free model of a cluster that every analysis reads. Built by a loader from a live
 * cluster, a snapshot file or the demo cluster: the same type whatever the source. Lists are unmodifiable; the
 * lookup indexes are built once here.
 */
public final class ClusterSnapshot {

    private final SourceInfo source;
    private final List<NamespaceInfo> namespaces;
    private final List<SecretInfo> secrets;
    private final List<ConfigMapInfo> configMaps;
    private final List<WorkloadInfo> workloads;
    private final List<ServiceAccountInfo> serviceAccounts;
    private final List<RoleInfo> roles;
    private final List<BindingInfo> bindings;
    private final List<CrdInfo> crds;
    private final List<ApiResourceInfo> apiResources;
    private final List<NodeInfo> nodes;
    private final List<CustomObjectInfo> customObjects;
    private final List<VisibilityGap> gaps;
    private final List<String> notes;

    private final Map<String, SecretInfo> secretIndex;
    private final Map<String, ServiceAccountInfo> saIndex;
    private final Map<String, RoleInfo> roleIndex;

    private ClusterSnapshot(Builder b) {
        this.source = b.source;
        this.namespaces = List.copyOf(b.namespaces);
        this.secrets = List.copyOf(b.secrets);
        this.configMaps = List.copyOf(b.configMaps);
        this.workloads = List.copyOf(b.workloads);
        this.serviceAccounts = List.copyOf(b.serviceAccounts);
        this.roles = List.copyOf(b.roles);
        this.bindings = List.copyOf(b.bindings);
        this.crds = List.copyOf(b.crds);
        this.apiResources = List.copyOf(b.apiResources);
        this.nodes = List.copyOf(b.nodes);
        this.customObjects = List.copyOf(b.customObjects);
        this.gaps = List.copyOf(b.gaps);
        this.notes = List.copyOf(b.notes);
        this.secretIndex = index(secrets, s -> key(s.meta().namespace(), s.meta().name()));
        this.saIndex = index(serviceAccounts, s -> key(s.meta().namespace(), s.meta().name()));
        this.roleIndex = index(roles, r -> key(r.kind() + ":" + r.meta().namespace(), r.meta().name()));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> m = new HashMap<>(items.size() * 2);
        for (T t : items) {
            m.putIfAbsent(key.apply(t), t);
        }
        return Collections.unmodifiableMap(m);
    }

    private static String key(String ns, String name) {
        return ns + "/" + name;
    }

    public static Builder builder(SourceInfo source) {
        return new Builder(source);
    }

    /** A builder pre-filled with this snapshot's content. */
    public Builder toBuilder() {
        return new Builder(source).addAll(namespaces, secrets, configMaps, workloads, serviceAccounts, roles, bindings,
                crds, apiResources, nodes, customObjects, gaps, notes);
    }

    public SourceInfo source() { return source; }
    public List<NamespaceInfo> namespaces() { return namespaces; }
    public List<SecretInfo> secrets() { return secrets; }
    public List<ConfigMapInfo> configMaps() { return configMaps; }
    /** Pods and workload controllers. */
    public List<WorkloadInfo> workloads() { return workloads; }
    public List<ServiceAccountInfo> serviceAccounts() { return serviceAccounts; }
    /** Roles and ClusterRoles. */
    public List<RoleInfo> roles() { return roles; }
    /** RoleBindings and ClusterRoleBindings. */
    public List<BindingInfo> bindings() { return bindings; }
    public List<CrdInfo> crds() { return crds; }
    public List<ApiResourceInfo> apiResources() { return apiResources; }
    public List<NodeInfo> nodes() { return nodes; }
    public List<CustomObjectInfo> customObjects() { return customObjects; }
    public List<VisibilityGap> gaps() { return gaps; }
    /** Things said while loading: skipped kinds, computed aggregations... */
    public List<String> notes() { return notes; }

    public List<WorkloadInfo> pods() {
        return workloads.stream().filter(WorkloadInfo::isPod).toList();
    }

    public Optional<SecretInfo> secret(String namespace, String name) {
        return Optional.ofNullable(secretIndex.get(key(namespace, name)));
    }

    public Optional<ServiceAccountInfo> serviceAccount(String namespace, String name) {
        return Optional.ofNullable(saIndex.get(key(namespace, name)));
    }

    /** A Role in {@code namespace}, or with namespace "" a ClusterRole. */
    public Optional<RoleInfo> role(String kind, String namespace, String name) {
        String ns = RoleInfo.CLUSTER_ROLE.equals(kind) ? "" : namespace;
        return Optional.ofNullable(roleIndex.get(key(kind + ":" + ns, name)));
    }

    public Optional<CrdInfo> crd(String group, String kind) {
        return crds.stream().filter(c -> c.group().equals(group) && c.kind().equals(kind)).findFirst();
    }

    public List<CustomObjectInfo> customObjects(String group, String kind) {
        return customObjects.stream().filter(o -> o.group().equals(group) && o.kind().equals(kind)).toList();
    }

    /** True when {@code resource} could not be listed (everywhere or in {@code namespace}). */
    public boolean isHidden(String resource, String namespace) {
        for (VisibilityGap g : gaps) {
            if (g.resource().equals(resource) && (g.namespace().isEmpty() || g.namespace().equals(namespace))) {
                return true;
            }
        }
        return false;
    }

    /** Object counts per kind, in a stable order, for summaries. */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Namespace", namespaces.size());
        m.put("Secret", secrets.size());
        m.put("ConfigMap", configMaps.size());
        m.put("Pod", (int) workloads.stream().filter(WorkloadInfo::isPod).count());
        Map<String, Long> controllers = workloads.stream().filter(w -> !w.isPod())
                .collect(Collectors.groupingBy(WorkloadInfo::kind, java.util.TreeMap::new, Collectors.counting()));
        controllers.forEach((k, v) -> m.put(k, v.intValue()));
        m.put("ServiceAccount", serviceAccounts.size());
        m.put("Role", (int) roles.stream().filter(r -> !r.isClusterRole()).count());
        m.put("ClusterRole", (int) roles.stream().filter(RoleInfo::isClusterRole).count());
        m.put("RoleBinding", (int) bindings.stream().filter(b -> !b.isClusterRoleBinding()).count());
        m.put("ClusterRoleBinding", (int) bindings.stream().filter(BindingInfo::isClusterRoleBinding).count());
        m.put("CustomResourceDefinition", crds.size());
        m.put("Node", nodes.size());
        Map<String, Long> custom = customObjects.stream()
                .collect(Collectors.groupingBy(CustomObjectInfo::kind, java.util.TreeMap::new, Collectors.counting()));
        custom.forEach((k, v) -> m.merge(k, v.intValue(), Integer::sum));
        return m;
    }

    /** Mutable builder; not thread-safe (loaders add from one thread or synchronise). */
    public static final class Builder {
        private SourceInfo source;
        public final List<NamespaceInfo> namespaces = new ArrayList<>();
        public final List<SecretInfo> secrets = new ArrayList<>();
        public final List<ConfigMapInfo> configMaps = new ArrayList<>();
        public final List<WorkloadInfo> workloads = new ArrayList<>();
        public final List<ServiceAccountInfo> serviceAccounts = new ArrayList<>();
        public final List<RoleInfo> roles = new ArrayList<>();
        public final List<BindingInfo> bindings = new ArrayList<>();
        public final List<CrdInfo> crds = new ArrayList<>();
        public final List<ApiResourceInfo> apiResources = new ArrayList<>();
        public final List<NodeInfo> nodes = new ArrayList<>();
        public final List<CustomObjectInfo> customObjects = new ArrayList<>();
        public final List<VisibilityGap> gaps = new ArrayList<>();
        public final List<String> notes = new ArrayList<>();

        private Builder(SourceInfo source) {
            this.source = source;
        }

        public Builder source(SourceInfo source) {
            this.source = source;
            return this;
        }

        public SourceInfo source() {
            return source;
        }

        /** Adds the objects of each list (a null list adds none) to the builder's list of that kind. */
        public Builder addAll(List<NamespaceInfo> namespaces, List<SecretInfo> secrets, List<ConfigMapInfo> configMaps,
                              List<WorkloadInfo> workloads, List<ServiceAccountInfo> serviceAccounts,
                              List<RoleInfo> roles, List<BindingInfo> bindings, List<CrdInfo> crds,
                              List<ApiResourceInfo> apiResources, List<NodeInfo> nodes,
                              List<CustomObjectInfo> customObjects, List<VisibilityGap> gaps, List<String> notes) {
            addAll(this.namespaces, namespaces);
            addAll(this.secrets, secrets);
            addAll(this.configMaps, configMaps);
            addAll(this.workloads, workloads);
            addAll(this.serviceAccounts, serviceAccounts);
            addAll(this.roles, roles);
            addAll(this.bindings, bindings);
            addAll(this.crds, crds);
            addAll(this.apiResources, apiResources);
            addAll(this.nodes, nodes);
            addAll(this.customObjects, customObjects);
            addAll(this.gaps, gaps);
            addAll(this.notes, notes);
            return this;
        }

        private static <T> void addAll(List<T> to, List<T> from) {
            if (from != null) {
                to.addAll(from);
            }
        }

        public ClusterSnapshot build() {
            return new ClusterSnapshot(this);
        }
    }
}
