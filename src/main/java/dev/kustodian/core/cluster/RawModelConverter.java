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
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.secrets.LeakDetector;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts API objects as parsed JSON or YAML (maps, lists and scalars, as Jackson or SnakeYAML read them) into the
 * value-free model, without fabric8's typed model: the demo files and streamed list pages go straight from text to
 * the snapshot. Derives the secret facts (sizes, keyed fingerprints, TLS/dockerconfig facts) and leak hints, then
 * drops the values. The records are the same as {@link ModelConverter}'s for the same object (a test compares them
 * on the demo cluster and a generated one). One instance per load: it holds the random fingerprint key of that load,
 * which is never exposed. Thread-safe.
 */
public final class RawModelConverter {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final Set<String> CONTROL_PLANE_COMPONENTS = Set.of(
            "kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "cloud-controller-manager");
    /** API groups of custom resources the analyses read (secret managers, certificates). */
    public static final Set<String> ANALYSED_GROUPS = Set.of("external-secrets.io", "generators.external-secrets.io",
            "bitnami.com", "secrets-store.csi.x-k8s.io", "cert-manager.io", "secrets.akeyless.io",
            "secrets.hashicorp.com");
    private static final String RBAC_V1 = "rbac.authorization.k8s.io/v1";

    private final SecretFacts facts;

    public RawModelConverter() {
        this(randomKey());
    }

    /** With the given fingerprint key (wiped here): tests compare two converters' records with one key. */
    RawModelConverter(byte[] key) {
        this.facts = new SecretFacts(key);
        SafeFiles.wipe(key);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * Converts {@code object} (of {@code apiVersion}/{@code kind}, which list items of the API leave out) and adds it
     * to {@code builder} (synchronised on the builder). Returns false for kinds the model does not keep.
     */
    public boolean add(Map<String, Object> object, String apiVersion, String kind, ClusterSnapshot.Builder builder) {
        Object m = convert(object, apiVersion, kind);
        if (m == null) {
            return false;
        }
        addTo(m, builder);
        return true;
    }

    /** Adds a model record to its list of the builder (synchronised on the builder). */
    static void addTo(Object m, ClusterSnapshot.Builder builder) {
        synchronized (builder) {
            if (m instanceof SecretInfo s) {
                builder.secrets.add(s);
            } else if (m instanceof ConfigMapInfo c) {
                builder.configMaps.add(c);
            } else if (m instanceof WorkloadInfo w) {
                builder.workloads.add(w);
            } else if (m instanceof NamespaceInfo n) {
                builder.namespaces.add(n);
            } else if (m instanceof ServiceAccountInfo sa) {
                builder.serviceAccounts.add(sa);
            } else if (m instanceof RoleInfo r) {
                builder.roles.add(r);
            } else if (m instanceof BindingInfo b) {
                builder.bindings.add(b);
            } else if (m instanceof CrdInfo c) {
                builder.crds.add(c);
            } else if (m instanceof NodeInfo n) {
                builder.nodes.add(n);
            } else if (m instanceof CustomObjectInfo c) {
                builder.customObjects.add(c);
            }
        }
    }

    /** Converts an object that names its own apiVersion and kind. */
    public boolean add(Map<String, Object> object, ClusterSnapshot.Builder builder) {
        return add(object, str(object, "apiVersion"), str(object, "kind"), builder);
    }

    /** The model record for {@code o}, or null when the model does not keep this kind. */
    public Object convert(Map<String, Object> o, String apiVersion, String kind) {
        if (kind == null || apiVersion == null) {
            return null;
        }
        switch (apiVersion) {
            case "v1" -> {
                return core(o, kind);
            }
            case "apps/v1" -> {
                if (Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet").contains(kind)) {
                    return controller(kind, o, map(map(o, "spec"), "template"));
                }
                return null;
            }
            case "batch/v1" -> {
                if ("Job".equals(kind)) {
                    return controller(kind, o, map(map(o, "spec"), "template"));
                }
                if ("CronJob".equals(kind)) {
                    return controller(kind, o, map(map(map(map(o, "spec"), "jobTemplate"), "spec"), "template"));
                }
                return null;
            }
            case RBAC_V1 -> {
                return rbac(o, kind);
            }
            case "apiextensions.k8s.io/v1" -> {
                return "CustomResourceDefinition".equals(kind) ? crd(o) : null;
            }
            default -> {
                return isAnalysedGroup(apiVersion) ? custom(o, apiVersion, kind) : null;
            }
        }
    }

    private Object core(Map<String, Object> o, String kind) {
        switch (kind) {
            case "Secret":
                return secret(o);
            case "ConfigMap":
                return configMap(o);
            case "Pod": {
                List<LeakHint> leaks = new ArrayList<>();
                ObjectMeta meta = meta(o, leaks);
                return new WorkloadInfo("Pod", meta, podSpec(map(o, "spec"), meta, leaks, "spec"),
                        str(map(o, "status"), "phase"));
            }
            case "ReplicationController":
                return controller(kind, o, map(map(o, "spec"), "template"));
            case "Namespace": {
                Map<String, Object> status = map(o, "status");
                return new NamespaceInfo(meta(o, null), status == null ? "Active" : str(status, "phase"));
            }
            case "ServiceAccount": {
                List<String> secrets = new ArrayList<>();
                for (Map<String, Object> ref : maps(o, "secrets")) {
                    secrets.add(str(ref, "name"));
                }
                return new ServiceAccountInfo(meta(o, null), bool(o, "automountServiceAccountToken"), names(secrets),
                        localRefs(o, "imagePullSecrets"));
            }
            case "Node": {
                Map<String, Object> info = map(map(o, "status"), "nodeInfo");
                return new NodeInfo(meta(o, null), str(map(o, "spec"), "providerID"), str(info, "kubeletVersion"),
                        str(info, "osImage"));
            }
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- metadata

    private static ObjectMeta meta(Map<String, Object> o, List<LeakHint> leaks) {
        Map<String, Object> m = map(o, "metadata");
        if (m == null) {
            return ObjectMeta.of("", "");
        }
        List<String> managedTimes = new ArrayList<>();
        for (Map<String, Object> f : maps(m, "managedFields")) {
            managedTimes.add(str(f, "time"));
        }
        List<ObjectMeta.OwnerRef> owners = new ArrayList<>();
        for (Map<String, Object> r : maps(m, "ownerReferences")) {
            owners.add(new ObjectMeta.OwnerRef(str(r, "apiVersion"), str(r, "kind"), str(r, "name"),
                    Boolean.TRUE.equals(bool(r, "controller"))));
        }
        return meta(str(m, "namespace"), str(m, "name"), str(m, "uid"), strMap(m, "labels"),
                strMap(m, "annotations"), str(m, "creationTimestamp"), managedTimes, owners, leaks);
    }

    /**
     * The model's metadata: the last-applied annotation and annotations that look like credentials redacted (each
     * of the latter a leak hint when {@code leaks} is given), the last modification the latest managed-field time.
     */
    static ObjectMeta meta(String namespace, String name, String uid, Map<String, String> labels,
                           Map<String, String> annotations, String created, List<String> managedTimes,
                           List<ObjectMeta.OwnerRef> owners, List<LeakHint> leaks) {
        Map<String, String> kept = new TreeMap<>();
        if (annotations != null) {
            for (Map.Entry<String, String> e : annotations.entrySet()) {
                if (LAST_APPLIED.equals(e.getKey())) {
                    // kubectl keeps the whole applied object here, Secret data included: never keep it
                    kept.put(e.getKey(), ObjectMeta.REDACTED);
                    continue;
                }
                Optional<LeakHint.Kind> leak = LeakDetector.scan(e.getKey(), e.getValue());
                if (leak.isPresent()) {
                    kept.put(e.getKey(), ObjectMeta.REDACTED);
                    if (leaks != null) {
                        leaks.add(new LeakHint("metadata.annotations[" + e.getKey() + "]", leak.get()));
                    }
                } else {
                    kept.put(e.getKey(), e.getValue());
                }
            }
        }
        Instant createdAt = instant(created);
        Instant modified = createdAt;
        for (String time : managedTimes) {
            Instant t = instant(time);
            if (t != null && (modified == null || t.isAfter(modified))) {
                modified = t;
            }
        }
        return new ObjectMeta(namespace, name, uid, labels == null ? Map.of() : new TreeMap<>(labels), kept,
                createdAt, modified, owners);
    }

    static Instant instant(String s) {
        return dev.kustodian.core.util.Timestamps.parse(s);
    }

    // ---------------------------------------------------------------- secrets

    private SecretInfo secret(Map<String, Object> s) {
        Map<String, byte[]> values = new TreeMap<>();
        Map<String, String> data = strMap(s, "data");
        if (data != null) {
            data.forEach((k, v) -> values.put(k, decode(v)));
        }
        Map<String, String> stringData = strMap(s, "stringData");
        if (stringData != null) {
            stringData.forEach((k, v) -> values.put(k, v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> annotations = strMap(map(s, "metadata"), "annotations");
        return secret(meta(s, null), str(s, "type"), bool(s, "immutable"), values,
                annotations == null ? null : annotations.get("kubernetes.io/service-account.name"));
    }

    /**
     * The secret's facts from its decoded values, which are wiped before this returns. {@code saName} is the
     * service-account annotation (kept for token secrets only).
     */
    SecretInfo secret(ObjectMeta meta, String type, Boolean immutable, Map<String, byte[]> values, String saName) {
        try {
            String t = type == null || type.isEmpty() ? SecretInfo.TYPE_OPAQUE : type;
            List<SecretInfo.SecretKeyInfo> keys = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : values.entrySet()) {
                byte[] v = e.getValue();
                keys.add(new SecretInfo.SecretKeyInfo(e.getKey(), v.length, facts.fingerprint(v),
                        !SecretFacts.isText(v)));
            }
            SecretInfo.TlsFacts tls = null;
            byte[] crt = values.containsKey("tls.crt") ? values.get("tls.crt") : values.get("ca.crt");
            if (crt != null && crt.length > 0
                    && (SecretInfo.TYPE_TLS.equals(t) || values.containsKey("tls.crt") || values.containsKey("ca.crt"))
                    && !SecretInfo.TYPE_SA_TOKEN.equals(t)) {
                tls = SecretFacts.tls(crt);
            }
            SecretInfo.DockerConfigFacts docker = null;
            if (values.containsKey(".dockerconfigjson")) {
                docker = SecretFacts.docker(values.get(".dockerconfigjson"), false);
            } else if (values.containsKey(".dockercfg")) {
                docker = SecretFacts.docker(values.get(".dockercfg"), true);
            }
            String sa = SecretInfo.TYPE_SA_TOKEN.equals(t) ? saName : null;
            return new SecretInfo(meta, t, Boolean.TRUE.equals(immutable), keys, tls, docker, sa);
        } finally {
            values.values().forEach(SafeFiles::wipe);
        }
    }

    static byte[] decode(String b64) {
        if (b64 == null) {
            return new byte[0];
        }
        try {
            return Base64.getMimeDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            // not base64 (a hand-written snapshot): take the text as it is; its size is still right
            return b64.getBytes(StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- configmaps

    private ConfigMapInfo configMap(Map<String, Object> c) {
        List<LeakHint> leaks = new ArrayList<>();
        ObjectMeta meta = meta(c, leaks);
        Map<String, String> binary = strMap(c, "binaryData");
        return configMap(meta, strMap(c, "data"), binary == null ? List.of() : binary.keySet(), leaks);
    }

    /** A config map's key names (sorted) and the leak hints of its values; no value is kept. */
    static ConfigMapInfo configMap(ObjectMeta meta, Map<String, String> data, java.util.Collection<String> binaryKeys,
                                   List<LeakHint> leaks) {
        List<String> keys = new ArrayList<>();
        if (data != null) {
            for (Map.Entry<String, String> e : data.entrySet()) {
                keys.add(e.getKey());
                LeakDetector.scan(e.getKey(), e.getValue())
                        .ifPresent(k -> leaks.add(new LeakHint("data[" + e.getKey() + "]", k)));
            }
        }
        keys.addAll(binaryKeys);
        keys.sort(null);
        return new ConfigMapInfo(meta, keys, leaks);
    }

    // ---------------------------------------------------------------- workloads

    private WorkloadInfo controller(String kind, Map<String, Object> o, Map<String, Object> template) {
        List<LeakHint> leaks = new ArrayList<>();
        ObjectMeta meta = meta(o, leaks);
        Map<String, String> templateAnnotations = strMap(map(template, "metadata"), "annotations");
        templateAnnotationLeaks(templateAnnotations, leaks);
        return new WorkloadInfo(kind, meta, podSpec(map(template, "spec"), meta, leaks, "spec.template.spec"), null);
    }

    static void templateAnnotationLeaks(Map<String, String> annotations, List<LeakHint> leaks) {
        if (annotations == null) {
            return;
        }
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            LeakDetector.scan(e.getKey(), e.getValue()).ifPresent(k -> leaks.add(
                    new LeakHint("spec.template.metadata.annotations[" + e.getKey() + "]", k)));
        }
    }

    /** Control-plane pods keep their command line (redacted): the encryption analysis reads their flags. */
    static boolean controlPlane(ObjectMeta meta) {
        return "kube-system".equals(meta.namespace())
                && ("control-plane".equals(meta.label("tier"))
                || meta.label("component") != null && CONTROL_PLANE_COMPONENTS.contains(meta.label("component")));
    }

    private PodSpecInfo podSpec(Map<String, Object> spec, ObjectMeta meta, List<LeakHint> leaks, String path) {
        if (spec == null) {
            return new PodSpecInfo(null, null, List.of(), List.of(), List.of(), leaks, false, null);
        }
        boolean controlPlane = controlPlane(meta);
        List<PodSpecInfo.Container> containers = new ArrayList<>();
        addContainers(containers, maps(spec, "initContainers"), true, controlPlane, leaks, path + ".initContainers");
        addContainers(containers, maps(spec, "containers"), false, controlPlane, leaks, path + ".containers");
        List<PodSpecInfo.Volume> volumes = new ArrayList<>();
        for (Map<String, Object> v : maps(spec, "volumes")) {
            volumes.add(volume(v));
        }
        String sa = str(spec, "serviceAccountName") != null ? str(spec, "serviceAccountName")
                : str(spec, "serviceAccount");
        return new PodSpecInfo(sa, bool(spec, "automountServiceAccountToken"), localRefs(spec, "imagePullSecrets"),
                volumes, containers, leaks, Boolean.TRUE.equals(bool(spec, "hostNetwork")), str(spec, "nodeName"));
    }

    private static void addContainers(List<PodSpecInfo.Container> out, List<Map<String, Object>> containers,
                                      boolean init, boolean keepCommand, List<LeakHint> leaks, String path) {
        for (Map<String, Object> c : containers) {
            String name = str(c, "name");
            List<PodSpecInfo.EnvVar> env = new ArrayList<>();
            for (Map<String, Object> e : maps(c, "env")) {
                env.add(envVar(e, name, leaks, path));
            }
            List<PodSpecInfo.EnvFrom> envFrom = new ArrayList<>();
            for (Map<String, Object> f : maps(c, "envFrom")) {
                Map<String, Object> secretRef = map(f, "secretRef");
                Map<String, Object> configMapRef = map(f, "configMapRef");
                if (secretRef != null) {
                    envFrom.add(new PodSpecInfo.EnvFrom("secretRef", str(secretRef, "name"), str(f, "prefix"),
                            Boolean.TRUE.equals(bool(secretRef, "optional"))));
                } else if (configMapRef != null) {
                    envFrom.add(new PodSpecInfo.EnvFrom("configMapRef", str(configMapRef, "name"), str(f, "prefix"),
                            Boolean.TRUE.equals(bool(configMapRef, "optional"))));
                }
            }
            List<PodSpecInfo.VolumeMount> mounts = new ArrayList<>();
            for (Map<String, Object> m : maps(c, "volumeMounts")) {
                mounts.add(new PodSpecInfo.VolumeMount(str(m, "name"), str(m, "mountPath"),
                        Boolean.TRUE.equals(bool(m, "readOnly"))));
            }
            List<String> command = commandLine(strList(c, "command"), strList(c, "args"), keepCommand, name, leaks,
                    path);
            boolean privileged = Boolean.TRUE.equals(bool(map(c, "securityContext"), "privileged"));
            out.add(new PodSpecInfo.Container(name, str(c, "image"), init, env, envFrom, mounts, command, privileged));
        }
    }

    /**
     * The command line a container keeps: for control-plane containers the command and args with credential-like
     * arguments redacted, for others nothing (their credential-like arguments become leak hints).
     */
    static List<String> commandLine(List<String> command, List<String> args, boolean keep, String container,
                                    List<LeakHint> leaks, String path) {
        if (keep) {
            List<String> out = new ArrayList<>();
            if (command != null) {
                out.addAll(redactArgs(command));
            }
            if (args != null) {
                out.addAll(redactArgs(args));
            }
            return out;
        }
        scanArgs(command, container, leaks, path, "command");
        scanArgs(args, container, leaks, path, "args");
        return List.of();
    }

    private static void scanArgs(List<String> args, String container, List<LeakHint> leaks, String path, String field) {
        if (args == null) {
            return;
        }
        for (int i = 0; i < args.size(); i++) {
            int idx = i;
            LeakDetector.scan(args.get(i)).ifPresent(k -> leaks.add(
                    new LeakHint(path + "[" + container + "]." + field + "[" + idx + "]", k)));
        }
    }

    private static List<String> redactArgs(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        for (String a : args) {
            if (a != null && LeakDetector.scan(a).isPresent()) {
                int eq = a.indexOf('=');
                out.add(eq > 0 ? a.substring(0, eq + 1) + ObjectMeta.REDACTED : ObjectMeta.REDACTED);
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private static PodSpecInfo.EnvVar envVar(Map<String, Object> e, String container, List<LeakHint> leaks,
                                             String path) {
        String name = str(e, "name");
        Map<String, Object> vf = map(e, "valueFrom");
        if (vf == null) {
            return literalEnvVar(name, str(e, "value"), container, leaks, path);
        }
        Map<String, Object> secretRef = map(vf, "secretKeyRef");
        if (secretRef != null) {
            return new PodSpecInfo.EnvVar(name, false, "secretKeyRef", str(secretRef, "name"), str(secretRef, "key"),
                    Boolean.TRUE.equals(bool(secretRef, "optional")));
        }
        Map<String, Object> configMapRef = map(vf, "configMapKeyRef");
        if (configMapRef != null) {
            return new PodSpecInfo.EnvVar(name, false, "configMapKeyRef", str(configMapRef, "name"),
                    str(configMapRef, "key"), Boolean.TRUE.equals(bool(configMapRef, "optional")));
        }
        Map<String, Object> fieldRef = map(vf, "fieldRef");
        if (fieldRef != null) {
            return new PodSpecInfo.EnvVar(name, false, "fieldRef", null, str(fieldRef, "fieldPath"), false);
        }
        return new PodSpecInfo.EnvVar(name, false, "resourceFieldRef", null, null, false);
    }

    /** A literal env var: its value is scanned for credentials (a leak hint) and never kept. */
    static PodSpecInfo.EnvVar literalEnvVar(String name, String value, String container, List<LeakHint> leaks,
                                            String path) {
        LeakDetector.scan(name, value).ifPresent(k -> leaks.add(
                new LeakHint(path + "[" + container + "].env[" + name + "]", k)));
        return new PodSpecInfo.EnvVar(name, true, null, null, null, false);
    }

    private static PodSpecInfo.Volume volume(Map<String, Object> v) {
        String name = str(v, "name");
        Map<String, Object> secret = map(v, "secret");
        if (secret != null) {
            return new PodSpecInfo.Volume(name, "secret", str(secret, "secretName"), itemKeys(secret),
                    Boolean.TRUE.equals(bool(secret, "optional")), null, false, null, null, null, null);
        }
        Map<String, Object> projected = map(v, "projected");
        if (projected != null) {
            List<PodSpecInfo.ProjectedSecret> secrets = new ArrayList<>();
            boolean token = false;
            for (Map<String, Object> p : maps(projected, "sources")) {
                Map<String, Object> s = map(p, "secret");
                if (s != null) {
                    secrets.add(new PodSpecInfo.ProjectedSecret(str(s, "name"), itemKeys(s),
                            Boolean.TRUE.equals(bool(s, "optional"))));
                }
                if (map(p, "serviceAccountToken") != null) {
                    token = true;
                }
            }
            return new PodSpecInfo.Volume(name, "projected", null, null, false, secrets, token, null, null, null, null);
        }
        Map<String, Object> csi = map(v, "csi");
        if (csi != null) {
            Map<String, String> attrs = strMap(csi, "volumeAttributes");
            return new PodSpecInfo.Volume(name, "csi", null, null, false, null, false, str(csi, "driver"),
                    attrs == null ? null : attrs.get("secretProviderClass"), null, null);
        }
        Map<String, Object> configMap = map(v, "configMap");
        if (configMap != null) {
            return new PodSpecInfo.Volume(name, "configMap", null, null,
                    Boolean.TRUE.equals(bool(configMap, "optional")), null, false, null, null, null,
                    str(configMap, "name"));
        }
        Map<String, Object> hostPath = map(v, "hostPath");
        if (hostPath != null) {
            return new PodSpecInfo.Volume(name, "hostPath", null, null, false, null, false, null, null,
                    str(hostPath, "path"), null);
        }
        String type = map(v, "emptyDir") != null ? "emptyDir" : "other";
        return new PodSpecInfo.Volume(name, type, null, null, false, null, false, null, null, null, null);
    }

    private static List<String> itemKeys(Map<String, Object> source) {
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> item : maps(source, "items")) {
            keys.add(str(item, "key"));
        }
        return keys;
    }

    private static List<String> localRefs(Map<String, Object> o, String field) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> ref : maps(o, field)) {
            names.add(str(ref, "name"));
        }
        return names(names);
    }

    static List<String> names(java.util.Collection<String> names) {
        return names.stream().filter(n -> n != null && !n.isEmpty()).toList();
    }

    // ---------------------------------------------------------------- rbac

    private static Object rbac(Map<String, Object> o, String kind) {
        switch (kind) {
            case "Role":
            case "ClusterRole": {
                List<PolicyRule> rules = new ArrayList<>();
                for (Map<String, Object> r : maps(o, "rules")) {
                    rules.add(new PolicyRule(strList(r, "verbs"), strList(r, "apiGroups"), strList(r, "resources"),
                            strList(r, "resourceNames"), strList(r, "nonResourceURLs")));
                }
                if ("Role".equals(kind)) {
                    return new RoleInfo(RoleInfo.ROLE, meta(o, null), rules, List.of());
                }
                List<LabelSelector> aggregation = new ArrayList<>();
                for (Map<String, Object> s : maps(map(o, "aggregationRule"), "clusterRoleSelectors")) {
                    List<LabelSelector.Requirement> reqs = new ArrayList<>();
                    for (Map<String, Object> e : maps(s, "matchExpressions")) {
                        reqs.add(new LabelSelector.Requirement(str(e, "key"), str(e, "operator"),
                                strList(e, "values")));
                    }
                    aggregation.add(new LabelSelector(strMap(s, "matchLabels"), reqs));
                }
                return new RoleInfo(RoleInfo.CLUSTER_ROLE, meta(o, null), rules, aggregation);
            }
            case "RoleBinding":
            case "ClusterRoleBinding": {
                Map<String, Object> r = map(o, "roleRef");
                BindingInfo.RoleRef ref = r == null ? new BindingInfo.RoleRef("", "", "")
                        : new BindingInfo.RoleRef(str(r, "apiGroup"), str(r, "kind"), str(r, "name"));
                List<BindingInfo.Subject> subjects = new ArrayList<>();
                for (Map<String, Object> s : maps(o, "subjects")) {
                    subjects.add(new BindingInfo.Subject(str(s, "kind"), str(s, "name"), str(s, "namespace"),
                            str(s, "apiGroup")));
                }
                return new BindingInfo("RoleBinding".equals(kind) ? BindingInfo.ROLE_BINDING
                        : BindingInfo.CLUSTER_ROLE_BINDING, meta(o, null), ref, List.copyOf(subjects));
            }
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- CRDs and custom objects

    private static CrdInfo crd(Map<String, Object> crd) {
        String name = str(map(crd, "metadata"), "name");
        Map<String, Object> spec = map(crd, "spec");
        if (spec == null) {
            return new CrdInfo(name, "", "", "", true, List.of());
        }
        List<CrdInfo.Version> versions = new ArrayList<>();
        for (Map<String, Object> v : maps(spec, "versions")) {
            versions.add(new CrdInfo.Version(str(v, "name"), Boolean.TRUE.equals(bool(v, "served")),
                    Boolean.TRUE.equals(bool(v, "storage")), Boolean.TRUE.equals(bool(v, "deprecated"))));
        }
        Map<String, Object> names = map(spec, "names");
        return new CrdInfo(name, str(spec, "group"), names == null ? "" : str(names, "kind"),
                names == null ? "" : str(names, "plural"), !"Cluster".equals(str(spec, "scope")), versions);
    }

    private CustomObjectInfo custom(Map<String, Object> o, String apiVersion, String kind) {
        return new CustomObjectInfo(apiVersion, kind, meta(o, null), customSpec(kind, o.get("spec")));
    }

    /**
     * A custom object's spec as the model keeps it: strings that look like credentials redacted, a SealedSecret's
     * encrypted data reduced to the lengths of its ciphertexts.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> customSpec(String kind, Object spec) {
        Map<String, Object> specMap = spec instanceof Map<?, ?> m ? (Map<String, Object>) scrub(m, "spec") : Map.of();
        if ("SealedSecret".equals(kind) && specMap.get("encryptedData") instanceof Map<?, ?> enc) {
            Map<String, Object> lengths = new LinkedHashMap<>();
            enc.forEach((k, v) -> lengths.put(String.valueOf(k), v == null ? 0 : String.valueOf(v).length()));
            specMap = new LinkedHashMap<>(specMap);
            specMap.put("encryptedData", lengths);
        }
        return specMap;
    }

    static boolean isAnalysedGroup(String apiVersion) {
        if (apiVersion == null) {
            return false;
        }
        int i = apiVersion.indexOf('/');
        return i > 0 && ANALYSED_GROUPS.contains(apiVersion.substring(0, i));
    }

    /** Copies a spec tree, replacing any string that looks like a credential by the redaction marker. */
    private static Object scrub(Object value, String key) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), scrub(v, String.valueOf(k))));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(scrub(v, key)));
            return out;
        }
        if (value instanceof String s && LeakDetector.scan(key, s).isPresent()) {
            return ObjectMeta.REDACTED;
        }
        return value;
    }

    // ---------------------------------------------------------------- reading parsed JSON/YAML

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> o, String key) {
        return o != null && o.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The maps in the list {@code key} (other elements skipped), empty when absent. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> o, String key) {
        if (o == null || !(o.get(key) instanceof List<?> l)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>(l.size());
        for (Object e : l) {
            if (e instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }

    /** A scalar as text (numbers and booleans as JSON writes them), null when absent, null or not a scalar. */
    static String str(Map<String, Object> o, String key) {
        return o == null ? null : scalar(o.get(key));
    }

    private static String scalar(Object v) {
        return v instanceof String s ? s : v instanceof Number || v instanceof Boolean ? String.valueOf(v) : null;
    }

    static Boolean bool(Map<String, Object> o, String key) {
        Object v = o == null ? null : o.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        return v instanceof String s && (s.equals("true") || s.equals("false")) ? Boolean.valueOf(s) : null;
    }

    static List<String> strList(Map<String, Object> o, String key) {
        if (o == null || !(o.get(key) instanceof List<?> l)) {
            return null;
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object e : l) {
            out.add(scalar(e));
        }
        return out;
    }

    static Map<String, String> strMap(Map<String, Object> o, String key) {
        if (o == null || !(o.get(key) instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), scalar(v)));
        return out;
    }
}
