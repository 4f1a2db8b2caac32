package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.FxDialogService;
import dev.kustodian.ui.framework.FxTaskExecutor;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.wizard.WizardRegistry;
import dev.kustodian.ui.framework.Pulses;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: builds the services, the shell, and opens the start-up source. */
public final class KustodianApp extends Application {
    private static Settings settings;
    private static StartupLoad startupLoad;
    private TaskExecutor tasks;
    private ShellView shell;

    /**
     * Starts the app. The start-up source begins loading now, on its own thread, while JavaFX starts and the shell
     * is built.
     */
    public static void launchApp(String[] args) {
        settings = Settings.load();
        startupLoad = StartupLoad.start(ContextSource::kubeconfig, SessionOpener.CLUSTER_LOADER, settings.planDir());
        Application.launch(KustodianApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskExecutor();
        FxDialogService dialogs = new FxDialogService(() -> stage);
        StartupLoad early = startupLoad != null ? startupLoad
                : StartupLoad.start(ContextSource::kubeconfig, SessionOpener.CLUSTER_LOADER, settings().planDir());
        shell = createShell(tasks, dialogs, SessionOpener.CLUSTER_LOADER, early.contexts(), settings());
        shell.preparePagesAhead();
        stage.setTitle("Kustodian");
        stage.setScene(new Scene(shell, 1600, 1000));
        if (StartupMarkers.enabled()) {
            StartupMarkers.install(stage.getScene(), shell.viewModel().state);
        }
        // the shell's first frame (showing the load's progress) goes first, then the load's result
        shell.viewModel().startUpWith(early);
        Pulses.afterNextPulse(stage.getScene(), early::shellShown);
        stage.show();
    }

    private static Settings settings() {
        if (settings == null) {
            settings = Settings.load();
        }
        return settings;
    }

    /** Builds the shell with the given services (the app, tests and screenshots use this). */
    public static ShellView createShell(TaskExecutor tasks, DialogService dialogs, SessionOpener opener,
                                        ContextSource contexts, Settings settings) {
        return createShell(tasks, dialogs, opener, contexts, settings, Pages.pages(),
                Pages.wizards());
    }

    public static ShellView createShell(TaskExecutor tasks, DialogService dialogs, SessionOpener opener,
                                        ContextSource contexts, Settings settings, PageRegistry pages,
                                        WizardRegistry wizards) {
        AppState state = new AppState();
        ShellViewModel vm = new ShellViewModel(state, tasks, opener, contexts, settings);
        return new ShellView(vm, dialogs, tasks, pages, wizards);
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
        if (shell != null && shell.viewModel().state.session() != null) {
            shell.viewModel().state.session().close();
        }
    }
}
