package dev.kustodian.ui.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app's start-up as users see it: {@code java} + the launchers' options ({@code installers/jvm.options})
 * + {@code -jar target/kustodian.jar} without arguments, in a child process on a virtual display ({@code xvfb-run}),
 * with a fresh home (no kubeconfig: the app opens the demo cluster). Times from launch to the app's start-up markers
 * ({@link StartupMarkers}: the first frame with the shell laid out, the demo's findings on screen), paired with
 * {@code kustodian --help} (the JVM's own start) in the same round. Needs the jar and {@code xvfb-run}; run with
 * {@code mvn -B -q test -Dtest=GuiStartupBenchmark -Dtest.extraArgs=-Dkustodian.bench=true}
 * ({@code -Dkustodian.bench.rounds=5}). Writes {@code target/gui-startup-benchmark.md}.
 */
class GuiStartupBenchmark {

    @Test
    void firstWindowAndDemoPopulated(@TempDir Path home) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"), "benchmark: run with -Dkustodian.bench=true");
        Path jar = Path.of(System.getProperty("kustodian.bench.jar", "target/kustodian.jar")).toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "needs target/kustodian.jar: mvn -B -q -DskipTests package");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/xvfb-run")), "needs xvfb-run (apt-get install xvfb)");
        int rounds = Integer.getInteger("kustodian.bench.rounds", 5);
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String line : Files.readAllLines(Path.of("installers/jvm.options"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                java.add(line.strip());
            }
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<String> help = new ArrayList<>(java);
            help.addAll(List.of("-jar", jar.toString(), "--help"));
            Process h = new ProcessBuilder(help).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(h.waitFor(5, TimeUnit.MINUTES)).isTrue();
            seconds.computeIfAbsent("kustodian --help", k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);

            List<String> gui = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1920x1080x24"));
            gui.addAll(java);
            gui.addAll(List.of("-Dkustodian.startupMarkers=true", "-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(gui).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("HOME", home.toString());
            pb.environment().remove("KUBECONFIG");
            long start = System.nanoTime();
            Process p = pb.start();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (line.startsWith(StartupMarkers.PREFIX)) {
                        String marker = line.substring(StartupMarkers.PREFIX.length()).split(" ")[0];
                        seconds.computeIfAbsent("GUI " + marker, k -> new ArrayList<>())
                                .add((System.nanoTime() - start) / 1e9);
                        if (marker.equals("populated")) {
                            break;
                        }
                    }
                }
            } finally {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            System.out.printf("GuiStartupBenchmark round %d: %s%n", r + 1, seconds);
        }
        assertThat(seconds).containsKeys("GUI shell-shown", "GUI populated");
        List<Double> base = seconds.get("kustodian --help");
        StringBuilder md = new StringBuilder("JVM options: `" + String.join(" ", java.subList(1, java.size()))
                + "`, " + rounds + " rounds, load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0]
                + " at the end\n\n| from launch to | median (range) | × `--help` (median of paired ratios) |\n|---|---|---|\n");
        for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
            List<Double> v = e.getValue();
            double[] ratio = new double[v.size()];
            for (int i = 0; i < v.size(); i++) {
                ratio[i] = v.get(i) / base.get(i);
            }
            md.append(String.format("| %s | %.2f s (%.2f–%.2f) | %.2f |%n", e.getKey(),
                    median(v.stream().mapToDouble(Double::doubleValue).toArray()),
                    v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(0), median(ratio)));
        }
        System.out.println(md);
        Files.writeString(Path.of("target/gui-startup-benchmark.md"), md);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
