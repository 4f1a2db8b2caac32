package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.AppState;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * Start-up markers for measuring the GUI from launch (on with {@code -Dkustodian.startupMarkers=true}, used by
 * {@code GuiStartupBenchmark}): one stderr line when the first frame with the shell has been laid out, one when the
 * first load's results are on screen. Each line carries the JVM's uptime; the benchmark times them from launch.
 */
final class StartupMarkers {
    static final String PREFIX = "kustodian-startup ";

    private StartupMarkers() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("kustodian.startupMarkers");
    }

    static void install(Scene scene, AppState state) {
        afterNextPulse(scene, "shell-shown");
        state.analysisProperty().addListener((o, a, b) -> {
            if (a == null && b != null) {
                afterNextPulse(scene, "populated");
            }
        });
    }

    private static void afterNextPulse(Scene scene, String marker) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.err.println(PREFIX + marker + " " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
            System.err.flush();
        };
        scene.addPostLayoutPulseListener(once[0]);
        scene.getRoot().requestLayout();
    }
}
