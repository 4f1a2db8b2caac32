package dev.kustodian.cli;

import dev.kustodian.core.cluster.SyntheticApiServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot CLI as users run it: each command a cold child process (the zip's launcher {@code bin/kustodian} over
 * {@code target/kustodian.jar}, with the launchers' options from {@code installers/jvm.options} and the class-data
 * archive the launcher makes on its first run) under {@code /usr/bin/time -v}, against a
 * loopback API server in another process ({@link SyntheticApiServer}: 500 namespaces, 20,000 secrets, 30,000 pods,
 * ~75 MB of JSON in pages of 500), with the preinstalled {@code kubectl} listing the same kinds side by side. Each
 * round runs kubectl and then each kustodian command back to back; the report gives medians (and ranges) of wall
 * time and peak RSS, the median ratio to kubectl's run of the same round, and the load average at the time. Then
 * start-up: {@code --help} paired with {@code summary --demo}.
 * <p>
 * Needs the jar ({@code mvn -B -q -DskipTests package}); run with
 * {@code mvn -B -q test -Dtest=CliBenchmark -Dtest.extraArgs=-Dkustodian.bench=true} (options:
 * {@code -Dkustodian.bench.rounds=3}, {@code -Dkustodian.bench.jvmOptions=FILE}, {@code -Dkustodian.bench.desktopOptions=FILE} (the
 * desktop app's, which the CLI does not use), {@code -Dkustodian.bench.jar=JAR}, {@code -Dkustodian.bench.warmup=false}, {@code -Dkustodian.bench.only=startup|cluster},
 * {@code -Dkustodian.bench.launcher=false}: plain {@code java} + options + {@code -jar}, without the zip's launcher
 * {@code installers/bin/kustodian} and its class-data archive).
 * Prints a Markdown table and writes it to {@code target/cli-benchmark.md}.
 */
public class CliBenchmark {

    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (?:(\\d+):)?(\\d+):([\\d.]+)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final String KINDS = "secrets,pods,configmaps,serviceaccounts,roles,rolebindings,clusterroles,"
            + "clusterrolebindings,namespaces";

    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([\\d.]+)");
    private static final Pattern SYS = Pattern.compile("System time \\(seconds\\): ([\\d.]+)");

    record Run(double wallSeconds, long rssKb, double load, double cpuSeconds) {
    }

    private final Map<String, List<Run>> runs = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    @Test
    void oneShotCli(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"), "benchmark: run with -Dkustodian.bench=true");
        Path jar = Path.of(System.getProperty("kustodian.bench.jar", "target/kustodian.jar")).toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "needs target/kustodian.jar: mvn -B -q -DskipTests package");
        int rounds = Integer.getInteger("kustodian.bench.rounds", 3);
        String only = System.getProperty("kustodian.bench.only", "");
        Path options = Path.of(System.getProperty("kustodian.bench.jvmOptions", "installers/jvm.options"));
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.addAll(jvmOptions(options));
        java.addAll(List.of("-jar", jar.toString()));
        if (!"false".equals(System.getProperty("kustodian.bench.launcher"))) {
            java = launcher(dir.resolve("app"), jar, options);
            report.append("Through the zip's launcher `installers/bin/kustodian` (JVM options from `").append(options)
                    .append("`: `").append(String.join(" ", jvmOptions(options)))
                    .append("`, plus the class-data archive its first, unmeasured, run made), ");
        } else {
            report.append("JVM options: `").append(String.join(" ", java.subList(1, java.size() - 2))).append("`, ");
        }
        report.append(rounds).append(" rounds, ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores\n\n");

        if (!only.equals("startup")) {
            cluster(dir, java, rounds);
        }
        if (!only.equals("cluster")) {
            for (int r = 0; r < rounds; r++) {
                time("kustodian --help", args(java, "--help"), null);
                time("kustodian summary --demo", args(java, "summary", "--demo"), null);
            }
            table("kustodian --help");
        }
        if (!failures.isEmpty()) {
            report.append("Runs that failed (not counted): ").append(String.join("; ", failures)).append("\n");
        }
        System.out.println(report);
        Files.writeString(Path.of("target/cli-benchmark.md"), report.toString());
    }

    private void cluster(Path dir, List<String> java, int rounds) throws Exception {
        Path portFile = dir.resolve("port");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1500m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SyntheticApiServer.class.getName(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(portFile); i++) {
                assertThat(server.isAlive()).as("API server process").isTrue();
                Thread.sleep(500);
            }
            String port = Files.readString(portFile).trim();
            Path kc = dev.kustodian.core.cluster.TestKubeconfigs.write(dir.resolve("kubeconfig"),
                    Map.of("bench", "http://127.0.0.1:" + port), Map.of());
            String kcs = kc.toString();
            Path out = dir.resolve("report");
            List<String> kubectl = List.of("kubectl", "--kubeconfig", kcs, "--cache-dir", dir.resolve("kcache").toString(),
                    "get", KINDS, "-A", "-o", "json");
            // one unmeasured kubectl run fills its discovery cache, as on a workstation that used kubectl before
            if (!"false".equals(System.getProperty("kustodian.bench.warmup"))) {
                time("(kubectl warm-up)", kubectl, null);
            }
            for (int r = 0; r < rounds; r++) {
                time("kubectl get " + KINDS + " -A -o json", kubectl, null);
                time("kustodian summary --kubeconfig", args(java, "summary", "--kubeconfig", kcs), null);
                time("kustodian scan -o table", args(java, "scan", "--kubeconfig", kcs, "-o", "table"), null);
                for (String f : List.of("json", "sarif")) {
                    Path file = out.resolveSibling("report." + f);
                    Files.deleteIfExists(file);
                    time("kustodian scan -o " + f + " --output FILE", args(java, "scan", "--kubeconfig", kcs, "-o", f,
                            "--output", file.toString()), file);
                }
            }
            table("kubectl get " + KINDS + " -A -o json");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The download's layout in {@code app} (the jar, {@code lib/} with links to the dependencies, {@code conf/jvm.options},
     * {@code bin/kustodian}) and one unmeasured first run of the launcher, which writes the class-data archive that
     * every later run uses, as on a user's machine. Returns the command that runs the launcher.
     */
    private static List<String> launcher(Path app, Path jar, Path options) throws Exception {
        List<String> command = install(app, jar, options);
        Process first = new ProcessBuilder(args(command, "summary", "--demo"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(first.waitFor(10, TimeUnit.MINUTES)).as("first run of the launcher").isTrue();
        // the archive is written by the launcher's background training run: wait until it is in place and the
        // training process is gone (its lock folder removed)
        List<String> lib = List.of();
        for (int i = 0; i < 1_200; i++) {
            try (var files = Files.list(app.resolve("lib"))) {
                lib = files.map(f -> f.getFileName().toString()).filter(f -> f.contains(".jsa")).toList();
            }
            if (lib.size() == 1 && lib.get(0).endsWith(".jsa")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(lib).as("class-data archive written after the launcher's first run, no lock or temporary file")
                .hasSize(1).allMatch(f -> f.endsWith(".jsa"));
        return command;
    }

    /**
     * The download's layout in {@code app}: the jar, {@code lib/} with links to the dependencies,
     * {@code conf/jvm.options} (a copy of {@code options}), {@code conf/jvm-desktop.options} (a copy of
     * {@link #desktopOptions()}), {@code bin/kustodian}. Returns the command that runs the
     * launcher (no run yet: its first run writes the class-data archive).
     */
    public static List<String> install(Path app, Path jar, Path options) throws IOException {
        Files.createDirectories(app.resolve("lib"));
        Files.createDirectories(app.resolve("bin"));
        Files.createDirectories(app.resolve("conf"));
        Files.createSymbolicLink(app.resolve("kustodian.jar"), jar);
        try (var deps = Files.list(jar.resolveSibling("lib"))) {
            for (Path dep : deps.toList()) {
                Files.createSymbolicLink(app.resolve("lib").resolve(dep.getFileName()), dep.toAbsolutePath());
            }
        }
        Files.copy(options, app.resolve("conf/jvm.options"));
        Files.copy(desktopOptions(), app.resolve("conf/jvm-desktop.options"));
        Files.copy(Path.of("installers/bin/kustodian"), app.resolve("bin/kustodian"));
        return List.of("sh", app.resolve("bin/kustodian").toString());
    }

    private static List<String> args(List<String> java, String... args) {
        List<String> l = new ArrayList<>(java);
        l.addAll(Arrays.asList(args));
        return l;
    }

    /**
     * The desktop app's own JVM options, which the launcher adds when it starts without arguments
     * ({@code -Dkustodian.bench.desktopOptions}, default {@code installers/jvm-desktop.options}).
     */
    public static Path desktopOptions() {
        return Path.of(System.getProperty("kustodian.bench.desktopOptions", "installers/jvm-desktop.options"));
    }

    public static List<String> jvmOptions(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    private void time(String label, List<String> command, Path expectedFile) throws Exception {
        Path timeFile = Files.createTempFile("time", ".txt");
        try {
            double load = loadAverage();
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", timeFile.toString()));
            cmd.addAll(command);
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(30, TimeUnit.MINUTES)).as(label).isTrue();
            if (p.exitValue() != 0) {
                // e.g. exit 3 when the loaded machine kept the server from answering within the connect deadline
                System.out.printf("CliBenchmark: %-60s FAILED with exit code %d (load %.1f); not counted%n", label,
                        p.exitValue(), load);
                failures.add(label + ": exit " + p.exitValue() + " at load " + load);
                return;
            }
            if (expectedFile != null) {
                assertThat(expectedFile).as(label + " output").isNotEmptyFile();
            }
            String t = Files.readString(timeFile);
            Matcher w = WALL.matcher(t);
            Matcher m = RSS.matcher(t);
            Matcher u = USER.matcher(t);
            Matcher sy = SYS.matcher(t);
            assertThat(w.find() && m.find() && u.find() && sy.find()).as("/usr/bin/time -v output of " + label).isTrue();
            double wall = (w.group(1) == null ? 0 : Integer.parseInt(w.group(1)) * 3600)
                    + Integer.parseInt(w.group(2)) * 60 + Double.parseDouble(w.group(3));
            Run run = new Run(wall, Long.parseLong(m.group(1)), load,
                    Double.parseDouble(u.group(1)) + Double.parseDouble(sy.group(1)));
            runs.computeIfAbsent(label, k -> new ArrayList<>()).add(run);
            System.out.printf("CliBenchmark: %-60s %7.2f s %7d MB %7.2f s CPU (load %.1f)%n", label, wall,
                    run.rssKb() / 1024, run.cpuSeconds(), load);
        } finally {
            Files.deleteIfExists(timeFile);
        }
    }

    /** The rows measured since the last table; ratios to {@code base}'s run of the same round. */
    private void table(String base) {
        report.append("| command | wall median (range) | peak RSS median (range) | CPU user+sys median | × ")
                .append("`").append(base.split(" -")[0]).append("` wall (median of paired ratios) | load avg |\n")
                .append("|---|---|---|---|---|---|\n");
        List<Run> baseRuns = runs.getOrDefault(base, List.of());
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            if (e.getKey().startsWith("(")) {
                continue;
            }
            List<Run> l = e.getValue();
            double[] ratio = new double[l.size()];
            for (int i = 0; i < l.size(); i++) {
                ratio[i] = i >= baseRuns.size() ? Double.NaN : l.get(i).wallSeconds() / baseRuns.get(i).wallSeconds();
            }
            report.append(String.format("| `%s` | %.2f s (%.2f–%.2f) | %d MB (%d–%d) | %.2f s | %.2f | %.1f |%n", e.getKey(),
                    median(l.stream().mapToDouble(Run::wallSeconds).toArray()),
                    l.stream().mapToDouble(Run::wallSeconds).min().orElse(0),
                    l.stream().mapToDouble(Run::wallSeconds).max().orElse(0),
                    Math.round(median(l.stream().mapToDouble(r -> r.rssKb() / 1024.0).toArray())),
                    l.stream().mapToLong(Run::rssKb).min().orElse(0) / 1024,
                    l.stream().mapToLong(Run::rssKb).max().orElse(0) / 1024,
                    median(l.stream().mapToDouble(Run::cpuSeconds).toArray()), median(ratio), median(l.stream().mapToDouble(Run::load).toArray())));
        }
        report.append('\n');
        runs.clear();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
