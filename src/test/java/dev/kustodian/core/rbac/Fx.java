package dev.kustodian.core.rbac;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.LabelSelector;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.WorkloadInfo;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Test fixtures: tiny constructors for RBAC objects and snapshots. */
public final class Fx {
    private Fx() {
    }

    public static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs) {
        return PolicyRule.resources(groups, resources, verbs);
    }

    public static PolicyRule rule(String group, String resource, String... verbs) {
        return PolicyRule.resources(List.of(group), List.of(resource), Arrays.asList(verbs));
    }

    public static PolicyRule named(String group, String resource, List<String> names, String... verbs) {
        return new PolicyRule(Arrays.asList(verbs), List.of(group), List.of(resource), names, List.of());
    }

    public static PolicyRule urls(List<String> urls, String... verbs) {
        return new PolicyRule(Arrays.asList(verbs), List.of(), List.of(), List.of(), urls);
    }

    public static RoleInfo clusterRole(String name, PolicyRule... rules) {
        return new RoleInfo(RoleInfo.CLUSTER_ROLE, ObjectMeta.of("", name), List.of(rules), List.of());
    }

    public static RoleInfo clusterRole(String name, Map<String, String> labels, List<LabelSelector> agg, PolicyRule... rules) {
        return new RoleInfo(RoleInfo.CLUSTER_ROLE, new ObjectMeta("", name, null, labels, null, null, null, null),
                List.of(rules), agg);
    }

    public static RoleInfo role(String ns, String name, PolicyRule... rules) {
        return new RoleInfo(RoleInfo.ROLE, ObjectMeta.of(ns, name), List.of(rules), List.of());
    }

    public static BindingInfo.Subject user(String name) {
        return new BindingInfo.Subject("User", name, null, "rbac.authorization.k8s.io");
    }

    public static BindingInfo.Subject group(String name) {
        return new BindingInfo.Subject("Group", name, null, "rbac.authorization.k8s.io");
    }

    public static BindingInfo.Subject sa(String ns, String name) {
        return new BindingInfo.Subject("ServiceAccount", name, ns, "");
    }

    public static BindingInfo crb(String name, String clusterRole, BindingInfo.Subject... subjects) {
        return new BindingInfo(BindingInfo.CLUSTER_ROLE_BINDING, ObjectMeta.of("", name),
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", RoleInfo.CLUSTER_ROLE, clusterRole), List.of(subjects));
    }

    public static BindingInfo rb(String ns, String name, String roleKind, String role, BindingInfo.Subject... subjects) {
        return new BindingInfo(BindingInfo.ROLE_BINDING, ObjectMeta.of(ns, name),
                new BindingInfo.RoleRef("rbac.authorization.k8s.io", roleKind, role), List.of(subjects));
    }

    public static SecretInfo secret(String ns, String name) {
        return new SecretInfo(ObjectMeta.of(ns, name), "Opaque", false, List.of(), null, null, null);
    }

    public static WorkloadInfo podMounting(String ns, String name, String sa, String secret) {
        PodSpecInfo.Volume v = new PodSpecInfo.Volume("creds", "secret", secret, List.of(), false, List.of(), false,
                null, null, null, null);
        PodSpecInfo spec = new PodSpecInfo(sa, null, List.of(), List.of(v), List.of(), List.of(), false, null);
        return new WorkloadInfo("Pod", ObjectMeta.of(ns, name), spec, "Running");
    }

    public static ClusterSnapshot.Builder builder() {
        return ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "test", "", "", Instant.EPOCH, null));
    }

    public static ClusterSnapshot snapshot(List<RoleInfo> roles, List<BindingInfo> bindings) {
        ClusterSnapshot.Builder b = builder();
        b.roles.addAll(roles);
        b.bindings.addAll(bindings);
        return b.build();
    }
}
