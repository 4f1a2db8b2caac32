package dev.kustodian.core.secrets;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ConfigMapInfo;
import dev.kustodian.core.model.LeakHint;
import dev.kustodian.core.model.NamespaceInfo;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.report.ReportFormat;
import dev.kustodian.core.report.ReportWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;

import static dev.kustodian.core.secrets.Fx.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scan of a synthetic cluster: 20,000 secrets, 30,000 pods (3,000 Deployments × 10 pods through ReplicaSets),
 * 200 namespaces. Prints analysis time and heap. Runs only with -Dkustodian.bench=true.
 */
class ScanBenchmark {

    static ClusterSnapshot synthetic() {
        ClusterSnapshot.Builder b = builder();
        int namespaces = 200;
        for (int n = 0; n < namespaces; n++) {
            String ns = "ns-" + n;
            b.namespaces.add(new NamespaceInfo(meta(ns, ""), "Active"));
            b.serviceAccounts.add(new ServiceAccountInfo(meta(ns, "default"), null, List.of(), List.of()));
            b.configMaps.add(new ConfigMapInfo(meta(ns, "cfg"), List.of("a", "b"),
                    n % 10 == 0 ? List.of(new LeakHint("data[a]", LeakHint.Kind.URL_WITH_PASSWORD)) : List.of()));
        }
        for (int i = 0; i < 20_000; i++) {
            String ns = "ns-" + (i % namespaces);
            Duration age = Duration.ofDays(i % 200);
            ObjectMeta m = new ObjectMeta(ns, "secret-" + i, "uid-" + i, null, null, NOW.minus(age), NOW.minus(age), null);
            String type = i % 50 == 0 ? SecretInfo.TYPE_TLS : SecretInfo.TYPE_OPAQUE;
            SecretInfo.TlsFacts tls = type.equals(SecretInfo.TYPE_TLS) ? new SecretInfo.TlsFacts("CN=x" + i, "CN=ca",
                    List.of(), NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(i % 60 - 10)), "RSA", false,
                    1, null) : null;
            b.secrets.add(new SecretInfo(m, type, false, List.of(
                    new SecretInfo.SecretKeyInfo("username", 12, "u" + (i % 5000), false),
                    new SecretInfo.SecretKeyInfo("password", 24, "p" + i, false)), tls, null, null));
        }
        int deployments = 3_000;
        for (int d = 0; d < deployments; d++) {
            String ns = "ns-" + (d % namespaces);
            // each deployment uses two secrets of its namespace: one via env, one as a volume
            String s1 = "secret-" + ((d * 2) % 20_000 / namespaces * namespaces + d % namespaces);
            String s2 = "secret-" + (((d * 2 + 1) % 20_000) / namespaces * namespaces + d % namespaces);
            PodSpecInfo spec = spec(d % 3 == 0 ? "default" : "app", d % 3 == 0 ? null : false, List.of(),
                    List.of(secretVolume("creds", s2, false)),
                    List.of(container("app", List.of(envSecret("PW", s1, "password"),
                            envSecret("MISSING", "does-not-exist-" + d, "k")), List.of())));
            b.workloads.add(workload("Deployment", ns, "app-" + d, spec));
            b.workloads.add(workload("ReplicaSet", ns, "app-" + d + "-rs", spec, owner("Deployment", "app-" + d)));
            for (int p = 0; p < 10; p++) {
                b.workloads.add(workload("Pod", ns, "app-" + d + "-rs-" + p, spec, owner("ReplicaSet", "app-" + d + "-rs")));
            }
        }
        return b.build();
    }

    @Test
    void scan() {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"), "benchmark: run with -Dkustodian.bench=true");
        ClusterSnapshot snap = synthetic();
        assertThat(snap.pods()).hasSize(30_000);
        assertThat(snap.secrets()).hasSize(20_000);

        // warm-up on a separate context (JIT), then the measured run on a fresh one
        Rules.evaluate(ctx(snap));
        System.gc();
        long before = usedHeap();
        resetPeaks();
        var threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<Finding> findings = Rules.evaluate(ctx(snap));
        long analysis = System.nanoTime() - t0;
        long analysisCpu = threads.getCurrentThreadCpuTime() - c0;
        long peak = peakHeap();
        long t1 = System.nanoTime();
        String json = ReportWriter.toString(Report.of(findings, "bench", NOW, Rules.all()), ReportFormat.JSON);
        long report = System.nanoTime() - t1;

        AnalysisContext cold = ctx(snap);
        long t2 = threads.getCurrentThreadCpuTime();
        SecretUsageIndex.of(cold);
        long index = threads.getCurrentThreadCpuTime() - t2;

        System.out.printf("ScanBenchmark: %d secrets, %d pods, %d workloads; %d findings%n", snap.secrets().size(),
                snap.pods().size(), snap.workloads().size(), findings.size());
        System.out.printf("ScanBenchmark: analysis (all rules, warm) %.3f s; used-by index alone %.3f s CPU; JSON report "
                + "%.3f s (%d KB)%n", analysis / 1e9, index / 1e9, report / 1e9, json.length() / 1024);
        System.out.printf("ScanBenchmark: analysis CPU time of this thread %.3f s (wall time suffers when the "
                + "machine is loaded: load average %.1f on %d cores)%n", analysisCpu / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        AnalysisContext shared = ctx(snap);
        SecretUsageIndex.of(shared);
        for (var rule : Rules.all()) {
            long r0 = threads.getCurrentThreadCpuTime();
            int n = rule.evaluate(shared).size();
            System.out.printf("ScanBenchmark:   %-26s %6d findings %.3f s CPU%n", rule.id(), n,
                    (threads.getCurrentThreadCpuTime() - r0) / 1e9);
        }
        System.out.printf("ScanBenchmark: heap before analysis %d MB, peak during analysis %d MB (+%d MB)%n",
                before >> 20, peak >> 20, Math.max(0, peak - before) >> 20);
        assertThat(findings).isNotEmpty();
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
