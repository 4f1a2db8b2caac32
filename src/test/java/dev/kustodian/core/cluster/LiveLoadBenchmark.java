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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full live load of a synthetic cluster from a loopback mock server serving pre-built JSON pages of 500:
 * 500 namespaces, 20,000 secrets, 30,000 pods, 10,000 configmaps, 10,000 RBAC objects (~65 MB JSON), made by
 * {@link SyntheticClusterJson}.
 * Run with {@code -Dtest=LiveLoadBenchmark -Dtest.extraArgs=-Dkustodian.bench=true}.
 */
class LiveLoadBenchmark {

    static final int PAGE = SyntheticClusterJson.PAGE;
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
            var counts = new SyntheticClusterJson.Counts(500, 20_000, 30_000, 10_000, 0, 2_500, 2_500, 2_500, 2_500);
            for (SyntheticClusterJson.Listing l : SyntheticClusterJson.build(counts).values()) {
                serve(server, l);
            }
            for (LiveLoader.KindSpec k : LiveLoader.KINDS) {
                String p = (k.group().isEmpty() ? "/api/v1/" : "/apis/" + k.group() + "/v1/") + k.resource();
                if (!p.contains("secrets") && !p.contains("/pods") && !p.contains("configmaps") && !p.contains("namespaces")
                        && !p.contains("serviceaccounts") && !k.group().startsWith("rbac")) {
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

    private void serve(KubernetesMockServer server, SyntheticClusterJson.Listing l) {
        String path = l.path();
        for (int p = 0; p < l.pages().size(); p++) {
            String body = new String(l.pages().get(p), java.nio.charset.StandardCharsets.UTF_8);
            jsonBytes += body.length();
            if (p == 0) {
                server.expect().get().withPath(path + "?limit=" + PAGE).andReturn(200, body).always();
            } else {
                server.expect().get().withPath(path + "?continue=tok" + p + "&limit=" + PAGE).andReturn(200, body).always();
                server.expect().get().withPath(path + "?limit=" + PAGE + "&continue=tok" + p).andReturn(200, body).always();
            }
        }
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
