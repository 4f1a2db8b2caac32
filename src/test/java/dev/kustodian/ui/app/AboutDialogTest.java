package dev.kustodian.ui.app;

import dev.kustodian.core.util.BuildInfo;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestSnapshots;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Help › About shows the version the build put into build.properties (the same one {@code kustodian -V} prints). */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        SessionOpener opener = (spec, progress, cancel) -> TestSnapshots.session(spec);
        ShellView shell = KustodianApp.createShell(new SameThreadTaskExecutor(), dialogs, opener,
                ContextSource.of(List.of("dev"), "dev", true), Settings.inMemory(), Pages.pages(),
                Pages.wizards());
        stage.setScene(new Scene(shell, 1000, 700));
        stage.show();
    }

    @Test
    void aboutShowsTheBuildVersion(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu help = bar.getMenus().stream().filter(m -> m.getText().equals("Help")).findFirst().orElseThrow();
        MenuItem about = help.getItems().stream().filter(i -> "about".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(about::fire);

        assertThat(dialogs.shown).hasSize(1);
        assertThat(dialogs.shown.get(0).title()).isEqualTo("About Kustodian");
        assertThat(dialogs.shown.get(0).message()).startsWith("Kustodian " + BuildInfo.version() + "\n");
        assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
