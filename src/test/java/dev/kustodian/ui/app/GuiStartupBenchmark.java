package dev.kustodian.ui.app;

import dev.kustodian.cli.CliBenchmark;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app's start-up as users see it, in a child process on a virtual display with a fresh home (no
 * kubeconfig: the app opens the demo cluster). The display ({@code Xvfb}) is started once, before the first launch,
 * and runs for the whole benchmark, as a user's desktop is there before the app starts: its own start (0.7–1 s on
 * the 2-core machine) is not the app's ({@code -Dkustodian.bench.xvfbPerLaunch=true} starts one per launch through
 * {@code xvfb-run}, as the benchmark did before). Through the zip's launcher {@code installers/bin/kustodian}
 * without arguments (the launchers' options from {@code installers/jvm.options}, the desktop app's own from
 * {@code installers/jvm-desktop.options}, and the desktop app's class-data
 * archive, written by one unmeasured first run, as on a user's machine), or with
 * {@code -Dkustodian.bench.launcher=false} plain {@code java} + those options + {@code -jar target/kustodian.jar}.
 * Times from launch to the app's start-up markers ({@link StartupMarkers}: the first frame with the shell laid out,
 * the demo's findings on screen; {@code -Dkustodian.startupMarkers=exit} quits after the second, so
 * {@code /usr/bin/time} gives the process's CPU time and peak RSS), paired with {@code kustodian --help} (the JVM's own
 * start, the same way) in the same round. Needs the jar and {@code xvfb-run}; run with
 * {@code mvn -B -q test -Dtest=GuiStartupBenchmark -Dtest.extraArgs=-Dkustodian.bench=true}
 * ({@code -Dkustodian.bench.rounds=5}; {@code -Dkustodian.bench.jar=JAR}, {@code -Dkustodian.bench.jvmOptions=FILE} and
 * {@code -Dkustodian.bench.desktopOptions=FILE} compare another build or other options). Writes {@code target/gui-startup-benchmark.md}. Needs {@code Xvfb}
 * ({@code apt-get install xvfb}).
 */
class GuiStartupBenchmark {
    private static final Pattern TIME = Pattern.compile("kustodian-time ([\\d.]+) ([\\d.]+) ([\\d.]+) (\\d+)");
    /** The CPU times a start-up marker carries: the FX thread's and the process's until then. */
    private static final Pattern MARKER_CPU = Pattern.compile("fx-cpu (\\d+) ms process-cpu (-?\\d+) ms");

    @Test
    void firstWindowAndDemoPopulated(@TempDir Path home) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"), "benchmark: run with -Dkustodian.bench=true");
        Path jar = Path.of(System.getProperty("kustodian.bench.jar", "target/kustodian.jar")).toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "needs target/kustodian.jar: mvn -B -q -DskipTests package");
        boolean xvfbPerLaunch = Boolean.getBoolean("kustodian.bench.xvfbPerLaunch");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(xvfbPerLaunch ? "/usr/bin/xvfb-run" : "/usr/bin/Xvfb")),
                "needs Xvfb (apt-get install xvfb)");
        try (Display display = xvfbPerLaunch ? null : Display.start()) {
            run(home, jar, display);
        }
    }

    private static void run(Path home, Path jar, Display display) throws Exception {
        int rounds = Integer.getInteger("kustodian.bench.rounds", 5);
        Path options = Path.of(System.getProperty("kustodian.bench.jvmOptions", "installers/jvm.options"));
        boolean launcher = !"false".equals(System.getProperty("kustodian.bench.launcher"));
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.addAll(CliBenchmark.jvmOptions(options));
        java.addAll(CliBenchmark.jvmOptions(CliBenchmark.desktopOptions()));
        List<String> app;
        String how;
        if (launcher) {
            Path dir = Files.createTempDirectory(home, "app");
            app = CliBenchmark.install(dir, jar, options);
            how = "through the zip's launcher `installers/bin/kustodian` (`" + String.join(" ", java.subList(1, java.size()))
                    + "` + the desktop app's class-data archive written by a first, unmeasured, run)";
        } else {
            app = new ArrayList<>(java);
            app.addAll(List.of("-jar", jar.toString()));
            how = "JVM options: `" + String.join(" ", java.subList(1, java.size())) + "`, plain `-jar`";
        }
        if (launcher) { // first runs: the CLI's and the desktop app's class-data archives
            List<String> help = new ArrayList<>(app);
            help.add("--help");
            assertThat(new ProcessBuilder(help).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.MINUTES)).isTrue();
            launch(app, home, display, new LinkedHashMap<>());
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<String> help = new ArrayList<>(app);
            help.add("--help");
            Process h = new ProcessBuilder(help).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(h.waitFor(5, TimeUnit.MINUTES)).isTrue();
            seconds.computeIfAbsent("kustodian --help", k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
            launch(app, home, display, seconds);
            System.out.printf("GuiStartupBenchmark round %d: %s%n", r + 1, seconds);
        }
        assertThat(seconds).containsKeys("GUI shell-shown", "GUI populated");
        List<Double> base = seconds.get("kustodian --help");
        how += display == null ? ", a display started per launch (`xvfb-run`, counted in the times)"
                : ", one display (`Xvfb`) started before the first launch";
        StringBuilder md = new StringBuilder(how + ", " + rounds + " rounds, load average "
                + Files.readString(Path.of("/proc/loadavg")).split(" ")[0]
                + " at the end\n\n| from launch to | median (range) | × `--help` (median of paired ratios) |\n|---|---|---|\n");
        for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
            List<Double> v = e.getValue();
            boolean timed = !e.getKey().startsWith("GUI process") && !e.getKey().endsWith(" CPU");
            double[] ratio = new double[v.size()];
            for (int i = 0; i < v.size(); i++) {
                ratio[i] = v.get(i) / base.get(i);
            }
            String unit = e.getKey().endsWith("MB") ? " MB" : " s";
            md.append(String.format("| %s | %.2f%s (%.2f–%.2f) | %s |%n", e.getKey(),
                    median(v.stream().mapToDouble(Double::doubleValue).toArray()), unit,
                    v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    timed ? String.format("%.2f", median(ratio)) : ""));
        }
        System.out.println(md);
        Files.writeString(Path.of("target/gui-startup-benchmark.md"), md);
    }

    /** One start of the desktop app, timed to its markers; the process's CPU time and peak RSS when it quits. */
    private static void launch(List<String> app, Path home, Display display, Map<String, List<Double>> seconds)
            throws Exception {
        List<String> gui = new ArrayList<>();
        if (display == null) {
            gui.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 " + Display.SCREEN));
        }
        gui.addAll(List.of("/usr/bin/time", "-f", "kustodian-time %e %U %S %M"));
        boolean plainJava = !app.get(0).equals("sh");
        gui.addAll(plainJava ? app.subList(0, app.size() - 2) : app);
        if (plainJava) {
            gui.add("-Dkustodian.startupMarkers=exit");
            gui.addAll(app.subList(app.size() - 2, app.size()));
        }
        ProcessBuilder pb = new ProcessBuilder(gui).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("KUSTODIAN_OPTS", "-Dkustodian.startupMarkers=exit");
        pb.environment().remove("KUBECONFIG");
        if (display != null) {
            pb.environment().put("DISPLAY", display.name());
            pb.environment().remove("XAUTHORITY");
        }
        long start = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.startsWith(StartupMarkers.PREFIX)) {
                    String marker = line.substring(StartupMarkers.PREFIX.length()).split(" ")[0];
                    seconds.computeIfAbsent("GUI " + marker, k -> new ArrayList<>())
                            .add((System.nanoTime() - start) / 1e9);
                    Matcher cpu = MARKER_CPU.matcher(line);
                    if (cpu.find()) {
                        seconds.computeIfAbsent("GUI " + marker + ": FX thread CPU", k -> new ArrayList<>())
                                .add(Long.parseLong(cpu.group(1)) / 1e3);
                        seconds.computeIfAbsent("GUI " + marker + ": process CPU", k -> new ArrayList<>())
                                .add(Long.parseLong(cpu.group(2)) / 1e3);
                    }
                }
                Matcher m = TIME.matcher(line);
                if (m.find()) {
                    seconds.computeIfAbsent("GUI process CPU user+sys until it quit", k -> new ArrayList<>())
                            .add(Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3)));
                    seconds.computeIfAbsent("GUI process peak RSS, MB", k -> new ArrayList<>())
                            .add(Long.parseLong(m.group(4)) / 1024.0);
                }
            }
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the app quits after its populated marker").isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    /** A virtual display for every launch of the benchmark: {@code Xvfb} on a free display number. */
    private record Display(Process xvfb, String name) implements AutoCloseable {
        static final String SCREEN = "1920x1080x24";

        /** Starts Xvfb and waits until it accepts connections (it writes its display number then). */
        static Display start() throws Exception {
            Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", SCREEN, "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                String number = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertThat(number).as("Xvfb's display number").isNotNull().matches("\\d+");
                return new Display(p, ":" + number);
            } catch (Exception | AssertionError e) {
                p.destroy();
                throw e;
            }
        }

        @Override
        public void close() throws InterruptedException {
            xvfb.destroy();
            xvfb.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
