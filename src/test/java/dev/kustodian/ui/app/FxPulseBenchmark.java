package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.SyntheticClusterJson;
import dev.kustodian.ui.framework.FxTaskExecutor;
import dev.kustodian.ui.framework.PacedSteps;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.framework.TaskHandle;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app on the 20,000-secret cluster ({@link SyntheticClusterJson.Counts#LARGE}: 500 namespaces, 20,000
 * secrets, 30,000 pods...), written as one {@code kubectl get -o json} List file and opened through the app's own
 * snapshot loader: does the FX thread stay free? A probe ({@link AnimationTimer}, called once per pulse) records the
 * gap between consecutive pulses and the FX thread's CPU time within each gap (CPU time, unlike wall time, does not
 * grow with the machine's load). For the load, for every page switch (until the page's background work and its
 * results are on screen) and for typing in every page's filter, it reports the longest gap, the most FX-thread CPU in
 * one gap, and how many gaps had more than 50 ms of FX-thread CPU ("blocked pulses"); also the time from "snapshot
 * loaded" to "Access page shown" (issue 11). Last, a refresh: the same cluster loaded again while every page exists
 * (each page's {@code onSnapshot} runs on the FX thread when the load arrives). With {@code -Dkustodian.bench.gaps=true}
 * it also prints every task callback with 20 ms of FX CPU or more. Not a timed assertion: run with
 * {@code mvn -B -q test -Dtest=FxPulseBenchmark -Dtest.extraArgs=-Dkustodian.bench=true}; writes
 * {@code target/fx-pulse-benchmark.md}.
 */
@ExtendWith(ApplicationExtension.class)
class FxPulseBenchmark {
    private static final double BLOCKED_MS = 50;
    /** {@code -Dkustodian.bench.gaps=true}: prints every gap of an action with 20 ms of FX CPU or more. */
    private static final boolean GAPS = Boolean.getBoolean("kustodian.bench.gaps");
    /** The FX CPU from which {@code kustodian.bench.gaps} prints a gap (ms): {@code -Dkustodian.bench.gapMs}. */
    private static final int GAP_MS = Integer.getInteger("kustodian.bench.gapMs", 20);
    private final CountingExecutor tasks = new CountingExecutor(new FxTaskExecutor());
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private ShellView shell;
    private Probe probe;
    private StallSampler stalls;

    @Start
    void start(Stage stage) {
        shell = KustodianApp.createShell(tasks, new RecordingDialogService(), SessionOpener.CLUSTER_LOADER,
                ContextSource.of(List.of(), null, false), Settings.inMemory(), Pages.pages(), Pages.wizards());
        shell.preparePagesAhead(); // as the app's window does
        stage.setScene(new Scene(shell, 1600, 1000));
        stage.show();
        probe = new Probe();
        probe.start();
        stage.getScene().addPreLayoutPulseListener(probe::beforeLayout);
        stage.getScene().addPostLayoutPulseListener(probe::afterLayout);
        if (Boolean.getBoolean("kustodian.bench.stacks")) {
            stalls = new StallSampler(Thread.currentThread());
        }
    }

    @Test
    void everyPageAndFilterOnTheLargeCluster(FxRobot robot, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"), "benchmark: run with -Dkustodian.bench=true");
        Path file = dir.resolve("large-cluster.json");
        writeSnapshot(file, SyntheticClusterJson.Counts.LARGE);
        StringBuilder md = new StringBuilder("Cluster: " + SyntheticClusterJson.Counts.LARGE + " as one List file ("
                + Files.size(file) / 1_000_000 + " MB), load average " + loadAverage() + " at the start, "
                + Runtime.getRuntime().availableProcessors() + " cores\n\n"
                + "| action | wall until done | longest pulse gap | most FX-thread CPU in one gap (of which CSS + layout) "
                + "| gaps with > 50 ms FX CPU |\n"
                + "|---|---|---|---|---|\n");

        measure(robot, md, "open the snapshot (load, analysis, first page)",
                () -> shell.viewModel().openSnapshot(file));
        assertThat(shell.viewModel().state.snapshot().secrets()).hasSize(SyntheticClusterJson.Counts.LARGE.secrets());
        UiWarmup.awaitDone(); // a user reads the first page before opening another one
        // ... while the shell prepares the pages not shown yet in idle pulses
        measure(robot, md, "prepare the other pages (idle pulses after the warm-up)", () -> { }, () -> {
            java.util.concurrent.CompletableFuture<Void> prepared = new java.util.concurrent.CompletableFuture<>();
            try {
                runOnFx(() -> shell.whenPagesPrepared(() -> prepared.complete(null)));
                prepared.get(10, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        String memoryPrepared = memory(); // before any other page is opened

        Page access = shell.page("access").orElseThrow();
        double accessShown = measure(robot, md, "switch to Access (snapshot loaded → Access page shown)",
                () -> shell.showPage(access));
        for (Page p : shell.pages()) {
            if (p.id().equals("fleet")) {
                continue; // lists the kubeconfig's contexts, none here
            }
            measure(robot, md, "switch to " + p.title(), () -> shell.showPage(p));
            TextInputControl filter = p.filterField();
            if (filter != null && filter.getScene() != null) {
                measure(robot, md, "type \"secret-1\" in " + p.title() + "'s filter", () -> { }, () -> {
                    robot.clickOn(filter);
                    robot.write("secret-1");
                });
                measure(robot, md, "clear " + p.title() + "'s filter", () -> filter.clear());
            }
        }
        String memoryShown = memory(); // before the namespace filter's background work (as in the earlier passes)
        // back to Secrets, then the namespace filter: every page's view model filters again, every view follows
        Page secrets = shell.page("secrets").orElseThrow();
        measure(robot, md, "switch to Secrets again", () -> shell.showPage(secrets));
        String namespace = shell.viewModel().state.snapshot().namespaces().get(1).meta().name();
        measure(robot, md, "choose one namespace in the namespace filter (on Secrets)",
                () -> shell.viewModel().state.namespaceFilter.setAll(namespace));
        measure(robot, md, "clear the namespace filter", () -> shell.viewModel().state.namespaceFilter.clear());
        // a refresh: the same cluster loaded again while every page exists (each page's onSnapshot runs)
        java.lang.ref.WeakReference<Object> firstLoad = new java.lang.ref.WeakReference<>(
                shell.viewModel().state.snapshot());
        measure(robot, md, "refresh (second load of the same cluster, every page created)",
                () -> shell.viewModel().openSnapshot(file));
        System.gc();
        if (firstLoad.get() != null) {
            String[] held = new String[1];
            runOnFx(() -> held[0] = String.join("\nand\n  ", Reachability.paths(shell, firstLoad.get(), 8)));
            System.out.println("FxPulseBenchmark: the first load's snapshot is still reachable after the refresh:\n  "
                    + (held[0].isEmpty() ? "(not from the shell)" : held[0]));
        }
        md.append("\nSnapshot loaded → Access page shown: ").append(String.format("%.2f s", accessShown)).append('\n');
        md.append("\nMemory once the first page is on screen and the others prepared: ").append(memoryPrepared)
                .append("; every page shown: ").append(memoryShown).append("; after the refresh: ").append(memory())
                .append('\n');
        System.out.println(md);
        Files.writeString(Path.of("target/fx-pulse-benchmark.md"), md);
    }

    /** Runs {@code action} on the FX thread, waits until its background work is done and drawn; one table row. */
    private double measure(FxRobot robot, StringBuilder md, String name, Runnable action) throws Exception {
        return measure(robot, md, name, action, () -> { });
    }

    private double measure(FxRobot robot, StringBuilder md, String name, Runnable fxAction, Runnable robotAction)
            throws Exception {
        waitIdle(robot);
        probe.reset();
        if (stalls != null) {
            stalls.reset();
        }
        java.time.Instant started = java.time.Instant.now(); // to find the action in a JFR recording
        long t0 = System.nanoTime();
        robot.interact(fxAction);
        robotAction.run();
        waitIdle(robot);
        double wall = (System.nanoTime() - t0) / 1e9;
        Probe.Stats s = probe.stats();
        md.append(String.format("| %s | %.2f s | %.0f ms | %.0f ms (%.0f ms) | %d of %d |%n", name, wall, s.maxGapMs,
                s.maxCpuMs, s.maxCpuLayoutMs, s.blocked, s.gaps));
        System.out.printf("FxPulseBenchmark %s (from %s): %.2f s, longest gap %.0f ms, FX CPU %.0f ms (CSS + layout %.0f"
                        + " ms), blocked %d/%d%n", name, started, wall, s.maxGapMs, s.maxCpuMs, s.maxCpuLayoutMs,
                s.blocked, s.gaps);
        if (GAPS) {
            System.out.print(probe.gapLog());
        }
        if (stalls != null) {
            System.out.print(stalls.report());
        }
        return wall;
    }

    /**
     * Waits until no task runs, no paced step waits ({@link PacedSteps}) and two more pulses were drawn (their results
     * are on screen).
     */
    private void waitIdle(FxRobot robot) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            robot.interact(() -> { });
            if (tasks.running.get() == 0 && pacedSteps() == 0) {
                int pulses = probe.pulses();
                while (probe.pulses() < pulses + 2 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                if (tasks.running.get() == 0 && pacedSteps() == 0) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("background work still running after 10 minutes").isLessThan(deadline);
            Thread.sleep(10); // polling for the end of the work, not timing it
        }
    }

    /**
     * Once per pulse on the FX thread: the gap since the previous pulse and the FX thread's CPU time within it, and how
     * much of that CPU time went to the previous pulse's CSS and layout passes (between the scene's pre- and
     * post-layout pulse listeners); the rest is event handlers, {@code runLater} work, animations and rendering.
     */
    private final class Probe extends AnimationTimer {
        record Stats(double maxGapMs, double maxCpuMs, double maxCpuLayoutMs, int blocked, int gaps) {
        }

        private long lastWall = -1;
        private long lastCpu;
        private long layoutStart;
        private long layoutCpu;
        private double maxGap;
        private double maxCpu;
        private double maxCpuLayout;
        private int blocked;
        private int gaps;
        private final List<String> gapLog = new java.util.ArrayList<>();
        /** The task callbacks that ran in the current gap, with their FX CPU. */
        private final List<String> callbacks = new java.util.ArrayList<>();
        private volatile int pulses;
        private volatile long lastPulse = System.nanoTime();

        @Override
        public void handle(long now) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            if (lastWall >= 0) {
                double gap = (wall - lastWall) / 1e6;
                double busy = (cpu - lastCpu) / 1e6;
                maxGap = Math.max(maxGap, gap);
                if (busy > maxCpu) {
                    maxCpu = busy;
                    maxCpuLayout = layoutCpu / 1e6;
                }
                gaps++;
                if (GAPS && busy >= GAP_MS) {
                    gapLog.add(String.format("    gap %d: %.0f ms wall, %.0f ms FX CPU (CSS + layout %.0f ms)%s%s%n", gaps,
                            gap, busy, layoutCpu / 1e6, preparedViews(), callbacks.isEmpty() ? ""
                                    : "; callbacks: " + String.join(", ", callbacks)));
                }
                callbacks.clear();
                if (busy > BLOCKED_MS) {
                    blocked++;
                }
            }
            lastWall = wall;
            lastCpu = cpu;
            lastPulse = wall;
            layoutCpu = 0;
            pulses++;
        }

        /** The page view being prepared ahead, to tell which page a gap prepared. */
        private String preparedViews() {
            javafx.scene.Node view = shell.preparingView();
            return view == null ? "" : ", preparing " + view.getClass().getSimpleName();
        }

        /** A task's callback ran in the current gap (FX thread). */
        void callback(String title, long cpuMs) {
            callbacks.add(String.format("\"%s\" %d ms", title, cpuMs));
        }

        void beforeLayout() {
            layoutStart = threads.getCurrentThreadCpuTime();
        }

        void afterLayout() {
            layoutCpu += threads.getCurrentThreadCpuTime() - layoutStart;
        }

        int pulses() {
            return pulses;
        }

        void reset() throws Exception {
            runOnFx(() -> {
                // the first gap starts now: it holds the action, which runs before the next pulse
                lastWall = System.nanoTime();
                lastCpu = threads.getCurrentThreadCpuTime();
                layoutCpu = 0;
                maxGap = 0;
                maxCpu = 0;
                maxCpuLayout = 0;
                blocked = 0;
                gaps = 0;
                gapLog.clear();
                callbacks.clear();
            });
        }

        Stats stats() throws Exception {
            Stats[] s = new Stats[1];
            runOnFx(() -> s[0] = new Stats(maxGap, maxCpu, maxCpuLayout, blocked, gaps));
            return s[0];
        }

        String gapLog() throws Exception {
            String[] s = new String[1];
            runOnFx(() -> s[0] = String.join("", gapLog));
            return s[0];
        }
    }

    /**
     * With {@code -Dkustodian.bench.stacks=true}: samples the FX thread's stack every 2 ms while a pulse is overdue
     * (over 20 ms since the last one) and prints, per action, the frames found in most of those samples — where the
     * FX thread spends a long gap (unlike JFR's sampler, it also sees class loading and other VM work).
     */
    private final class StallSampler extends Thread {
        private final Thread fx;
        private final java.util.Map<String, Integer> frames = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger samples = new AtomicInteger();

        StallSampler(Thread fx) {
            super("fx-stall-sampler");
            this.fx = fx;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            while (true) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - probe.lastPulse > 20_000_000L) {
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (StackTraceElement e : fx.getStackTrace()) {
                        String f = e.getClassName() + "." + e.getMethodName();
                        if (seen.add(f)) {
                            frames.merge(f, 1, Integer::sum);
                        }
                    }
                    samples.incrementAndGet();
                }
            }
        }

        void reset() {
            frames.clear();
            samples.set(0);
        }

        String report() {
            int n = samples.get();
            StringBuilder b = new StringBuilder("  stalled-FX samples: " + n + "\n");
            frames.entrySet().stream().filter(e -> e.getValue() * 10 >= n && n > 0)
                    .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(Integer.getInteger("kustodian.bench.stackFrames", 60))
                    .forEach(e -> b.append(String.format("  %5d %s%n", e.getValue(), e.getKey())));
            return b.toString();
        }
    }

    private int pacedSteps() throws Exception {
        int[] n = new int[1];
        runOnFx(() -> n[0] = PacedSteps.of(shell.getScene()).pending());
        return n[0];
    }

    private static void runOnFx(Runnable r) throws Exception {
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            r.run();
            f.complete(null);
        });
        f.get(10, TimeUnit.MINUTES);
    }

    /** The app's executor, counting tasks until their callback has run on the FX thread. */
    private final class CountingExecutor implements TaskExecutor {
        final AtomicInteger running = new AtomicInteger();
        private final TaskExecutor delegate;

        CountingExecutor(TaskExecutor delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                                     Consumer<? super Throwable> onFailure) {
            running.incrementAndGet();
            return delegate.submit(title, work, r -> {
                long cpu = GAPS ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
                try {
                    onSuccess.accept(r);
                } finally {
                    running.decrementAndGet();
                    if (GAPS) {
                        long ms = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000;
                        if (probe != null) {
                            probe.callback(title, ms);
                        }
                        if (ms >= 20) {
                            System.out.printf("    task \"%s\" done: %d ms FX CPU in its callback%n", title, ms);
                        }
                    }
                }
            }, t -> {
                try {
                    onFailure.accept(t);
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    /** The cluster's objects as one {@code kubectl get -o json} List (the items of every list page). */
    static void writeSnapshot(Path file, SyntheticClusterJson.Counts counts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[".getBytes(StandardCharsets.UTF_8));
            boolean first = true;
            for (SyntheticClusterJson.Listing l : SyntheticClusterJson.build(counts).values()) {
                for (byte[] page : l.pages()) {
                    String body = new String(page, StandardCharsets.UTF_8);
                    String items = body.substring(body.indexOf("\"items\":[") + 9, body.lastIndexOf(']'));
                    if (items.isEmpty()) {
                        continue;
                    }
                    if (!first) {
                        out.write(',');
                    }
                    out.write(items.getBytes(StandardCharsets.UTF_8));
                    first = false;
                }
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Heap in use after a full collection, and the process's resident set now and at its peak. */
    private static String memory() throws IOException {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = "?";
        String peak = "?";
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).strip();
            } else if (line.startsWith("VmHWM:")) {
                peak = line.substring(6).strip();
            }
        }
        return String.format("heap after full GC %d MB, RSS %s (peak %s)", heap >> 20, rss, peak);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
