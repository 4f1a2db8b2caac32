package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.SyntheticClusterJson;
import dev.kustodian.ui.framework.FxTaskExecutor;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.secrets.SecretsPage;
import dev.kustodian.ui.secrets.SecretsViewModel;
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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The FX thread's cost of the large tables' updates, each repeated many times in one JVM so that variants can be told
 * apart where {@link FxPulseBenchmark}'s single cold pass is too noisy: on the 20,000-secret cluster, the FX-thread
 * CPU from an action to the end of the next pulse's CSS and layout passes (the action, its list work, CSS and layout;
 * not rendering) for the Secrets inventory arriving in an empty table, a keystroke in Secrets's filter, and choosing
 * and clearing a namespace; and for Access, whose filter runs in the background, its table getting the subjects a
 * filter lets through (from all 10,000 ranked subjects to those of "sec", none on this cluster, and back). Reports the median and the largest of each (the largest is usually the first
 * round's, with the code not compiled yet). With {@code -Dkustodian.bench.windows=true} it prints each measured
 * action's start and end (local time), to attribute a JFR recording's samples to actions. Not a timed assertion: run
 * with {@code mvn -B -q test -Dtest=TablePulseBenchmark -Dtest.extraArgs=-Dkustodian.bench=true}
 * ({@code -Dkustodian.bench.rounds=N}, 12 by default); writes {@code target/table-pulse-benchmark.md}.
 */
@ExtendWith(ApplicationExtension.class)
class TablePulseBenchmark {
    private static final int ROUNDS = Integer.getInteger("kustodian.bench.rounds", 12);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private ShellView shell;
    private Scene scene;
    private volatile CompletableFuture<Long> afterLayout;
    private java.time.LocalTime lastStart;

    @Start
    void start(Stage stage) {
        shell = KustodianApp.createShell(new FxTaskExecutor(), new RecordingDialogService(),
                SessionOpener.CLUSTER_LOADER, ContextSource.of(List.of(), null, false), Settings.inMemory(),
                Pages.pages(), Pages.wizards());
        shell.preparePagesAhead();
        scene = new Scene(shell, 1600, 1000);
        stage.setScene(scene);
        stage.show();
        scene.addPostLayoutPulseListener(() -> {
            CompletableFuture<Long> f = afterLayout;
            if (f != null) {
                afterLayout = null;
                f.complete(threads.getCurrentThreadCpuTime());
            }
        });
    }

    @Test
    void largeTablesUpdates(FxRobot robot, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"), "benchmark: run with -Dkustodian.bench=true");
        Path file = dir.resolve("large-cluster.json");
        FxPulseBenchmark.writeSnapshot(file, SyntheticClusterJson.Counts.LARGE);
        robot.interact(() -> shell.viewModel().openSnapshot(file));
        awaitLoaded();
        SecretsPage secrets = (SecretsPage) shell.page("secrets").orElseThrow();
        robot.interact(() -> shell.showPage(secrets));
        SecretsViewModel svm = secrets.viewModel();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) { // the inventory is built in the background
            boolean[] ready = new boolean[1];
            robot.interact(() -> ready[0] = !svm.rows.isEmpty());
            if (ready[0]) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no Secrets inventory after 10 minutes");
            }
            Thread.sleep(50); // polling for the end of the work, not timing it
        }
        var inventory = SecretsViewModel.analyse(shell.viewModel().state.analysis(),
                shell.viewModel().state.findings(), svm.clock(), null);
        StringBuilder md = new StringBuilder("| action | median FX CPU to the end of the next layout | largest | rounds |\n"
                + "|---|---|---|---|\n");
        java.util.Map<String, List<Double>> costs = new java.util.LinkedHashMap<>();
        String namespace = shell.viewModel().state.snapshot().namespaces().get(1).meta().name();
        String typed = "secret-1";
        for (int round = 0; round < ROUNDS; round++) {
            robot.interact(() -> shell.showPage(secrets));
            settle();
            cost(() -> svm.rows.clear());
            add(costs, "Secrets: the inventory arrives in the empty table", cost(() -> svm.setInventory(inventory)));
            TextInputControl sf = secrets.filterField();
            for (int i = 1; i <= typed.length(); i++) {
                String t = typed.substring(0, i);
                add(costs, "Secrets: a keystroke in the filter", cost(() -> sf.setText(t)));
            }
            add(costs, "Secrets: clear the filter", cost(sf::clear));
            add(costs, "Secrets: choose one namespace",
                    cost(() -> shell.viewModel().state.namespaceFilter.setAll(namespace)));
            add(costs, "Secrets: clear the namespace filter",
                    cost(() -> shell.viewModel().state.namespaceFilter.clear()));
        }
        // Access: the filtered subjects arriving (its filter runs in the background), from the subjects of "sec" to
        // those of "secr" and back, as the result of the keystroke that shrinks the list
        dev.kustodian.ui.access.AccessPage access = (dev.kustodian.ui.access.AccessPage) shell.page("access")
                .orElseThrow();
        robot.interact(() -> shell.showPage(access));
        var avm = access.viewModel();
        while (true) {
            boolean[] ready = new boolean[1];
            robot.interact(() -> ready[0] = avm.analysis.get() != null);
            if (ready[0]) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no Access analysis after 10 minutes");
            }
            Thread.sleep(50); // polling for the end of the work, not timing it
        }
        dev.kustodian.ui.access.AccessViewModel probe = new dev.kustodian.ui.access.AccessViewModel();
        List<List<dev.kustodian.core.rbac.SubjectRisk>> lists = new ArrayList<>();
        robot.interact(() -> {
            probe.setAnalysis(avm.analysis.get());
            for (String t : List.of("", "sec", "secr", "secret-1")) {
                probe.textFilter.set(t);
                lists.add(List.copyOf(probe.subjects));
            }
        });
        System.out.println("TablePulseBenchmark Access subjects for \"\", sec, secr, secret-1: "
                + lists.stream().map(List::size).toList());
        for (int round = 0; round < ROUNDS; round++) {
            cost(() -> avm.subjects.setAll(lists.get(0)));
            add(costs, "Access: the subjects of \"sec\" arrive", cost(() -> avm.subjects.setAll(lists.get(1))));
            add(costs, "Access: the subjects of \"secr\" arrive", cost(() -> avm.subjects.setAll(lists.get(2))));
            add(costs, "Access: the subjects of \"secret-1\" arrive", cost(() -> avm.subjects.setAll(lists.get(3))));
            add(costs, "Access: all subjects again", cost(() -> avm.subjects.setAll(lists.get(0))));
        }
        costs.forEach((name, ms) -> row(md, name, ms));
        System.out.println(md);
        Files.writeString(Path.of("target/table-pulse-benchmark.md"), md);
    }

    private void awaitLoaded() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean[] done = new boolean[1];
            Fx.onFx(() -> done[0] = shell.viewModel().state.analysis() != null);
            if (done[0]) {
                return;
            }
            Thread.sleep(50); // polling for the end of the load, not timing it
        }
        throw new IllegalStateException("the snapshot did not load in 10 minutes");
    }

    /** Two pulses with nothing to do: what the last action left behind is drawn. */
    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Long> f = new CompletableFuture<>();
            Fx.onFx(() -> {
                afterLayout = f;
                javafx.application.Platform.requestNextPulse();
            });
            f.get(1, TimeUnit.MINUTES);
        }
    }

    /** The FX thread's CPU from the start of {@code action} to the end of the next pulse's layout pass, in ms. */
    private double cost(Runnable action) throws Exception {
        settle();
        CompletableFuture<Long> end = new CompletableFuture<>();
        long[] start = new long[1];
        lastStart = java.time.LocalTime.now();
        Fx.onFx(() -> {
            start[0] = threads.getCurrentThreadCpuTime();
            afterLayout = end;
            action.run();
            javafx.application.Platform.requestNextPulse();
        });
        return (end.get(1, TimeUnit.MINUTES) - start[0]) / 1e6;
    }

    private void add(java.util.Map<String, List<Double>> costs, String name, double ms) {
        costs.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
        if (Boolean.getBoolean("kustodian.bench.windows")) {
            System.out.println("WINDOW\t" + name + "\t" + lastStart + "\t" + java.time.LocalTime.now());
        }
    }

    private static void row(StringBuilder md, String name, List<Double> ms) {
        double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return;
        }
        md.append(String.format("| %s | %.1f ms | %.1f ms | %d |%n", name, v[v.length / 2], v[v.length - 1],
                v.length));
        System.out.println("TablePulseBenchmark " + name + ": " + Arrays.toString(
                Arrays.stream(v).mapToLong(Math::round).toArray()));
    }

    /** Runs on the FX thread and waits. */
    private static final class Fx {
        static void onFx(Runnable r) throws Exception {
            CompletableFuture<Void> f = new CompletableFuture<>();
            javafx.application.Platform.runLater(() -> {
                try {
                    r.run();
                    f.complete(null);
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
            f.get(10, TimeUnit.MINUTES);
        }
    }
}
