package dev.kustodian.ui.app;

import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.util.BuildInfo;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.wizard.Wizard;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/** The window's menu: File (open a source, refresh, quit), Generate (every wizard), View (theme), Help (About). */
final class ShellMenuBar extends MenuBar {

    ShellMenuBar(ShellViewModel vm, DialogService dialogs, WizardRegistry wizards, Consumer<String> openWizard,
                 Runnable chooseSnapshot, Runnable toggleTheme) {
        MenuItem openSnapshot = new MenuItem("Open snapshot…", new FontIcon(Feather.FILE));
        openSnapshot.setOnAction(e -> chooseSnapshot.run());
        MenuItem openDemo = new MenuItem("Open demo cluster", new FontIcon(Feather.PLAY_CIRCLE));
        openDemo.setOnAction(e -> vm.openDemo());
        MenuItem openKube = new MenuItem("Open current kubeconfig context");
        openKube.setOnAction(e -> vm.open(SourceSpec.live(null, null)));
        MenuItem refresh = new MenuItem("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        refresh.setOnAction(e -> vm.refresh());
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, openKube, openSnapshot, openDemo, new SeparatorMenuItem(), refresh,
                new SeparatorMenuItem(), quit);
        Menu generate = new Menu("Generate");
        // the wizards' titles are read when the menu first opens (no wizard is created for the first frame); a
        // menu without items would not open, so it starts with one that is replaced
        generate.getItems().add(new MenuItem("Wizards…"));
        generate.setOnShowing(e -> {
            if (generate.getItems().size() == 1 && generate.getItems().get(0).getOnAction() == null) {
                generate.getItems().setAll(wizardItems(wizards, openWizard));
            }
        });
        MenuItem theme = new MenuItem("Toggle light/dark theme", new FontIcon(Feather.MOON));
        theme.setOnAction(e -> toggleTheme.run());
        Menu view = new Menu("View", null, theme);
        MenuItem about = new MenuItem("About Kustodian");
        about.setId("about");
        about.setOnAction(e -> dialogs.showInfo("About Kustodian", aboutText()));
        getMenus().addAll(file, generate, view, new Menu("Help", null, about));
        setId("menu-bar");
    }

    private static java.util.List<MenuItem> wizardItems(WizardRegistry wizards, Consumer<String> openWizard) {
        java.util.List<MenuItem> items = new java.util.ArrayList<>();
        for (String id : wizards.ids()) {
            Wizard w = wizards.create(id).orElseThrow();
            MenuItem mi = new MenuItem(w.title() + "…", new FontIcon(Feather.TOOL));
            mi.setOnAction(e -> openWizard.accept(id));
            items.add(mi);
        }
        return items;
    }

    /** The About dialog's text: the build's version and the runtime it runs on. */
    static String aboutText() {
        return "Kustodian " + BuildInfo.version() + "\n"
                + "Shows where Kubernetes Secrets are exposed and generates the configuration that fixes it.\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), JavaFX "
                + System.getProperty("javafx.runtime.version", "?");
    }
}
