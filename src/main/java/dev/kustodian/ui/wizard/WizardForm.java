package dev.kustodian.ui.wizard;

import dev.kustodian.core.output.Bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The form builder: steps, each with fields. {@code form.step("Secrets", "help").namespace("namespace", ...)}.
 * Field ids are unique across steps.
 */
public final class WizardForm {
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, FormField> fields = new LinkedHashMap<>();
    private final WizardContext context;

    public WizardForm(WizardContext context) {
        this.context = context;
    }

    public Step step(String title, String help) {
        Step s = new Step(title, help);
        steps.add(s);
        return s;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public List<FormField> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<FormField> field(String id) {
        return Optional.ofNullable(fields.get(id));
    }

    /** The field with this id and type (for prefill and tests); throws when missing. */
    public <F extends FormField> F field(String id, Class<F> type) {
        FormField f = fields.get(id);
        if (f == null) {
            throw new IllegalArgumentException("No field '" + id + "' in this wizard");
        }
        return type.cast(f);
    }

    /**
     * The bundle with each problem placed at its field: a request's problem path is a field id; a generator's path
     * ({@code spec.provider.vault.server}, or {@code Kind/name spec...}) goes to the field whose id or alias is its
     * longest prefix. {@code {key}} tokens in messages become the field labels.
     */
    public Bundle place(Bundle b) {
        List<Bundle.Problem> out = new ArrayList<>();
        for (Bundle.Problem p : b.problems()) {
            String path = p.path() == null ? "" : p.path();
            int sp = path.indexOf(' ');
            String field = sp > 0 && path.substring(0, sp).contains("/") ? path.substring(sp + 1) : path;
            FormField best = null;
            int bestLength = -1;
            for (FormField f : fields.values()) {
                int l = f.match(field);
                if (l > bestLength) {
                    best = f;
                    bestLength = l;
                }
            }
            Bundle.Problem r = p.render(k -> field(k).map(FormField::label).orElse(null));
            boolean moved = best != null && !best.id().equals(field);
            out.add(best == null ? r : new Bundle.Problem(best.id(), r.message()
                    + (moved && !field.isEmpty() ? " (" + field + ")" : ""), r.error()));
        }
        return new Bundle(b.title(), b.manifests(), out, b.warnings(), b.nextSteps());
    }

    public FormValues values() {
        Map<String, Object> m = new LinkedHashMap<>();
        fields.forEach((k, f) -> m.put(k, f.value()));
        return new FormValues(m);
    }

    private <F extends FormField> F add(Step step, F f) {
        if (fields.putIfAbsent(f.id(), f) != null) {
            throw new IllegalArgumentException("Duplicate field id '" + f.id() + "'");
        }
        step.fields.add(f);
        return f;
    }

    /** One step of the form. Builder methods return the created field for further set-up. */
    public final class Step {
        private final String title;
        private final String help;
        private final List<FormField> fields = new ArrayList<>();

        Step(String title, String help) {
            this.title = title;
            this.help = help;
        }

        public String title() {
            return title;
        }

        public String help() {
            return help;
        }

        public List<FormField> fields() {
            return List.copyOf(fields);
        }

        /** A wizard's own field type (a subclass of {@link FormField}), e.g. a step that runs an action. */
        public <F extends FormField> F custom(F field) {
            return add(this, field);
        }

        public Fields.Text text(String id, String label, String help, String prompt) {
            return add(this, new Fields.Text(id, label, help, prompt));
        }

        public Fields.Choice choice(String id, String label, String help, List<String> items) {
            return add(this, new Fields.Choice(id, label, help, () -> items, false));
        }

        public Fields.Check checkbox(String id, String label, String help, boolean initial) {
            return add(this, new Fields.Check(id, label, help, initial));
        }

        public Fields.ListEditor list(String id, String label, String help, Supplier<List<String>> suggestions) {
            return add(this, new Fields.ListEditor(id, label, help, suggestions));
        }

        /** A namespace picker fed from the snapshot (editable: a namespace that does not exist yet is allowed). */
        public Fields.Choice namespace(String id, String label, String help) {
            return add(this, new Fields.Choice(id, label, help, context::namespaces, true));
        }

        /** A ServiceAccount picker listing the accounts of the namespace chosen in {@code namespaceField}. */
        public Fields.Choice serviceAccount(String id, String label, String help, Fields.Choice namespaceField) {
            Fields.Choice c = add(this, new Fields.Choice(id, label, help,
                    () -> context.serviceAccounts(namespaceField.valueProperty().get()), true));
            return c.dependsOn(namespaceField);
        }

        /** A list of secret names with suggestions from the namespace chosen in {@code namespaceField}. */
        public Fields.ListEditor secrets(String id, String label, String help, Fields.Choice namespaceField) {
            Fields.ListEditor l = add(this, new Fields.ListEditor(id, label, help,
                    () -> context.secrets(namespaceField.valueProperty().get())));
            return l.dependsOn(namespaceField);
        }
    }
}
