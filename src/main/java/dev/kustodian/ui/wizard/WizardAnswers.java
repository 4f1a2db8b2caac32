package dev.kustodian.ui.wizard;

import dev.kustodian.core.output.RequestField;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.UserFacingException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
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
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw UserFacingException.badInput("Cannot read the answers file " + file + " (" + e.getMessage()
                    + "). Choose a file saved with Save answers.");
        }
        String id = p.getProperty("wizard");
        if (id != null && !id.equals(wizardId)) {
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
