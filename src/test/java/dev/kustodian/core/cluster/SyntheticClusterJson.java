package dev.kustodian.core.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The synthetic cluster of the load and CLI benchmarks as the API server's JSON list pages: Kubernetes objects as
 * {@code kubectl get -o json} shows them (metadata with labels, secrets with data, pods with a full spec and status),
 * cut into pages of {@link #PAGE} with continue tokens {@code tok1, tok2...}. Deterministic (seeded).
 */
public final class SyntheticClusterJson {

    public static final int PAGE = 500;

    /** Object counts per list path (cluster-wide list paths, e.g. {@code /api/v1/secrets}). */
    public record Counts(int namespaces, int secrets, int pods, int configMaps, int serviceAccounts, int roles,
                         int roleBindings, int clusterRoles, int clusterRoleBindings) {
        /** The cluster of issue 12: 500 namespaces, 20,000 secrets, 30,000 pods... (~65 MB of JSON). */
        public static final Counts LARGE = new Counts(500, 20_000, 30_000, 10_000, 2_000, 2_500, 5_000, 300, 500);
    }

    /** One list path: its kind and its pages (UTF-8 JSON), the first page first. */
    public record Listing(String path, String resource, String kind, boolean namespaced, List<byte[]> pages) {
    }

    private final int namespaces;

    private SyntheticClusterJson(int namespaces) {
        this.namespaces = namespaces;
    }

    /** Every listing of the cluster, keyed by its path ({@code /api/v1/secrets}, {@code /apis/rbac.../roles}). */
    public static Map<String, Listing> build(Counts c) {
        SyntheticClusterJson g = new SyntheticClusterJson(c.namespaces());
        Random rnd = new Random(42);
        String rbac = "/apis/rbac.authorization.k8s.io/v1/";
        Map<String, Listing> out = new LinkedHashMap<>();
        add(out, "/api/v1/", "namespaces", "Namespace", false, c.namespaces(), g::namespace);
        add(out, "/api/v1/", "secrets", "Secret", true, c.secrets(), i -> g.secret(i, rnd));
        add(out, "/api/v1/", "pods", "Pod", true, c.pods(), i -> g.pod(i, c.secrets(), c.configMaps()));
        add(out, "/api/v1/", "configmaps", "ConfigMap", true, c.configMaps(), i -> g.configMap(i, rnd));
        add(out, "/api/v1/", "serviceaccounts", "ServiceAccount", true, c.serviceAccounts(), g::serviceAccount);
        add(out, rbac, "roles", "Role", true, c.roles(), i -> g.role(i, "Role", true));
        add(out, rbac, "clusterroles", "ClusterRole", false, c.clusterRoles(), i -> g.role(i, "ClusterRole", false));
        add(out, rbac, "rolebindings", "RoleBinding", true, c.roleBindings(),
                i -> g.binding(i, "RoleBinding", true, c.roles()));
        add(out, rbac, "clusterrolebindings", "ClusterRoleBinding", false, c.clusterRoleBindings(),
                i -> g.binding(i, "ClusterRoleBinding", false, c.clusterRoles()));
        return out;
    }

    private static void add(Map<String, Listing> out, String prefix, String resource, String kind, boolean namespaced,
                            int n, IntFunction<String> item) {
        String listKind = kind + "List";
        String apiVersion = prefix.startsWith("/api/") ? "v1" : prefix.substring("/apis/".length(), prefix.length() - 1);
        int pages = Math.max(1, (n + PAGE - 1) / PAGE);
        List<byte[]> bodies = new ArrayList<>(pages);
        for (int p = 0; p < pages; p++) {
            StringBuilder sb = new StringBuilder(PAGE * 1600);
            sb.append("{\"apiVersion\":\"").append(apiVersion).append("\",\"kind\":\"").append(listKind)
                    .append("\",\"metadata\":{\"resourceVersion\":\"1000\"");
            if (p < pages - 1) {
                sb.append(",\"continue\":\"tok").append(p + 1).append('"');
            }
            sb.append("},\"items\":[");
            for (int i = p * PAGE; i < Math.min(n, (p + 1) * PAGE); i++) {
                if (i > p * PAGE) {
                    sb.append(',');
                }
                sb.append(item.apply(i));
            }
            sb.append("]}");
            bodies.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.put(prefix + resource, new Listing(prefix + resource, resource, kind, namespaced, List.copyOf(bodies)));
    }

    private String ns(int i) {
        return "ns-" + (i % namespaces);
    }

    private static String meta(String name, String ns, int i) {
        return "\"metadata\":{\"name\":\"" + name + "\"," + (ns == null ? "" : "\"namespace\":\"" + ns + "\",")
                + "\"uid\":\"0000" + Integer.toHexString(i) + "-aaaa-bbbb-cccc-" + String.format("%012d", i)
                + "\",\"resourceVersion\":\"" + (1000 + i) + "\",\"creationTimestamp\":\"2026-03-01T10:00:00Z\","
                + "\"labels\":{\"app.kubernetes.io/name\":\"app-" + (i % 97) + "\",\"app.kubernetes.io/part-of\":\"shop\"}}";
    }

    private String namespace(int i) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"," + meta("ns-" + i, null, i) + ",\"status\":{\"phase\":\"Active\"}}";
    }

    private static String b64(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private String secret(int i, Random r) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Secret\"," + meta("secret-" + i, ns(i), i) + ",\"type\":\"Opaque\","
                + "\"data\":{\"username\":\"" + b64(r, 12) + "\",\"password\":\"" + b64(r, 32) + "\",\"config.json\":\""
                + b64(r, 180) + "\"}}";
    }

    private String configMap(int i, Random r) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"," + meta("cm-" + i, ns(i), i) + ",\"data\":{\"LOG_LEVEL\":\"info\","
                + "\"application.properties\":\"server.port=8080\\nfeature.a=true\\nfeature.b=false\\ncache.size=" + i
                + "\\n\",\"settings.json\":\"{\\\"retries\\\":3,\\\"endpoint\\\":\\\"http://svc-" + (i % 50)
                + ":8080\\\",\\\"blob\\\":\\\"" + b64(r, 150) + "\\\"}\"}}";
    }

    private String serviceAccount(int i) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\"," + meta("app-" + (i / namespaces), ns(i), i)
                + (i % 4 == 0 ? ",\"automountServiceAccountToken\":false" : "") + "}";
    }

    private String pod(int i, int secrets, int configMaps) {
        String n = ns(i);
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"," + meta("pod-" + i, n, i).replace("}}",
                "},\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"rs-" + (i / 3)
                        + "\",\"uid\":\"u-" + i + "\",\"controller\":true,\"blockOwnerDeletion\":true}]}")
                + ",\"spec\":{\"serviceAccountName\":\"app-" + (i % 97) + "\",\"nodeName\":\"node-" + (i % 40) + "\","
                + "\"imagePullSecrets\":[{\"name\":\"registry-pull\"}],"
                + "\"containers\":[{\"name\":\"app\",\"image\":\"registry.example/app-" + (i % 97) + ":1.2." + (i % 10) + "\","
                + "\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\"}],"
                + "\"env\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"secret-" + (i % secrets)
                + "\",\"key\":\"password\"}}},{\"name\":\"LOG_LEVEL\",\"value\":\"info\"},{\"name\":\"POD_NAME\","
                + "\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"metadata.name\"}}}],"
                + "\"envFrom\":[{\"configMapRef\":{\"name\":\"cm-" + (i % configMaps) + "\"}}],"
                + "\"resources\":{\"limits\":{\"cpu\":\"500m\",\"memory\":\"512Mi\"},\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"}},"
                + "\"volumeMounts\":[{\"name\":\"creds\",\"mountPath\":\"/etc/creds\",\"readOnly\":true},"
                + "{\"name\":\"kube-api-access\",\"mountPath\":\"/var/run/secrets/kubernetes.io/serviceaccount\",\"readOnly\":true}],"
                + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":8080},\"periodSeconds\":10}}],"
                + "\"volumes\":[{\"name\":\"creds\",\"secret\":{\"secretName\":\"secret-" + ((i + 7) % secrets) + "\"}},"
                + "{\"name\":\"kube-api-access\",\"projected\":{\"sources\":[{\"serviceAccountToken\":{\"expirationSeconds\":3607,"
                + "\"path\":\"token\"}},{\"configMap\":{\"name\":\"kube-root-ca.crt\",\"items\":[{\"key\":\"ca.crt\",\"path\":\"ca.crt\"}]}}]}}]},"
                + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.244." + (i % 250) + "." + (i % 200) + "\","
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"2026-03-01T10:01:00Z\"}]}}";
    }

    private String role(int i, String kind, boolean namespaced) {
        return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"" + kind + "\","
                + meta(kind.toLowerCase() + "-" + i, namespaced ? ns(i) : null, i) + ",\"rules\":["
                + "{\"apiGroups\":[\"\"],\"resources\":[\"pods\",\"services\",\"configmaps\"],\"verbs\":[\"get\",\"list\",\"watch\"]},"
                + "{\"apiGroups\":[\"apps\"],\"resources\":[\"deployments\"],\"verbs\":[\"get\",\"list\",\"update\",\"patch\"]}]}";
    }

    private String binding(int i, String kind, boolean namespaced, int roles) {
        int r = i % Math.max(1, roles);
        return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"" + kind + "\","
                + meta(kind.toLowerCase() + "-" + i, namespaced ? ns(i) : null, i)
                + ",\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"" + (namespaced ? "Role" : "ClusterRole")
                + "\",\"name\":\"" + (namespaced ? "role-" : "clusterrole-") + r + "\"},\"subjects\":[{\"kind\":\"ServiceAccount\","
                + "\"name\":\"app-" + (i % 97) + "\",\"namespace\":\"" + ns(i) + "\"},{\"kind\":\"User\",\"apiGroup\":"
                + "\"rbac.authorization.k8s.io\",\"name\":\"user" + i + "@example.com\"}]}";
    }
}
