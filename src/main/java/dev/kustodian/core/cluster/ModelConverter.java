package dev.kustodian.core.cluster;

import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ConfigMapInfo;
import dev.kustodian.core.model.CrdInfo;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.LabelSelector;
import dev.kustodian.core.model.LeakHint;
import dev.kustodian.core.model.NamespaceInfo;
import dev.kustodian.core.model.NodeInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.WorkloadInfo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.AggregationRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts fabric8 objects (from a live list page or a parsed snapshot file) into the value-free model through
 * {@link RawModelConverter}'s rules (one set of rules for both), deriving
 * secret facts (sizes, keyed fingerprints, TLS/dockerconfig facts) and leak hints, then dropping values.
 * One instance per load: it holds the random fingerprint key of that load, which is never exposed. Thread-safe.
 */
public final class ModelConverter {

    static final String LAST_APPLIED = RawModelConverter.LAST_APPLIED;

    /** API groups of custom resources the analyses read (secret managers, certificates). */
    public static final Set<String> ANALYSED_GROUPS = RawModelConverter.ANALYSED_GROUPS;

    private final RawModelConverter raw;

    public ModelConverter() {
        this.raw = new RawModelConverter();
    }

    /** The converter of parsed JSON/YAML with this load's fingerprint key (streamed list pages go through it). */
    RawModelConverter raw() {
        return raw;
    }

    /** With the given fingerprint key (wiped): tests compare this converter's records with another's. */
    ModelConverter(byte[] key) {
        this.raw = new RawModelConverter(key);
    }

    /**
     * Converts {@code object} and adds it to {@code builder} (synchronised on the builder). Returns false for kinds
     * the model does not keep.
     */
    public boolean add(HasMetadata object, ClusterSnapshot.Builder builder) {
        Object m = convert(object);
        if (m == null) {
            return false;
        }
        RawModelConverter.addTo(m, builder);
        return true;
    }

    /** The model record for {@code o}, or null when the model does not keep this kind. */
    public Object convert(HasMetadata o) {
        if (o instanceof Secret s) {
            return secret(s);
        } else if (o instanceof ConfigMap c) {
            return configMap(c);
        } else if (o instanceof Pod p) {
            String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
            return workload("Pod", p, p.getSpec(), phase);
        } else if (o instanceof Deployment d) {
            return controller("Deployment", d, d.getSpec() == null ? null : d.getSpec().getTemplate());
        } else if (o instanceof StatefulSet d) {
            return controller("StatefulSet", d, d.getSpec() == null ? null : d.getSpec().getTemplate());
        } else if (o instanceof DaemonSet d) {
            return controller("DaemonSet", d, d.getSpec() == null ? null : d.getSpec().getTemplate());
        } else if (o instanceof ReplicaSet d) {
            return controller("ReplicaSet", d, d.getSpec() == null ? null : d.getSpec().getTemplate());
        } else if (o instanceof ReplicationController d) {
            return controller("ReplicationController", d, d.getSpec() == null ? null : d.getSpec().getTemplate());
        } else if (o instanceof Job d) {
            return controller("Job", d, d.getSpec() == null ? null : d.getSpec().getTemplate());
        } else if (o instanceof CronJob d) {
            PodTemplateSpec t = d.getSpec() == null || d.getSpec().getJobTemplate() == null
                    || d.getSpec().getJobTemplate().getSpec() == null ? null
                    : d.getSpec().getJobTemplate().getSpec().getTemplate();
            return controller("CronJob", d, t);
        } else if (o instanceof Namespace n) {
            return new NamespaceInfo(meta(n, null), n.getStatus() == null ? "Active" : n.getStatus().getPhase());
        } else if (o instanceof ServiceAccount sa) {
            return new ServiceAccountInfo(meta(sa, null), sa.getAutomountServiceAccountToken(),
                    names(sa.getSecrets() == null ? List.of()
                            : sa.getSecrets().stream().map(ObjectReference::getName).toList()),
                    localRefs(sa.getImagePullSecrets()));
        } else if (o instanceof Role r) {
            return new RoleInfo(RoleInfo.ROLE, meta(r, null), rules(r.getRules()), List.of());
        } else if (o instanceof ClusterRole r) {
            return new RoleInfo(RoleInfo.CLUSTER_ROLE, meta(r, null), rules(r.getRules()),
                    aggregation(r.getAggregationRule()));
        } else if (o instanceof RoleBinding b) {
            return new BindingInfo(BindingInfo.ROLE_BINDING, meta(b, null), roleRef(b.getRoleRef()),
                    subjects(b.getSubjects()));
        } else if (o instanceof ClusterRoleBinding b) {
            return new BindingInfo(BindingInfo.CLUSTER_ROLE_BINDING, meta(b, null), roleRef(b.getRoleRef()),
                    subjects(b.getSubjects()));
        } else if (o instanceof CustomResourceDefinition crd) {
            return crd(crd);
        } else if (o instanceof Node n) {
            return new NodeInfo(meta(n, null), n.getSpec() == null ? null : n.getSpec().getProviderID(),
                    n.getStatus() == null || n.getStatus().getNodeInfo() == null ? null
                            : n.getStatus().getNodeInfo().getKubeletVersion(),
                    n.getStatus() == null || n.getStatus().getNodeInfo() == null ? null
                            : n.getStatus().getNodeInfo().getOsImage());
        } else if (o instanceof GenericKubernetesResource g && isAnalysedGroup(g.getApiVersion())) {
            return custom(g);
        }
        return null;
    }

    // ---------------------------------------------------------------- metadata

    private ObjectMeta meta(HasMetadata o, List<LeakHint> leaks) {
        io.fabric8.kubernetes.api.model.ObjectMeta m = o.getMetadata();
        if (m == null) {
            return ObjectMeta.of("", "");
        }
        List<String> managedTimes = new ArrayList<>();
        if (m.getManagedFields() != null) {
            for (ManagedFieldsEntry f : m.getManagedFields()) {
                managedTimes.add(f.getTime());
            }
        }
        List<ObjectMeta.OwnerRef> owners = new ArrayList<>();
        if (m.getOwnerReferences() != null) {
            for (OwnerReference r : m.getOwnerReferences()) {
                owners.add(new ObjectMeta.OwnerRef(r.getApiVersion(), r.getKind(), r.getName(),
                        Boolean.TRUE.equals(r.getController())));
            }
        }
        return RawModelConverter.meta(m.getNamespace(), m.getName(), m.getUid(), m.getLabels(), m.getAnnotations(),
                m.getCreationTimestamp(), managedTimes, owners, leaks);
    }

    static Instant instant(String s) {
        return RawModelConverter.instant(s);
    }

    // ---------------------------------------------------------------- secrets

    private SecretInfo secret(Secret s) {
        Map<String, byte[]> values = new TreeMap<>();
        if (s.getData() != null) {
            for (Map.Entry<String, String> e : s.getData().entrySet()) {
                values.put(e.getKey(), RawModelConverter.decode(e.getValue()));
            }
        }
        if (s.getStringData() != null) {
            for (Map.Entry<String, String> e : s.getStringData().entrySet()) {
                values.put(e.getKey(), e.getValue() == null ? new byte[0]
                        : e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        String sa = s.getMetadata() != null && s.getMetadata().getAnnotations() != null
                ? s.getMetadata().getAnnotations().get("kubernetes.io/service-account.name") : null;
        return raw.secret(meta(s, null), s.getType(), s.getImmutable(), values, sa);
    }

    // ---------------------------------------------------------------- configmaps

    private ConfigMapInfo configMap(ConfigMap c) {
        List<LeakHint> leaks = new ArrayList<>();
        ObjectMeta meta = meta(c, leaks);
        return RawModelConverter.configMap(meta, c.getData(),
                c.getBinaryData() == null ? List.of() : c.getBinaryData().keySet(), leaks);
    }

    // ---------------------------------------------------------------- workloads

    private WorkloadInfo controller(String kind, HasMetadata o, PodTemplateSpec template) {
        List<LeakHint> leaks = new ArrayList<>();
        ObjectMeta meta = meta(o, leaks);
        PodSpec spec = template == null ? null : template.getSpec();
        Map<String, String> templateAnnotations = template == null || template.getMetadata() == null
                || template.getMetadata().getAnnotations() == null ? Map.of() : template.getMetadata().getAnnotations();
        RawModelConverter.templateAnnotationLeaks(templateAnnotations, leaks);
        PodSpecInfo info = podSpec(spec, meta, leaks, "spec.template.spec");
        return new WorkloadInfo(kind, meta, info, null);
    }

    private WorkloadInfo workload(String kind, HasMetadata o, PodSpec spec, String phase) {
        List<LeakHint> leaks = new ArrayList<>();
        ObjectMeta meta = meta(o, leaks);
        return new WorkloadInfo(kind, meta, podSpec(spec, meta, leaks, "spec"), phase);
    }

    private PodSpecInfo podSpec(PodSpec spec, ObjectMeta meta, List<LeakHint> leaks, String path) {
        if (spec == null) {
            return new PodSpecInfo(null, null, List.of(), List.of(), List.of(), leaks, false, null);
        }
        boolean controlPlane = RawModelConverter.controlPlane(meta);
        List<PodSpecInfo.Container> containers = new ArrayList<>();
        addContainers(containers, spec.getInitContainers(), true, controlPlane, leaks, path + ".initContainers");
        addContainers(containers, spec.getContainers(), false, controlPlane, leaks, path + ".containers");
        List<PodSpecInfo.Volume> volumes = new ArrayList<>();
        if (spec.getVolumes() != null) {
            for (Volume v : spec.getVolumes()) {
                volumes.add(volume(v));
            }
        }
        String sa = spec.getServiceAccountName() != null ? spec.getServiceAccountName() : spec.getServiceAccount();
        return new PodSpecInfo(sa, spec.getAutomountServiceAccountToken(), localRefs(spec.getImagePullSecrets()),
                volumes, containers, leaks, Boolean.TRUE.equals(spec.getHostNetwork()), spec.getNodeName());
    }

    private void addContainers(List<PodSpecInfo.Container> out, List<Container> containers, boolean init,
                               boolean keepCommand, List<LeakHint> leaks, String path) {
        if (containers == null) {
            return;
        }
        for (Container c : containers) {
            List<PodSpecInfo.EnvVar> env = new ArrayList<>();
            if (c.getEnv() != null) {
                for (EnvVar e : c.getEnv()) {
                    env.add(envVar(e, c.getName(), leaks, path));
                }
            }
            List<PodSpecInfo.EnvFrom> envFrom = new ArrayList<>();
            if (c.getEnvFrom() != null) {
                for (EnvFromSource f : c.getEnvFrom()) {
                    if (f.getSecretRef() != null) {
                        envFrom.add(new PodSpecInfo.EnvFrom("secretRef", f.getSecretRef().getName(), f.getPrefix(),
                                Boolean.TRUE.equals(f.getSecretRef().getOptional())));
                    } else if (f.getConfigMapRef() != null) {
                        envFrom.add(new PodSpecInfo.EnvFrom("configMapRef", f.getConfigMapRef().getName(),
                                f.getPrefix(), Boolean.TRUE.equals(f.getConfigMapRef().getOptional())));
                    }
                }
            }
            List<PodSpecInfo.VolumeMount> mounts = new ArrayList<>();
            if (c.getVolumeMounts() != null) {
                for (VolumeMount m : c.getVolumeMounts()) {
                    mounts.add(new PodSpecInfo.VolumeMount(m.getName(), m.getMountPath(),
                            Boolean.TRUE.equals(m.getReadOnly())));
                }
            }
            List<String> command = RawModelConverter.commandLine(c.getCommand(), c.getArgs(), keepCommand,
                    c.getName(), leaks, path);
            boolean privileged = c.getSecurityContext() != null
                    && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged());
            out.add(new PodSpecInfo.Container(c.getName(), c.getImage(), init, env, envFrom, mounts, command,
                    privileged));
        }
    }

    private static PodSpecInfo.EnvVar envVar(EnvVar e, String container, List<LeakHint> leaks, String path) {
        if (e.getValueFrom() == null) {
            return RawModelConverter.literalEnvVar(e.getName(), e.getValue(), container, leaks, path);
        }
        var vf = e.getValueFrom();
        if (vf.getSecretKeyRef() != null) {
            return new PodSpecInfo.EnvVar(e.getName(), false, "secretKeyRef", vf.getSecretKeyRef().getName(),
                    vf.getSecretKeyRef().getKey(), Boolean.TRUE.equals(vf.getSecretKeyRef().getOptional()));
        }
        if (vf.getConfigMapKeyRef() != null) {
            return new PodSpecInfo.EnvVar(e.getName(), false, "configMapKeyRef", vf.getConfigMapKeyRef().getName(),
                    vf.getConfigMapKeyRef().getKey(), Boolean.TRUE.equals(vf.getConfigMapKeyRef().getOptional()));
        }
        if (vf.getFieldRef() != null) {
            return new PodSpecInfo.EnvVar(e.getName(), false, "fieldRef", null, vf.getFieldRef().getFieldPath(), false);
        }
        return new PodSpecInfo.EnvVar(e.getName(), false, "resourceFieldRef", null, null, false);
    }

    private static PodSpecInfo.Volume volume(Volume v) {
        if (v.getSecret() != null) {
            List<String> items = v.getSecret().getItems() == null ? List.of()
                    : v.getSecret().getItems().stream().map(i -> i.getKey()).toList();
            return new PodSpecInfo.Volume(v.getName(), "secret", v.getSecret().getSecretName(), items,
                    Boolean.TRUE.equals(v.getSecret().getOptional()), null, false, null, null, null, null);
        }
        if (v.getProjected() != null) {
            List<PodSpecInfo.ProjectedSecret> secrets = new ArrayList<>();
            boolean token = false;
            if (v.getProjected().getSources() != null) {
                for (VolumeProjection p : v.getProjected().getSources()) {
                    if (p.getSecret() != null) {
                        List<String> items = p.getSecret().getItems() == null ? List.of()
                                : p.getSecret().getItems().stream().map(i -> i.getKey()).toList();
                        secrets.add(new PodSpecInfo.ProjectedSecret(p.getSecret().getName(), items,
                                Boolean.TRUE.equals(p.getSecret().getOptional())));
                    }
                    if (p.getServiceAccountToken() != null) {
                        token = true;
                    }
                }
            }
            return new PodSpecInfo.Volume(v.getName(), "projected", null, null, false, secrets, token, null, null,
                    null, null);
        }
        if (v.getCsi() != null) {
            Map<String, String> attrs = v.getCsi().getVolumeAttributes();
            return new PodSpecInfo.Volume(v.getName(), "csi", null, null, false, null, false, v.getCsi().getDriver(),
                    attrs == null ? null : attrs.get("secretProviderClass"), null, null);
        }
        if (v.getConfigMap() != null) {
            return new PodSpecInfo.Volume(v.getName(), "configMap", null, null,
                    Boolean.TRUE.equals(v.getConfigMap().getOptional()), null, false, null, null, null,
                    v.getConfigMap().getName());
        }
        if (v.getHostPath() != null) {
            return new PodSpecInfo.Volume(v.getName(), "hostPath", null, null, false, null, false, null, null,
                    v.getHostPath().getPath(), null);
        }
        if (v.getEmptyDir() != null) {
            return new PodSpecInfo.Volume(v.getName(), "emptyDir", null, null, false, null, false, null, null, null,
                    null);
        }
        return new PodSpecInfo.Volume(v.getName(), "other", null, null, false, null, false, null, null, null, null);
    }

    private static List<String> localRefs(List<LocalObjectReference> refs) {
        return refs == null ? List.of() : names(refs.stream().map(LocalObjectReference::getName).toList());
    }

    private static List<String> names(Collection<String> names) {
        return RawModelConverter.names(names);
    }

    // ---------------------------------------------------------------- rbac

    private static List<PolicyRule> rules(List<io.fabric8.kubernetes.api.model.rbac.PolicyRule> rules) {
        if (rules == null) {
            return List.of();
        }
        List<PolicyRule> out = new ArrayList<>(rules.size());
        for (var r : rules) {
            out.add(new PolicyRule(r.getVerbs(), r.getApiGroups(), r.getResources(), r.getResourceNames(),
                    r.getNonResourceURLs()));
        }
        return out;
    }

    private static List<LabelSelector> aggregation(AggregationRule rule) {
        if (rule == null || rule.getClusterRoleSelectors() == null) {
            return List.of();
        }
        List<LabelSelector> out = new ArrayList<>();
        for (var s : rule.getClusterRoleSelectors()) {
            List<LabelSelector.Requirement> reqs = new ArrayList<>();
            if (s.getMatchExpressions() != null) {
                for (var e : s.getMatchExpressions()) {
                    reqs.add(new LabelSelector.Requirement(e.getKey(), e.getOperator(), e.getValues()));
                }
            }
            out.add(new LabelSelector(s.getMatchLabels(), reqs));
        }
        return out;
    }

    private static BindingInfo.RoleRef roleRef(RoleRef r) {
        return r == null ? new BindingInfo.RoleRef("", "", "")
                : new BindingInfo.RoleRef(r.getApiGroup(), r.getKind(), r.getName());
    }

    private static List<BindingInfo.Subject> subjects(List<Subject> subjects) {
        if (subjects == null) {
            return List.of();
        }
        return subjects.stream().map(s -> new BindingInfo.Subject(s.getKind(), s.getName(), s.getNamespace(),
                s.getApiGroup())).toList();
    }

    // ---------------------------------------------------------------- CRDs and custom objects

    private CrdInfo crd(CustomResourceDefinition crd) {
        var spec = crd.getSpec();
        if (spec == null) {
            return new CrdInfo(crd.getMetadata().getName(), "", "", "", true, List.of());
        }
        List<CrdInfo.Version> versions = new ArrayList<>();
        if (spec.getVersions() != null) {
            for (var v : spec.getVersions()) {
                versions.add(new CrdInfo.Version(v.getName(), Boolean.TRUE.equals(v.getServed()),
                        Boolean.TRUE.equals(v.getStorage()), Boolean.TRUE.equals(v.getDeprecated())));
            }
        }
        return new CrdInfo(crd.getMetadata().getName(), spec.getGroup(),
                spec.getNames() == null ? "" : spec.getNames().getKind(),
                spec.getNames() == null ? "" : spec.getNames().getPlural(),
                !"Cluster".equals(spec.getScope()), versions);
    }

    private CustomObjectInfo custom(GenericKubernetesResource g) {
        Object spec = g.getAdditionalProperties() == null ? null : g.getAdditionalProperties().get("spec");
        return new CustomObjectInfo(g.getApiVersion(), g.getKind(), meta(g, null),
                RawModelConverter.customSpec(g.getKind(), spec));
    }

    static boolean isAnalysedGroup(String apiVersion) {
        return RawModelConverter.isAnalysedGroup(apiVersion);
    }
}
