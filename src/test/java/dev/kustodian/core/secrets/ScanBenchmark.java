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
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.core.rbac.BootstrapRbac;
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
import static dev.kustodian.core.rbac.Fx.clusterRole;
import static dev.kustodian.core.rbac.Fx.crb;
import static dev.kustodian.core.rbac.Fx.group;
import static dev.kustodian.core.rbac.Fx.named;
import static dev.kustodian.core.rbac.Fx.rb;
import static dev.kustodian.core.rbac.Fx.role;
import static dev.kustodian.core.rbac.Fx.rule;
import static dev.kustodian.core.rbac.Fx.sa;
import static dev.kustodian.core.rbac.Fx.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scan of a synthetic cluster: 20,000 secrets, 30,000 pods (3,000 Deployments × 10 pods through ReplicaSets, each
 * object with its own copy of the pod spec, as a loaded cluster has), 200 namespaces, and the RBAC of a mid-size
 * cluster: the real bootstrap RBAC plus 2 Roles and 3–4 RoleBindings per namespace (one Role names two secrets in
 * resourceNames, every tenth namespace binds {@code edit} to a user) and 32 ClusterRoles with their bindings.
 * Prints analysis time and heap. Runs only with -Dkustodian.bench=true.
 */
public class ScanBenchmark {

    static ClusterSnapshot synthetic() {
        return synthetic(200, 20_000, 3_000);
    }

    /** The same shape at another scale (the report writers' byte-for-byte test uses a small one). */
    public static ClusterSnapshot synthetic(int namespaces, int secrets, int deployments) {
        ClusterSnapshot.Builder b = builder();
        for (int n = 0; n < namespaces; n++) {
            String ns = "ns-" + n;
            b.namespaces.add(new NamespaceInfo(meta(ns, ""), "Active"));
            b.serviceAccounts.add(new ServiceAccountInfo(meta(ns, "default"), null, List.of(), List.of()));
            b.configMaps.add(new ConfigMapInfo(meta(ns, "cfg"), List.of("a", "b"),
                    n % 10 == 0 ? List.of(new LeakHint("data[a]", LeakHint.Kind.URL_WITH_PASSWORD)) : List.of()));
        }
        for (int i = 0; i < secrets; i++) {
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
        for (int d = 0; d < deployments; d++) {
            String ns = "ns-" + (d % namespaces);
            b.workloads.add(workload("Deployment", ns, "app-" + d, podSpec(d, namespaces, secrets)));
            b.workloads.add(workload("ReplicaSet", ns, "app-" + d + "-rs", podSpec(d, namespaces, secrets),
                    owner("Deployment", "app-" + d)));
            for (int p = 0; p < 10; p++) {
                b.workloads.add(workload("Pod", ns, "app-" + d + "-rs-" + p, podSpec(d, namespaces, secrets),
                        owner("ReplicaSet", "app-" + d + "-rs")));
            }
        }
        rbac(b, namespaces);
        return b.build();
    }

    /** Each deployment uses two secrets of its namespace (one via env, one as a volume) and a missing one. */
    private static PodSpecInfo podSpec(int d, int namespaces, int secrets) {
        String s1 = "secret-" + ((d * 2) % secrets / namespaces * namespaces + d % namespaces);
        String s2 = "secret-" + (((d * 2 + 1) % secrets) / namespaces * namespaces + d % namespaces);
        return spec(d % 3 == 0 ? "default" : "app", d % 3 == 0 ? null : false, List.of(),
                List.of(secretVolume("creds", s2, false)),
                List.of(container("app", List.of(envSecret("PW", s1, "password"),
                        envSecret("MISSING", "does-not-exist-" + d, "k")), List.of())));
    }

    private static void rbac(ClusterSnapshot.Builder b, int namespaces) {
        ClusterSnapshot.Builder boot = BootstrapRbac.load();
        b.roles.addAll(boot.roles);
        b.bindings.addAll(boot.bindings);
        String role = RoleInfo.ROLE;
        String clusterRole = RoleInfo.CLUSTER_ROLE;
        for (int n = 0; n < namespaces; n++) {
            String ns = "ns-" + n;
            b.roles.add(role(ns, "app-reader", rule("", "configmaps", "get"),
                    named("", "secrets", List.of("secret-" + n, "secret-" + (n + namespaces)), "get")));
            b.roles.add(role(ns, "deployer", rule("apps", "deployments", "create", "update", "patch"),
                    rule("", "pods", "get", "list", "watch"), rule("", "pods/log", "get")));
            b.bindings.add(rb(ns, "app-reader", role, "app-reader", sa(ns, "app")));
            b.bindings.add(rb(ns, "deployer", role, "deployer", group("team-" + n % 20)));
            b.bindings.add(rb(ns, "developers-view", clusterRole, "view", group("developers")));
            if (n % 10 == 0) {
                b.bindings.add(rb(ns, "dev-edit", clusterRole, "edit", user("dev-" + n)));
            }
        }
        b.roles.add(clusterRole("eso-controller", rule("", "secrets", "get", "list", "watch", "create", "update")));
        b.bindings.add(crb("eso-controller", "eso-controller", sa("external-secrets", "external-secrets")));
        b.roles.add(clusterRole("monitoring", rule("", "pods", "get", "list", "watch"),
                rule("", "nodes", "get", "list")));
        b.bindings.add(crb("monitoring", "monitoring", sa("monitoring", "prometheus")));
        for (int i = 0; i < 30; i++) {
            b.roles.add(clusterRole("ops-" + i, rule("", "services", "get", "list"),
                    i % 10 == 0 ? rule("", "pods/exec", "create") : rule("apps", "deployments", "get")));
            b.bindings.add(crb("ops-" + i, "ops-" + i, group("ops-" + i)));
        }
    }

    @Test
    void scan() {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"), "benchmark: run with -Dkustodian.bench=true");
        ClusterSnapshot snap = synthetic();
        assertThat(snap.pods()).hasSize(30_000);
        assertThat(snap.secrets()).hasSize(20_000);
        String out = System.getProperty("kustodian.bench.snapshot");
        if (out != null) {
            // the same cluster as a value-free snapshot file, for timing `kustodian scan --snapshot FILE` end to end
            try {
                dev.kustodian.core.cluster.SnapshotFileWriter.write(snap, java.nio.file.Path.of(out));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        var threads = ManagementFactory.getThreadMXBean();
        // the first analysis in this JVM: what a one-shot `kustodian scan` pays (JIT not warmed up yet)
        long f0 = processCpu();
        long fw = System.nanoTime();
        Rules.evaluate(ctx(snap), dev.kustodian.core.analysis.Analysis.allRules());
        long firstWall = System.nanoTime() - fw;
        long firstCpu = processCpu() - f0;
        // warm-up (10 runs, for the JIT), then measured runs, each on a fresh context (nothing memoised between runs)
        for (int i = 0; i < 10 + Integer.getInteger("kustodian.bench.loops", 0); i++) {
            Rules.evaluate(ctx(snap), dev.kustodian.core.analysis.Analysis.allRules());
        }
        int runs = 7;
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        long before = 0;
        long peak = 0;
        List<Finding> findings = List.of();
        for (int i = 0; i < runs; i++) {
            System.gc();
            long used = usedHeap();
            resetPeaks();
            long c0 = processCpu();
            long t0 = System.nanoTime();
            findings = Rules.evaluate(ctx(snap), dev.kustodian.core.analysis.Analysis.allRules());
            wall[i] = System.nanoTime() - t0;
            cpu[i] = processCpu() - c0;
            long p = peakHeap();
            if (p - used > peak - before) {
                before = used;
                peak = p;
            }
        }
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(wall);
        long analysis = wall[runs / 2];
        long analysisCpu = cpu[runs / 2];
        long t1 = System.nanoTime();
        String json = ReportWriter.toString(Report.of(findings, "bench", NOW, dev.kustodian.core.analysis.Analysis.allRules()), ReportFormat.JSON);
        long report = System.nanoTime() - t1;

        long index = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t2 = threads.getCurrentThreadCpuTime();
            SecretUsageIndex.of(ctx(snap));
            index = Math.min(index, threads.getCurrentThreadCpuTime() - t2);
        }

        System.out.printf("ScanBenchmark: %d secrets, %d pods, %d workloads, %d roles, %d bindings; %d findings%n",
                snap.secrets().size(), snap.pods().size(), snap.workloads().size(), snap.roles().size(),
                snap.bindings().size(), findings.size());
        System.out.printf("ScanBenchmark: analysis (all rules, warm, median wall) %.3f s; used-by index alone %.3f s CPU (best of 5); JSON report "
                + "%.3f s (%d KB)%n", analysis / 1e9, index / 1e9, report / 1e9, json.length() / 1024);
        System.out.printf("ScanBenchmark: first analysis in the JVM %.3f s wall, %.3f s CPU (JIT compiling included); "
                + "warm runs %.3f–%.3f s wall, %.3f–%.3f s CPU%n", firstWall / 1e9, firstCpu / 1e9, wall[0] / 1e9,
                wall[runs - 1] / 1e9, cpu[0] / 1e9, cpu[runs - 1] / 1e9);
        System.out.printf("ScanBenchmark: analysis CPU time of the process %.3f s, median of %d warm runs (rules run in "
                + "parallel; wall time suffers when the machine is loaded: load average %.1f on %d cores)%n",
                analysisCpu / 1e9, runs,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        var alloc = (com.sun.management.ThreadMXBean) threads;
        long a0 = alloc.getCurrentThreadAllocatedBytes();
        AnalysisContext shared = ctx(snap);
        long s0 = threads.getCurrentThreadCpuTime();
        SecretUsageIndex.of(shared);
        long s1 = threads.getCurrentThreadCpuTime();
        dev.kustodian.core.rbac.RbacEngine.of(shared);
        long s2 = threads.getCurrentThreadCpuTime();
        dev.kustodian.core.secrets.SecretReadersSource.of(shared);
        long s3 = threads.getCurrentThreadCpuTime();
        System.out.printf("ScanBenchmark:   shared: used-by index %.3f s, RBAC engine %.3f s, readers source %.3f s CPU%n",
                (s1 - s0) / 1e9, (s2 - s1) / 1e9, (s3 - s2) / 1e9);
        long sum = s3 - s0;
        long bestSum = s3 - s0;
        List<Finding> all = new java.util.ArrayList<>();
        System.out.printf("ScanBenchmark:   shared parts allocate %d MB%n", (alloc.getCurrentThreadAllocatedBytes() - a0) >> 20);
        for (var rule : dev.kustodian.core.analysis.Analysis.allRules()) {
            long b0 = alloc.getCurrentThreadAllocatedBytes();
            long r0 = threads.getCurrentThreadCpuTime();
            List<Finding> f = rule.evaluate(shared);
            long r = threads.getCurrentThreadCpuTime() - r0;
            long allocated = alloc.getCurrentThreadAllocatedBytes() - b0;
            long best = r;
            for (int k = 0; k < 10; k++) {
                long k0 = threads.getCurrentThreadCpuTime();
                rule.evaluate(shared);
                best = Math.min(best, threads.getCurrentThreadCpuTime() - k0);
            }
            bestSum += best;
            sum += r;
            all.addAll(f);
            System.out.printf("ScanBenchmark:   %-26s %6d findings %.3f s CPU (best of 11: %.3f s), %d MB allocated%n",
                    rule.id(), f.size(), r / 1e9, best / 1e9, allocated >> 20);
        }
        long o0 = threads.getCurrentThreadCpuTime();
        all.sort(Rules.ORDER);
        long order = threads.getCurrentThreadCpuTime() - o0;
        System.out.printf("ScanBenchmark:   ordering the findings %.3f s CPU; shared parts + rules + ordering %.3f s CPU "
                + "(with each rule's best of 11: %.3f s)%n", order / 1e9, (sum + order) / 1e9, (bestSum + order) / 1e9);
        System.out.printf("ScanBenchmark: heap before analysis %d MB, peak during analysis %d MB (+%d MB)%n",
                before >> 20, peak >> 20, Math.max(0, peak - before) >> 20);
        assertThat(findings).isNotEmpty();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
