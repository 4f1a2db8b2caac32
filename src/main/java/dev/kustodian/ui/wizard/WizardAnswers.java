package dev.kustodian.ui.wizard;

import dev.kustodian.core.output.RequestField;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.InputFiles;
import dev.kustodian.core.util.UserFacingException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Saves and replays a wizard's answers: a small properties file ({@code wizard=ID} plus one line per field id, which
 * for the generator wizards is the key of the core request's field; lists comma-separated). Files keyed by the CLI's
 * flag names (before the requests moved to core) are read and converted. Answers hold names only, never secret
 * values.
 */
public final class WizardAnswers {
    private WizardAnswers() {
    }

    public static void save(String wizardId, WizardForm form, Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("wizard", wizardId);
        for (FormField f : form.fields()) {
            p.setProperty(f.id(), f.toText() == null ? "" : f.toText());
        }
        StringWriter w = new StringWriter();
        p.store(w, "Kustodian wizard answers: replay with Load answers");
        SafeFiles.writeAtomically(file, w.toString());
    }

    /**
     * Loads answers into the form. Returns the field ids of the file that this form does not have (ignored).
     *
     * @throws UserFacingException when the file cannot be read or is for another wizard
     */
    public static List<String> load(String wizardId, WizardForm form, Path file) {
        Properties p = new Properties();
        // the one input layer: a FIFO, a folder, a huge or binary file is refused with its sentence
        String text = InputFiles.readText(file, "wizard answers file", 1L << 20); // a few KiB at most
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw UserFacingException.badInput(file + ": is not a wizard answers file (a malformed \\uXXXX escape). "
                    + "Choose a file saved with Save answers.");
        }
        String id = p.getProperty("wizard");
        if (id == null) {
            // Save answers always writes it: anything else (a manifest, a kubeconfig, an empty file) is not replayed
            throw UserFacingException.badInput(file + ": is not a wizard answers file (it has no wizard= line, which "
                    + "Save answers always writes). Choose a file saved with Save answers.");
        }
        if (!id.equals(wizardId)) {
            throw UserFacingException.badInput("The answers file " + file + " is for the wizard '" + id
                    + "', not '" + wizardId + "'.");
        }
        List<String> unknown = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.equals("wizard")) {
                continue;
            }
            Optional<FormField> f = form.field(key).or(() -> converted(form, key));
            f.ifPresentOrElse(x -> x.setFromText(p.getProperty(key)), () -> unknown.add(key));
        }
        return unknown;
    }

    /**
     * The field an answers file written before the fields were keyed by request fields names: those files used the
     * CLI's flag names ({@code vault-server}, {@code allowed-namespace}, {@code gcp_kms}); the request field is the
     * flag in camel case ({@code vaultServer}), lists in the plural ({@code allowedNamespaces}). The next Save
     * writes the new keys.
     */
    static Optional<FormField> converted(WizardForm form, String oldKey) {
        String camel = RequestField.camel(oldKey);
        return form.field(camel).or(() -> form.field(camel + "s"));
    }
}
