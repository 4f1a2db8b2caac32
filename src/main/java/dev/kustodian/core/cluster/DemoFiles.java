package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded demo cluster's data, read straight from its files ({@code /kustodian/demo/}, top-level
 * {@code resources/demo/}) without fabric8: YAML to maps to the model through {@link RawModelConverter}, so that the
 * demo is on screen (or in a report) without starting its API server or loading fabric8's typed model. The same
 * objects, identity, discovery and server version as the demo's API server ({@link DemoCluster}) serves.
 */
final class DemoFiles {

    static final String BASE = "/kustodian/demo/";
    static final List<String> GROUPS = List.of("kubeadm:cluster-admins", "system:masters", "system:authenticated");
    /** The seeded creationTimestamp, which the mock server would otherwise replace by the start time. */
    static final String CREATED_ANNOTATION = "kustodian.dev/demo-created";
    /** The secret whose certificate is issued anew on every start, so that it always expires within 30 days. */
    static final String EXPIRING_SECRET = "shop-web-tls";

    /** The demo's objects as one JSON array, written by the build from the YAML files ({@link DemoJson}). */
    static final String JSON = BASE + "demo.json";
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** The demo's API discovery, in the order discovery lists it. */
    static final List<ApiResourceInfo> API = api();

    private DemoFiles() {
    }

    /** The demo's snapshot, read from its files. */
    static ClusterSnapshot snapshot(Progress progress, Cancellation cancel) throws IOException {
        progress.update(-1, "Reading the demo cluster");
        return snapshot(items(), progress, cancel);
    }

    /** The demo's snapshot from its objects ({@link #items()}, fresh maps: they are changed). */
    static ClusterSnapshot snapshot(List<Map<String, Object>> items, Progress progress, Cancellation cancel) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.DEMO, DemoCluster.CONTEXT,
                "embedded (in-process, started when needed)", DemoCluster.VERSION, Instant.now(),
                new SourceInfo.Identity(DemoCluster.USER, GROUPS, "SelfSubjectReview v1")));
        RawModelConverter converter = new RawModelConverter();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        int n = 0;
        for (List<Map<String, Object>> group : objects(items)) {
            for (Map<String, Object> item : group) {
                cancel.check();
                // what the API server sets on create
                Map<String, Object> m = RawModelConverter.map(item, "metadata");
                m.put("uid", UUID.randomUUID().toString());
                if (RawModelConverter.str(m, "creationTimestamp") == null
                        || RawModelConverter.str(m, "creationTimestamp").isBlank()) {
                    m.put("creationTimestamp", now);
                }
                n += converter.add(item, b) ? 1 : 0;
            }
        }
        b.apiResources.addAll(API);
        progress.update(1, "Loaded " + n + " objects from " + DemoCluster.CONTEXT);
        return b.build();
    }

    /** The names of the demo files, in index order. */
    static List<String> files() throws IOException {
        List<String> files = new ArrayList<>();
        try (InputStream in = resource(BASE + "index.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    files.add(line.trim());
                }
            }
        }
        return files;
    }

    /**
     * The objects of the demo files as parsed YAML, as the demo's API server holds them: creation time kept in
     * {@link #CREATED_ANNOTATION}, the expiring certificate reissued. Three groups: built-in objects, CRDs, custom
     * objects (the order the API server is seeded in). Fresh maps on every call.
     */
    private static List<List<Map<String, Object>>> objects(List<Map<String, Object>> items) {
        List<List<Map<String, Object>>> phases = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Map<String, Object> item : items) {
            Map<String, Object> meta = RawModelConverter.map(item, "metadata");
            if (meta == null) {
                continue;
            }
            String created = RawModelConverter.str(meta, "creationTimestamp");
            if (created != null && !created.isBlank()) {
                Map<String, Object> annotations = RawModelConverter.map(meta, "annotations");
                if (annotations == null) {
                    annotations = new LinkedHashMap<>();
                    meta.put("annotations", annotations);
                }
                annotations.put(CREATED_ANNOTATION, created);
            }
            String apiVersion = RawModelConverter.str(item, "apiVersion");
            if ("CustomResourceDefinition".equals(RawModelConverter.str(item, "kind"))
                    && "apiextensions.k8s.io/v1".equals(apiVersion)) {
                phases.get(1).add(item);
            } else if (apiVersion != null && apiVersion.contains(".") && !apiVersion.contains("k8s.io")) {
                phases.get(2).add(item);
            } else {
                if ("Secret".equals(RawModelConverter.str(item, "kind"))
                        && EXPIRING_SECRET.equals(RawModelConverter.str(meta, "name"))
                        && RawModelConverter.map(item, "data") != null) {
                    expiringSoon().ifPresent(tls -> RawModelConverter.map(item, "data").putAll(tls));
                }
                phases.get(0).add(item);
            }
        }
        return phases;
    }

    /**
     * The objects of the demo files (lists flattened), in index order: from {@link #JSON}, which the build writes
     * from the YAML files ({@link DemoJson}), read with Jackson's streaming parser into the same plain values as the
     * YAML gives ({@link CompactJson}); from the YAML files themselves when the class path has no {@link #JSON}
     * (classes built without the build step, e.g. by an IDE).
     */
    static List<Map<String, Object>> items() throws IOException {
        InputStream in = DemoFiles.class.getResourceAsStream(JSON);
        if (in == null) {
            return DemoJson.yamlItems();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        try (in; JsonParser p = JSON_FACTORY.createParser(ObjectReadContext.empty(), in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("demo data " + JSON + " is not a JSON array");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                items.add(CompactJson.readObject(p));
            }
            if (t != JsonToken.END_ARRAY) {
                throw new IOException("demo data " + JSON + " holds a value that is not an object");
            }
        } catch (RuntimeException e) {
            throw new IOException("demo data " + JSON + " could not be read: " + KubeconfigContexts.safeReason(e), e);
        }
        return items;
    }

    /** The objects of one demo file (the items of lists), as parsed YAML. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(Load yaml, String file) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        try (InputStream in = resource(BASE + file)) {
            for (Object doc : yaml.loadAllFromString(withoutSchemas(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)))) {
                if (doc instanceof Map<?, ?> d) {
                    Map<String, Object> o = (Map<String, Object>) d;
                    String kind = RawModelConverter.str(o, "kind");
                    if (kind != null && kind.endsWith("List") && o.get("items") instanceof List<?>) {
                        items.addAll(RawModelConverter.maps(o, "items"));
                    } else {
                        items.add(o);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("demo data " + file + " could not be read: " + KubeconfigContexts.safeReason(e), e);
        }
        return items;
    }

    /**
     * The YAML text without its CRDs' {@code openAPIV3Schema} blocks (block style, as the demo's CRD files are): the
     * model keeps no schema, and they are most of the demo's text (~1.4 MB of 1.8 MB), so reading them would be most
     * of the demo's load time.
     */
    static String withoutSchemas(String yaml) {
        StringBuilder out = new StringBuilder(yaml.length());
        int skipDeeperThan = -1;
        int start = 0;
        while (start < yaml.length()) {
            int end = yaml.indexOf('\n', start);
            end = end < 0 ? yaml.length() : end + 1;
            String line = yaml.substring(start, end);
            start = end;
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            boolean blank = line.isBlank();
            if (skipDeeperThan >= 0 && (blank || indent > skipDeeperThan)) {
                continue;
            }
            skipDeeperThan = -1;
            if (line.strip().equals("openAPIV3Schema:")) {
                skipDeeperThan = indent;
                continue;
            }
            out.append(line);
        }
        return out.toString();
    }

    static Load yaml() {
        return new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build());
    }

    static InputStream resource(String path) throws IOException {
        InputStream in = DemoFiles.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("demo data " + path + " is missing from the class path");
        }
        return in;
    }

    /**
     * The demo's "certificate expiring within 30 days": {@code tls.crt} and {@code tls.key} (base64, as in a
     * Secret's data) of a certificate issued now by a throw-away CA, so that it always expires in 20 days, whatever
     * the date the demo runs (a stored certificate would drift into "expired"). Empty when it cannot be made (the
     * stored certificate is kept).
     */
    static java.util.Optional<Map<String, String>> expiringSoon() {
        try {
            DemoCertificates.Issued issued = DemoCertificates.expiringIn20Days("shop.demo.example", Instant.now());
            Base64.Encoder b64 = Base64.getEncoder();
            Map<String, String> tls = new LinkedHashMap<>();
            tls.put("tls.crt", b64.encodeToString(issued.chainPem().getBytes(StandardCharsets.US_ASCII)));
            tls.put("tls.key", b64.encodeToString(issued.keyPem().getBytes(StandardCharsets.US_ASCII)));
            return java.util.Optional.of(tls);
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            // keep the stored certificate (it expires 2026-12-18)
            return java.util.Optional.empty();
        }
    }

    private static List<ApiResourceInfo> api() {
        List<ApiResourceInfo> api = new ArrayList<>();
        String[] rw = {"create", "delete", "get", "list", "patch", "update", "watch"};
        String[] rwc = {"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"};
        res(api, "v1", "namespaces", "Namespace", false, rw);
        res(api, "v1", "nodes", "Node", false, rw);
        res(api, "v1", "nodes/proxy", "NodeProxyOptions", false, "create", "get");
        res(api, "v1", "secrets", "Secret", true, rwc);
        res(api, "v1", "configmaps", "ConfigMap", true, rwc);
        res(api, "v1", "pods", "Pod", true, rwc);
        res(api, "v1", "pods/exec", "PodExecOptions", true, "create", "get");
        res(api, "v1", "pods/log", "Pod", true, "get");
        res(api, "v1", "pods/attach", "PodAttachOptions", true, "create", "get");
        res(api, "v1", "serviceaccounts", "ServiceAccount", true, rw);
        res(api, "v1", "serviceaccounts/token", "TokenRequest", true, "create");
        res(api, "v1", "services", "Service", true, rw);
        res(api, "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, rw);
        res(api, "v1", "events", "Event", true, rw);
        res(api, "apps/v1", "deployments", "Deployment", true, rw);
        res(api, "apps/v1", "statefulsets", "StatefulSet", true, rw);
        res(api, "apps/v1", "daemonsets", "DaemonSet", true, rw);
        res(api, "apps/v1", "replicasets", "ReplicaSet", true, rw);
        res(api, "batch/v1", "jobs", "Job", true, rw);
        res(api, "batch/v1", "cronjobs", "CronJob", true, rw);
        res(api, "rbac.authorization.k8s.io/v1", "roles", "Role", true, rw);
        res(api, "rbac.authorization.k8s.io/v1", "rolebindings", "RoleBinding", true, rw);
        res(api, "rbac.authorization.k8s.io/v1", "clusterroles", "ClusterRole", false, rw);
        res(api, "rbac.authorization.k8s.io/v1", "clusterrolebindings", "ClusterRoleBinding", false, rw);
        res(api, "apiextensions.k8s.io/v1", "customresourcedefinitions", "CustomResourceDefinition", false, rw);
        res(api, "authentication.k8s.io/v1", "selfsubjectreviews", "SelfSubjectReview", false, "create");
        res(api, "authentication.k8s.io/v1", "tokenreviews", "TokenReview", false, "create");
        res(api, "authorization.k8s.io/v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, "create");
        res(api, "authorization.k8s.io/v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false, "create");
        res(api, "authorization.k8s.io/v1", "subjectaccessreviews", "SubjectAccessReview", false, "create");
        res(api, "networking.k8s.io/v1", "ingresses", "Ingress", true, rw);
        res(api, "networking.k8s.io/v1", "networkpolicies", "NetworkPolicy", true, rw);
        res(api, "external-secrets.io/v1", "externalsecrets", "ExternalSecret", true, rw);
        res(api, "external-secrets.io/v1", "externalsecrets/status", "ExternalSecret", true, "get", "patch", "update");
        res(api, "external-secrets.io/v1", "secretstores", "SecretStore", true, rw);
        res(api, "external-secrets.io/v1", "clustersecretstores", "ClusterSecretStore", false, rw);
        res(api, "external-secrets.io/v1", "clusterexternalsecrets", "ClusterExternalSecret", false, rw);
        res(api, "external-secrets.io/v1", "pushsecrets", "PushSecret", true, rw);
        return List.copyOf(api);
    }

    private static void res(List<ApiResourceInfo> api, String groupVersion, String name, String kind,
                            boolean namespaced, String... verbs) {
        int slash = groupVersion.indexOf('/');
        api.add(new ApiResourceInfo(slash < 0 ? "" : groupVersion.substring(0, slash),
                groupVersion.substring(slash + 1), name, kind, namespaced, List.of(verbs)));
    }
}
