package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestSnapshots;
import dev.kustodian.ui.wizard.YamlPreview;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.util.List;

/**
 * The real shell as the end-to-end page and wizard tests drive it: every page and wizard, tasks on the calling
 * thread, the given dialogs, every source opened as {@link TestSnapshots#session}, no kubeconfig contexts, settings
 * in memory; shown on the test's stage and started up (the first load done).
 */
public final class TestShell {
    private TestShell() {
    }

    /** Shows the shell on {@code stage} at 1600×1000 and starts it up. */
    public static ShellView show(Stage stage, DialogService dialogs) {
        return show(stage, dialogs, 1600, 1000);
    }

    /** Shows the shell on {@code stage} at the given size and starts it up. */
    public static ShellView show(Stage stage, DialogService dialogs, double width, double height) {
        ShellView shell = KustodianApp.createShell(new SameThreadTaskExecutor(), dialogs,
                (spec, p, c) -> TestSnapshots.session(spec), ContextSource.of(List.of(), null, false),
                Settings.inMemory(), Pages.pages(), Pages.wizards());
        stage.setScene(new Scene(shell, width, height));
        stage.show();
        shell.viewModel().startUp();
        return shell;
    }

    /** The text of the open wizard's YAML preview. */
    public static String preview(FxRobot robot) {
        return robot.lookup("#wizard-preview").queryAs(YamlPreview.class).getText();
    }
}
