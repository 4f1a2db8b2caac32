package dev.kustodian.ui.framework;

import javafx.scene.Scene;

/** Work timed by the scene's pulses (FX thread). */
public final class Pulses {
    private Pulses() {
    }

    /** Runs {@code action} once, right after the next pulse has laid out {@code scene} (a pulse is requested). */
    public static void afterNextPulse(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        scene.getRoot().requestLayout();
    }
}
