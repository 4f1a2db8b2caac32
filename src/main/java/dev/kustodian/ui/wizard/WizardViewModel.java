package dev.kustodian.ui.wizard;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FolderWriter;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The state of one open wizard: the form, the current step (the last one is the framework's Review step), the
 * bundle regenerated on every change (live preview + inline problems), and the Save / Copy / Apply actions.
 */
public final class WizardViewModel {
    public final Wizard wizard;
    private final WizardContext context;
    public final WizardForm form;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final boolean production;
    public final IntegerProperty step = new SimpleIntegerProperty(0);
    public final ObjectProperty<Bundle> bundle = new SimpleObjectProperty<>();
    public final StringProperty preview = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();
    public final BooleanBinding hasErrors;
    public WizardViewModel(Wizard wizard, ClusterSession session, ObjectRef target, TaskExecutor tasks,
                           DialogService dialogs, boolean production) {
        this.wizard = wizard;
        this.context = new WizardContext(session, tasks, dialogs);
        this.form = new WizardForm(context);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.production = production;
        wizard.build(form, context);
        if (target != null) {
            wizard.prefill(form, target);
        }
        for (FormField f : form.fields()) {
            f.observable().addListener(o -> regenerate());
        }
        hasErrors = Bindings.createBooleanBinding(() -> bundle.get() == null || bundle.get().hasErrors(), bundle);
        regenerate();
    }

    /** Re-runs the wizard's generator: preview text and inline field messages. */
    public void regenerate() {
        Bundle b;
        try {
            b = wizard.generate(form.values(), context);
        } catch (RuntimeException e) {
            b = new Bundle(wizard.title(), List.of(), List.of(new Bundle.Problem("",
                    "The generator failed on these values (" + dev.kustodian.core.util.IoErrors.reason(e) + ").", true)),
                    List.of(), List.of());
        }
        b = form.place(b);
        bundle.set(b);
        for (FormField f : form.fields()) {
            f.showProblems(b.problems());
        }
        preview.set(previewText(b));
    }

    private static String previewText(Bundle b) {
        if (b.objects().isEmpty() && b.manifests().isEmpty()) {
            String errors = b.problems().stream().filter(Bundle.Problem::error).map(p -> "#   " + p.message())
                    .collect(Collectors.joining("\n"));
            return "# Nothing to generate yet. Fix the highlighted fields:\n" + errors + "\n";
        }
        return b.previewText();
    }

    /** Form steps plus the Review step. */
    public int stepCount() {
        return form.steps().size() + 1;
    }

    public boolean isReviewStep() {
        return step.get() == form.steps().size();
    }

    public List<String> stepTitles() {
        List<String> t = new java.util.ArrayList<>(form.steps().stream().map(WizardForm.Step::title).toList());
        t.add("Review and save");
        return t;
    }

    /** True when the current step's fields have no errors (Next is allowed). */
    public boolean currentStepValid() {
        if (isReviewStep()) {
            return !bundle.get().hasErrors();
        }
        return form.steps().get(step.get()).fields().stream().noneMatch(f -> f.hasError(bundle.get().problems()));
    }

    public void next() {
        if (step.get() < stepCount() - 1) {
            step.set(step.get() + 1);
        }
    }

    public void back() {
        if (step.get() > 0) {
            step.set(step.get() - 1);
        }
    }

    public void goTo(int index) {
        step.set(Math.max(0, Math.min(stepCount() - 1, index)));
    }

    /**
     * Save to folder: one file per object plus kustomization.yaml, asking before overwriting existing files.
     *
     * @return true when files were written
     */
    public boolean saveTo(Path folder) {
        Bundle b = bundle.get();
        if (b.hasErrors()) {
            status.set("Fix the errors before saving.");
            return false;
        }
        try {
            FolderWriter.Result r = FolderWriter.write(b, folder, existing -> dialogs.confirm("Replace files?",
                    existing.size() + " file(s) already exist in " + folder + ": "
                            + existing.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                            + ". Replace them?", "Replace", false));
            if (!r.declined().isEmpty()) {
                status.set("Nothing saved: the existing files were kept.");
                return false;
            }
            status.set("Saved " + r.written().size() + " file(s) to " + folder + ".");
            return true;
        } catch (IOException | RuntimeException e) {
            String msg = "Could not save to " + folder + ": " + e.getMessage() + ". Choose another folder.";
            status.set(msg);
            dialogs.showError("Save failed", msg);
            return false;
        }
    }

    /** Copies the YAML to the clipboard. */
    public void copy() {
        dialogs.copyToClipboard(bundle.get().combinedYaml());
        status.set("Copied " + bundle.get().objects().size() + " object(s) to the clipboard.");
    }

    public boolean canApply() {
        return context.session() != null && context.session().cluster().isPresent();
    }

    public String contextName() {
        ClusterSession s = context.session();
        return s == null || s.contextName() == null ? "(none)" : s.contextName();
    }

    /**
     * Apply: server-side dry run through the executor, result shown, then a confirmation naming the context (red
     * for production), then the real apply.
     */
    public void apply() {
        if (!canApply()) {
            dialogs.showError("Cannot apply", "This source has no cluster connection (a snapshot file). "
                    + "Save to a folder and apply with kubectl, or connect to the cluster.");
            return;
        }
        Bundle b = bundle.get();
        var client = context.session().cluster().orElseThrow();
        busy.set(true);
        status.set("Server-side dry run on " + contextName() + "…");
        tasks.submit("Dry run", (p, c) -> client.apply(b, true, c), dry -> {
            String summary = dry.stream().map(o -> (o.ok() ? "✓ " : "✗ ") + o.object() + ": " + o.message())
                    .collect(Collectors.joining("\n"));
            if (dry.stream().anyMatch(o -> !o.ok())) {
                busy.set(false);
                status.set("The dry run was rejected; nothing was applied.");
                dialogs.showError("Dry run rejected", summary);
                return;
            }
            boolean ok = dialogs.confirm((production ? "PRODUCTION: " : "") + "Apply to context " + contextName()
                            + "?", "The server accepted the dry run:\n" + summary + "\n\nApply "
                            + b.objects().size() + " object(s) to context " + contextName() + " now?",
                    "Apply to " + contextName(), production);
            if (!ok) {
                busy.set(false);
                status.set("Not applied.");
                return;
            }
            tasks.submit("Apply", (p2, c2) -> client.apply(b, false, c2), res -> {
                busy.set(false);
                long failed = res.stream().filter(o -> !o.ok()).count();
                status.set(failed == 0 ? "Applied " + res.size() + " object(s) to " + contextName() + "."
                        : failed + " object(s) were rejected; see the details.");
                if (failed > 0) {
                    dialogs.showError("Apply partly failed", res.stream().map(o -> o.object() + ": " + o.message())
                            .collect(Collectors.joining("\n")));
                }
            }, this::failed);
        }, this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        String msg = t instanceof UserFacingException u ? u.getMessage()
                : "The operation failed (" + dev.kustodian.core.util.IoErrors.reason(t) + "). Nothing else was changed.";
        status.set(msg);
        dialogs.showError("Apply failed", msg);
    }

    public void saveAnswers(Path file) {
        try {
            WizardAnswers.save(wizard.id(), form, file);
            status.set("Answers saved to " + file + ".");
        } catch (IOException e) {
            dialogs.showError("Cannot save answers", "Could not write " + file + ": " + e.getMessage());
        }
    }

    public void loadAnswers(Path file) {
        try {
            List<String> unknown = WizardAnswers.load(wizard.id(), form, file);
            status.set("Answers loaded from " + file + (unknown.isEmpty() ? "." : " (ignored: " + unknown + ")."));
        } catch (UserFacingException e) {
            dialogs.showError("Cannot load answers", e.getMessage());
        }
    }
}
