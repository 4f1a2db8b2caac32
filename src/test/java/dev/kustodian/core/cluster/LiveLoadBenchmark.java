package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full live load of a synthetic cluster from a loopback mock server serving pre-built JSON pages of 500:
 * 500 namespaces, 20,000 secrets, 30,000 pods, 10,000 configmaps, 10,000 RBAC objects (~65 MB JSON).
 * Run with {@code -Dtest=LiveLoadBenchmark -Dtest.extraArgs=-Dkustodian.bench=true}.
 */
class LiveLoadBenchmark {

    static final int PAGE = 500;
    long jsonBytes;

    @Test
    void fullLoad(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"));
        KubernetesMockServer server = new KubernetesMockServer(false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        server.clearExpectations();
        try {
            server.expect().get().withPath("/version").andReturn(200, Map.of("major", "1", "minor", "31",
                    "gitVersion", "v1.31.4")).always();
            Random rnd = new Random(42);
            serve(server, "/api/v1/namespaces", "NamespaceList", 500, i -> namespace(i));
            serve(server, "/api/v1/secrets", "SecretList", 20_000, i -> secret(i, rnd));
            serve(server, "/api/v1/pods", "PodList", 30_000, i -> pod(i));
            serve(server, "/api/v1/configmaps", "ConfigMapList", 10_000, i -> configMap(i, rnd));
            String rbac = "/apis/rbac.authorization.k8s.io/v1/";
            serve(server, rbac + "roles", "RoleList", 2_500, i -> role(i, "Role", true));
            serve(server, rbac + "clusterroles", "ClusterRoleList", 2_500, i -> role(i, "ClusterRole", false));
            serve(server, rbac + "rolebindings", "RoleBindingList", 2_500, i -> binding(i, "RoleBinding", true));
            serve(server, rbac + "clusterrolebindings", "ClusterRoleBindingList", 2_500, i -> binding(i, "ClusterRoleBinding", false));
            for (LiveLoader.KindSpec k : LiveLoader.KINDS) {
                String p = (k.group().isEmpty() ? "/api/v1/" : "/apis/" + k.group() + "/v1/") + k.resource();
                if (!p.contains("secrets") && !p.contains("/pods") && !p.contains("configmaps") && !p.contains("namespaces")
                        && !k.group().startsWith("rbac")) {
                    server.expect().get().withPath(p + "?limit=" + PAGE).andReturn(200,
                            "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{},\"items\":[]}").always();
                }
            }
            System.out.printf("LiveLoadBenchmark: serving %.1f MB of JSON%n", jsonBytes / 1e6);
            Path kc = dir.resolve("config");
            Files.writeString(kc, DemoCluster.kubeconfigText("http://127.0.0.1:" + server.getPort()));

            for (int run = 1; run <= 3; run++) {
                System.gc();
                long baseline = usedHeap();
                resetPeaks();
                long t0 = System.nanoTime();
                long cpu0 = cpu();
                ClusterSnapshot s;
                try (ClusterSession session = LiveLoader.open(SourceSpec.live(kc, null), Progress.NONE, new Cancellation())) {
                    s = session.snapshot();
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long cpuMs = (cpu() - cpu0) / 1_000_000;
                long peak = peakHeap();
                System.out.printf("LiveLoadBenchmark run %d: %d ms wall, %d ms CPU (server+client, all threads), "
                                + "load average %.1f, peak heap %d MB (baseline with served JSON %d MB, "
                                + "load adds <= %d MB); secrets=%d pods=%d configmaps=%d roles=%d bindings=%d gaps=%d%n",
                        run, ms, cpuMs, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), peak >> 20, baseline >> 20, (peak - baseline) >> 20, s.secrets().size(), s.pods().size(),
                        s.configMaps().size(), s.roles().size(), s.bindings().size(), s.gaps().size());
                assertThat(s.secrets()).hasSize(20_000);
                assertThat(s.pods()).hasSize(30_000);
                assertThat(s.gaps()).isEmpty();
            }
        } finally {
            server.destroy();
        }
    }

    private void serve(KubernetesMockServer server, String path, String listKind, int n, IntFunction<String> item) {
        int pages = (n + PAGE - 1) / PAGE;
        for (int p = 0; p < pages; p++) {
            StringBuilder sb = new StringBuilder(PAGE * 1600);
            sb.append("{\"apiVersion\":\"v1\",\"kind\":\"").append(listKind).append("\",\"metadata\":{\"resourceVersion\":\"1000\"");
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
            String body = sb.toString();
            jsonBytes += body.length();
            if (p == 0) {
                server.expect().get().withPath(path + "?limit=" + PAGE).andReturn(200, body).always();
            } else {
                server.expect().get().withPath(path + "?continue=tok" + p + "&limit=" + PAGE).andReturn(200, body).always();
                server.expect().get().withPath(path + "?limit=" + PAGE + "&continue=tok" + p).andReturn(200, body).always();
            }
        }
    }

    private static String ns(int i) {
        return "ns-" + (i % 500);
    }

    private static String meta(String name, String ns, int i) {
        return "\"metadata\":{\"name\":\"" + name + "\"," + (ns == null ? "" : "\"namespace\":\"" + ns + "\",")
                + "\"uid\":\"0000" + Integer.toHexString(i) + "-aaaa-bbbb-cccc-" + String.format("%012d", i)
                + "\",\"resourceVersion\":\"" + (1000 + i) + "\",\"creationTimestamp\":\"2026-03-01T10:00:00Z\","
                + "\"labels\":{\"app.kubernetes.io/name\":\"app-" + (i % 97) + "\",\"app.kubernetes.io/part-of\":\"shop\"}}";
    }

    private static String namespace(int i) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"," + meta("ns-" + i, null, i) + ",\"status\":{\"phase\":\"Active\"}}";
    }

    private static String b64(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static String secret(int i, Random r) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Secret\"," + meta("secret-" + i, ns(i), i) + ",\"type\":\"Opaque\","
                + "\"data\":{\"username\":\"" + b64(r, 12) + "\",\"password\":\"" + b64(r, 32) + "\",\"config.json\":\""
                + b64(r, 180) + "\"}}";
    }

    private static String configMap(int i, Random r) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"," + meta("cm-" + i, ns(i), i) + ",\"data\":{\"LOG_LEVEL\":\"info\","
                + "\"application.properties\":\"server.port=8080\\nfeature.a=true\\nfeature.b=false\\ncache.size=" + i
                + "\\n\",\"settings.json\":\"{\\\"retries\\\":3,\\\"endpoint\\\":\\\"http://svc-" + (i % 50)
                + ":8080\\\",\\\"blob\\\":\\\"" + b64(r, 150) + "\\\"}\"}}";
    }

    private static String pod(int i) {
        String n = ns(i);
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"," + meta("pod-" + i, n, i).replace("}}",
                "},\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"rs-" + (i / 3)
                        + "\",\"uid\":\"u-" + i + "\",\"controller\":true,\"blockOwnerDeletion\":true}]}")
                + ",\"spec\":{\"serviceAccountName\":\"app-" + (i % 97) + "\",\"nodeName\":\"node-" + (i % 40) + "\","
                + "\"imagePullSecrets\":[{\"name\":\"registry-pull\"}],"
                + "\"containers\":[{\"name\":\"app\",\"image\":\"registry.example/app-" + (i % 97) + ":1.2." + (i % 10) + "\","
                + "\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\"}],"
                + "\"env\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"secret-" + (i % 20_000)
                + "\",\"key\":\"password\"}}},{\"name\":\"LOG_LEVEL\",\"value\":\"info\"},{\"name\":\"POD_NAME\","
                + "\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"metadata.name\"}}}],"
                + "\"envFrom\":[{\"configMapRef\":{\"name\":\"cm-" + (i % 10_000) + "\"}}],"
                + "\"resources\":{\"limits\":{\"cpu\":\"500m\",\"memory\":\"512Mi\"},\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"}},"
                + "\"volumeMounts\":[{\"name\":\"creds\",\"mountPath\":\"/etc/creds\",\"readOnly\":true},"
                + "{\"name\":\"kube-api-access\",\"mountPath\":\"/var/run/secrets/kubernetes.io/serviceaccount\",\"readOnly\":true}],"
                + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":8080},\"periodSeconds\":10}}],"
                + "\"volumes\":[{\"name\":\"creds\",\"secret\":{\"secretName\":\"secret-" + ((i + 7) % 20_000) + "\"}},"
                + "{\"name\":\"kube-api-access\",\"projected\":{\"sources\":[{\"serviceAccountToken\":{\"expirationSeconds\":3607,"
                + "\"path\":\"token\"}},{\"configMap\":{\"name\":\"kube-root-ca.crt\",\"items\":[{\"key\":\"ca.crt\",\"path\":\"ca.crt\"}]}}]}}]},"
                + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.244." + (i % 250) + "." + (i % 200) + "\","
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"2026-03-01T10:01:00Z\"}]}}";
    }

    private static String role(int i, String kind, boolean namespaced) {
        return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"" + kind + "\","
                + meta(kind.toLowerCase() + "-" + i, namespaced ? ns(i) : null, i) + ",\"rules\":["
                + "{\"apiGroups\":[\"\"],\"resources\":[\"pods\",\"services\",\"configmaps\"],\"verbs\":[\"get\",\"list\",\"watch\"]},"
                + "{\"apiGroups\":[\"apps\"],\"resources\":[\"deployments\"],\"verbs\":[\"get\",\"list\",\"update\",\"patch\"]}]}";
    }

    private static String binding(int i, String kind, boolean namespaced) {
        return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"" + kind + "\","
                + meta(kind.toLowerCase() + "-" + i, namespaced ? ns(i) : null, i)
                + ",\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"" + (namespaced ? "Role" : "ClusterRole")
                + "\",\"name\":\"" + (namespaced ? "role-" : "clusterrole-") + i + "\"},\"subjects\":[{\"kind\":\"ServiceAccount\","
                + "\"name\":\"app-" + (i % 97) + "\",\"namespace\":\"" + ns(i) + "\"},{\"kind\":\"User\",\"apiGroup\":"
                + "\"rbac.authorization.k8s.io\",\"name\":\"user" + i + "@example.com\"}]}";
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset (an upper bound of the true peak). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
