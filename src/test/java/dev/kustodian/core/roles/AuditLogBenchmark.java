package dev.kustodian.core.roles;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarded benchmark (-Dkustodian.bench=true): writes a ~1 GB synthetic audit log (plain JSON lines, pre-built,
 * some with RequestResponse bodies) into a temp dir and reads it in a child JVM started with -Xmx256m, so bounded
 * memory is proven by the heap limit itself; the child reports events/second, MB/second, peak heap and GC figures.
 */
class AuditLogBenchmark {
    static final long TARGET_BYTES = Long.getLong("kustodian.bench.bytes", 1L << 30);
    /** -Dkustodian.bench.gzip=true: write the log gzip-compressed (TARGET_BYTES of uncompressed JSON). */
    static final boolean GZIP = Boolean.getBoolean("kustodian.bench.gzip");

    @Test
    void oneGigabyteInBoundedMemory(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"));
        Path log = dir.resolve(GZIP ? "audit.log.gz" : "audit.log");
        long t0 = System.nanoTime();
        long[] written = write(log, TARGET_BYTES);
        double genSec = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "generated %,d lines, %,d bytes of JSON (%,d bytes on disk%s) in %.1f s%n",
                written[0], written[1], Files.size(log), GZIP ? ", gzip" : "", genSec);
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), log.toString()).redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            System.out.print(out);
            assertThat(code).as(out).isZero();
            assertThat(out).contains("events=" + String.format(Locale.ROOT, "%d", written[0]));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Pre-built lines written round-robin until the target size: {lines, bytes}. */
    static long[] write(Path file, long target) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        Random rnd = new Random(42);
        String[] users = {"system:serviceaccount:shop:api", "system:serviceaccount:kube-system:coredns", "alice", "system:node:n1"};
        String[][] refs = {{"", "secrets", "shop"}, {"", "configmaps", "shop"}, {"", "pods", "shop"}, {"apps", "deployments", "shop"},
                {"", "nodes", ""}, {"coordination.k8s.io", "leases", "kube-system"}, {"", "endpoints", "default"}, {"", "services", ""}};
        String[] verbs = {"get", "list", "watch", "update", "patch", "create"};
        String body = ",\"requestObject\":{\"kind\":\"Secret\",\"data\":{\"k\":\"" + "QUJD".repeat(600) + "\"}}";
        for (int i = 0; i < 400; i++) {
            String user = users[rnd.nextInt(users.length)];
            String[] ref = refs[rnd.nextInt(refs.length)];
            String verb = verbs[rnd.nextInt(verbs.length)];
            boolean named = !verb.equals("list") && !verb.equals("watch") && !verb.equals("create");
            String name = named ? "obj-" + rnd.nextInt(8) : "";
            String ts = String.format(Locale.ROOT, "2026-11-%02dT%02d:%02d:00.%06dZ", 1 + rnd.nextInt(27), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(1_000_000));
            String stage = rnd.nextInt(10) == 0 ? "RequestReceived" : "ResponseComplete";
            String line = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":\"" + java.util.UUID.nameUUIDFromBytes(new byte[]{(byte) i, (byte) (i >> 8)})
                    + "\",\"stage\":\"" + stage + "\",\"requestURI\":\"/api/v1/namespaces/" + ref[2] + "/" + ref[1] + "\",\"verb\":\"" + verb
                    + "\",\"user\":{\"username\":\"" + user + "\",\"uid\":\"1234\",\"groups\":[\"system:serviceaccounts\",\"system:authenticated\"]},"
                    + "\"sourceIPs\":[\"10.0.0." + i % 250 + "\"],\"userAgent\":\"kube-probe/1.31\",\"objectRef\":{\"resource\":\"" + ref[1] + "\""
                    + (ref[2].isEmpty() ? "" : ",\"namespace\":\"" + ref[2] + "\"") + (name.isEmpty() ? "" : ",\"name\":\"" + name + "\"")
                    + ",\"apiGroup\":\"" + ref[0] + "\",\"apiVersion\":\"v1\"}"
                    + (i % 20 == 0 ? body : "")
                    + ",\"responseStatus\":{\"metadata\":{},\"code\":" + (i % 17 == 0 ? 403 : 200) + "},"
                    + "\"requestReceivedTimestamp\":\"" + ts + "\",\"stageTimestamp\":\"" + ts + "\","
                    + "\"annotations\":{\"authorization.k8s.io/decision\":\"allow\",\"authorization.k8s.io/reason\":\"RBAC: allowed by ClusterRoleBinding\"}}\n";
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        long bytes = 0, count = 0;
        OutputStream raw = Files.newOutputStream(file);
        if (GZIP) {
            raw = new java.util.zip.GZIPOutputStream(raw, 1 << 16) {
                {
                    def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                }
            };
        }
        try (OutputStream out = new BufferedOutputStream(raw, 1 << 20)) {
            while (bytes < target) {
                byte[] l = lines.get((int) (count % lines.size()));
                out.write(l);
                bytes += l.length;
                count++;
            }
        }
        return new long[]{count, bytes};
    }

    /** Runs in the child JVM (-Xmx256m). */
    public static final class Main {
        public static void main(String[] args) {
            Path log = Path.of(args[0]);
            RoleSynthesizer.Collector c = new RoleSynthesizer.Collector(RbacSubject.serviceAccount("shop", "api"),
                    RoleSynthesizer.Options.defaults());
            long t0 = System.nanoTime();
            AuditLogReader.Result r = new AuditLogReader(Progress.NONE, new Cancellation()).read(List.of(log), c);
            Bundle b = RoleSynthesizer.bundle(c, r, ScopeTable.builtIn(), null);
            double sec = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            long gcCount = 0, gcMs = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += Math.max(0, gc.getCollectionCount());
                gcMs += Math.max(0, gc.getCollectionTime());
            }
            System.out.printf(Locale.ROOT, "events=%d passed=%d matched=%d malformed=%d rules-objects=%d%n",
                    r.events(), r.passed(), c.matched(), r.malformed(), b.objects().size());
            System.out.printf(Locale.ROOT, "read %.2f GB (on disk) in %.1f s: %,.0f events/s, %.1f MB/s; max heap %d MB, "
                            + "peak heap used (sum of pool peaks) %d MB; GC %d collections, %d ms%n",
                    r.bytes() / (double) (1L << 30), sec, r.events() / sec, r.bytes() / sec / (1 << 20),
                    Runtime.getRuntime().maxMemory() >> 20, peak >> 20, gcCount, gcMs);
        }
    }
}
