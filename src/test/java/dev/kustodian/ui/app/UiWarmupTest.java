package dev.kustodian.ui.app;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' warm-up: its class list is real, and it builds every control with its skin off the FX thread. */
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
        assertThat(UiWarmup.run()).isEqualTo(UiWarmup.classNames().size() + UiWarmup.CONTROLS.size());
    }
}
