package dev.kustodian.ui.framework;

import javafx.scene.Scene;

import java.util.ArrayDeque;

/**
 * Steps that change a scene's nodes, each with a pulse of its own (FX thread): a step runs in the gap after the pulse
 * after the previous step's, so that one pulse styles and lays out what one step changed. For updates no user waits
 * for at that moment: pages kept hidden that follow a load or a namespace change ({@link AbstractPage#showResult}),
 * and a large view built in pieces. Run back to back, two pages' updates and the page on screen's own were styled in
 * the same pulse (up to 72 ms of FX CPU on the 20,000-secret cluster).
 */
public final class PacedSteps {
    private final Scene scene;
    private final ArrayDeque<Runnable> steps = new ArrayDeque<>();
    private boolean scheduled;

    private PacedSteps(Scene scene) {
        this.scene = scene;
    }

    /** The scene's steps (FX thread; kept in the scene's properties, so they go with it). */
    public static PacedSteps of(Scene scene) {
        return (PacedSteps) scene.getProperties().computeIfAbsent(PacedSteps.class, k -> new PacedSteps(scene));
    }

    /** Steps added and not run yet (FX thread): for tests and benchmarks that wait for the screen. */
    public int pending() {
        return steps.size();
    }

    /** Runs {@code step} after the steps added before it, with at least one pulse between it and the previous one. */
    public void add(Runnable step) {
        steps.add(step);
        if (!scheduled) {
            scheduled = true;
            afterTwoPulses();
        }
    }

    private void afterTwoPulses() {
        Pulses.afterNextPulse(scene, () -> Pulses.afterNextPulse(scene, this::runNext));
    }

    private void runNext() {
        Runnable step = steps.poll();
        if (step == null) {
            scheduled = false;
            return;
        }
        try {
            step.run();
        } finally {
            if (steps.isEmpty()) {
                scheduled = false;
            } else {
                afterTwoPulses();
            }
        }
    }
}
