package dev.kustodian.ui.wizard;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.output.Bundle;

/**
 * A wizard: builds its form once ({@link WizardForm} steps and fields), and turns the current field values into a
 * {@link Bundle} (a pure function, re-run on every change for the live preview). Adding a wizard = one class
 * implementing this + one line in the app's page list ({@code ui.app.Pages}). The framework adds the last "Review" step with
 * Save to folder, Copy and Apply.
 */
public interface Wizard {
    /** Stable id; {@code Finding.fix()} names it. */
    String id();

    String title();

    /** One sentence: what it generates and why. */
    String description();

    /** Declares the steps and fields; {@code context} gives the snapshot for pickers. */
    void build(WizardForm form, WizardContext context);

    /** The generated bundle for the current values. Problem paths name field ids (or aliases). */
    Bundle generate(FormValues values, WizardContext context);

    /** Pre-fills fields for a finding's object (Fix button). Default: nothing. */
    default void prefill(WizardForm form, ObjectRef target) {
    }
}
