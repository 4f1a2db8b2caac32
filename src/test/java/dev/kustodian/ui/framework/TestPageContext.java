package dev.kustodian.ui.framework;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;

/**
 * A page context for page tests: the given state, executor, dialogs, wizards and kubeconfig contexts; wizard openings
 * are recorded in {@code opened} as "wizard-id object" (just the id without a target); no other page exists.
 */
public record TestPageContext(AppState state, TaskExecutor tasks, DialogService dialogs, WizardRegistry wizards,
                              List<String> opened, KubeContexts contexts) implements PageContext {

    /** A context without kubeconfig contexts ({@link KubeContexts#NONE}). */
    public TestPageContext(AppState state, TaskExecutor tasks, DialogService dialogs, WizardRegistry wizards,
                           List<String> opened) {
        this(state, tasks, dialogs, wizards, opened, KubeContexts.NONE);
    }

    /** The app's light theme (AtlantaFX Primer Light) as the user-agent stylesheet, as the shell sets it. */
    public static void lightTheme() {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
    }

    /**
     * Creates {@code page}'s view, hands the page the state's current snapshot and shows the view on {@code stage} at
     * 1600×1000.
     */
    public <P extends Page> P show(Stage stage, P page) {
        Parent view = (Parent) page.view();
        page.onSnapshot(state.snapshot(), state.session());
        stage.setScene(new Scene(view, 1600, 1000));
        stage.show();
        return page;
    }

    @Override
    public boolean hasWizard(String wizardId) {
        return wizards.isRegistered(wizardId);
    }

    @Override
    public void openWizard(String wizardId, ObjectRef target) {
        opened.add(wizardId + (target == null ? "" : " " + target.display()));
    }

    @Override
    public void navigate(String pageId) {
    }

    @Override
    public boolean hasPage(String pageId) {
        return false;
    }

    /** Recorded in {@code opened} as "reload". */
    @Override
    public void reload() {
        opened.add("reload");
    }
}
