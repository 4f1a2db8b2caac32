package dev.kustodian.ui.framework;

import dev.kustodian.core.findings.ObjectRef;

/** What a page gets at creation: shared state and services, and navigation to other pages and wizards. */
public interface PageContext {
    AppState state();

    TaskExecutor tasks();

    DialogService dialogs();

    /** True when a wizard with this id is registered (a Fix button for it can be enabled). */
    boolean hasWizard(String wizardId);

    /** Opens wizard {@code wizardId}, pre-filled for {@code target} (nullable). No-op when not registered. */
    void openWizard(String wizardId, ObjectRef target);

    /** Switches to the page with this id (when registered). */
    void navigate(String pageId);

    /** True when a page with this id is registered. */
    boolean hasPage(String pageId);

    /** Reloads the current source through the shell's load (off the FX thread), as Ctrl+R does. */
    void reload();

    /** The kubeconfig's contexts (list, switch to one, load one in the background); none by default. */
    default KubeContexts contexts() {
        return KubeContexts.NONE;
    }
}
