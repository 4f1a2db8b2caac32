package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.Pulses;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * Start-up markers for measuring the GUI from launch (on with {@code -Dkustodian.startupMarkers=true}, used by
 * {@code GuiStartupBenchmark}): one stderr line when the first frame with the shell has been laid out, one when the
 * first load's results are on screen. Each line carries the JVM's uptime, the CPU time of the FX thread and of the
 * whole process until then ({@code kustodian-startup shell-shown 2101 ms fx-cpu 640 ms process-cpu 3100 ms}); the
 * benchmark times them from launch and reports the CPU times, which a shared machine's load changes much less.
 */
final class StartupMarkers {
    static final String PREFIX = "kustodian-startup ";

    private StartupMarkers() {
    }

    static boolean enabled() {
        String v = System.getProperty("kustodian.startupMarkers", "");
        return v.equals("true") || v.equals("exit");
    }

    /** {@code -Dkustodian.startupMarkers=exit}: the app quits after the populated marker (CPU time, class data). */
    private static boolean exitWhenPopulated() {
        return System.getProperty("kustodian.startupMarkers", "").equals("exit");
    }

    static void install(Scene scene, AppState state) {
        afterNextPulse(scene, "shell-shown");
        state.analysis.addListener((o, a, b) -> {
            if (a == null && b != null) {
                afterNextPulse(scene, "populated");
                if (exitWhenPopulated()) {
                    Pulses.afterNextPulse(scene, javafx.application.Platform::exit);
                }
            }
        });
    }

    private static void afterNextPulse(Scene scene, String marker) {
        Pulses.afterNextPulse(scene, () -> {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long fxCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            long processCpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
            System.err.println(PREFIX + marker + " " + uptime + " ms fx-cpu " + fxCpu + " ms process-cpu " + processCpu
                    + " ms");
            System.err.flush();
        });
    }
}
