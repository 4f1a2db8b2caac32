package dev.kustodian.ui.app;

import javafx.application.Platform;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' warm-up: its class list is real, it builds the controls whose skins measure no text with their skins off
 * the FX thread, and the text controls' skins on it.
 */
@ExtendWith(ApplicationExtension.class)
class UiWarmupTest {

    @Test
    void everyListedClassExists() {
        List<String> names = UiWarmup.classNames();
        assertThat(names).hasSizeGreaterThan(300).doesNotHaveDuplicates()
                .allMatch(n -> !n.contains("$$Lambda") && !n.contains("/"));
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            try {
                Class.forName(n, false, UiWarmup.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                missing.add(n);
            }
        }
        assertThat(missing).as("classes of warmup-classes.txt that this build does not have").isEmpty();
    }

    @Test
    void warmsEveryClassAndControlOffTheFxThread() {
        assertThat(Platform.isFxApplicationThread()).isFalse();
        assertThat(UiWarmup.run()).isEqualTo(UiWarmup.classNames().size() + UiWarmup.CONTROLS.size()
                + UiWarmup.BEHAVIOURS.size());
    }

    @Test
    void controlsWhoseSkinsMeasureTextAreBuiltOnTheFxThreadOnly(FxRobot robot) {
        // JavaFX measures text through shared static state that every layout pass on the FX thread uses
        assertThat(UiWarmup.CONTROLS).allSatisfy(c -> assertThat(c.get()).isNotInstanceOf(TextInputControl.class));
        List<Control> built = new ArrayList<>();
        robot.interact(() -> UiWarmup.FX_CONTROLS.forEach(c -> built.add(c.get())));
        assertThat(built).hasSize(2).allSatisfy(c -> {
            assertThat(c).isInstanceOf(TextInputControl.class);
            assertThat(c.getSkin()).isNotNull();
        });
    }
}
