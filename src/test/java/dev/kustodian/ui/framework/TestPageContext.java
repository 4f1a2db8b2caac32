package dev.kustodian.ui.framework;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.ui.wizard.WizardRegistry;

import java.util.List;

/**
 * A page context for page tests: the given state, executor, dialogs and wizards; wizard openings are recorded in
 * {@code opened} as "wizard-id object" (just the id without a target); no other page exists.
 */
public record TestPageContext(AppState state, TaskExecutor tasks, DialogService dialogs, WizardRegistry wizards,
                              List<String> opened) implements PageContext {

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
