package dev.kustodian.ui.encryption;

import dev.kustodian.core.encryption.EncryptionConfig;
import dev.kustodian.core.encryption.EncryptionConfig.Key;
import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.encryption.EncryptionConfigAnalyzer;
import dev.kustodian.core.encryption.EncryptionConfigParser;
import dev.kustodian.core.encryption.EncryptionConfigValidator;
import dev.kustodian.core.encryption.KeyGenerator;
import dev.kustodian.core.encryption.RotationPlan;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Key rotation, the official procedure: add the new key second → restart every API server → make it first →
 * restart → rewrite every Secret (in the app: count, progress, cancel, retry on conflict, resumable) → remove the old
 * key. Each step's config file is a PRIVATE file (0600, masked in the preview) with how to confirm it took effect.
 */
public final class EncryptionRotationWizard extends NamedWizard {
    public static final String ID = "encryption-rotation";

    public EncryptionRotationWizard() {
        super(ID, "Rotate the encryption key",
                "The official rotation: new key second, restart, new key first, restart, rewrite every Secret, remove "
                        + "the old key. Each step's config file (0600) and how to confirm it took effect.");
    }
    static final List<String> PROVIDERS = List.of(EncryptionConfigWizard.SECRETBOX, EncryptionConfigWizard.AESGCM,
            EncryptionConfigWizard.AESCBC);

    private KeyOnceField key;
    private RewriteField rewrite;
    /** The last file read (path, time, size) and its parse result: generate() runs on every keystroke. */
    private String cachedKey;
    private EncryptionConfigParser.Result cached;

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step cur = form.step("Current file", "The EncryptionConfiguration the API servers use "
                + "now (copy it from a control-plane node, e.g. /etc/kubernetes/enc/encryption-config.yaml). It is "
                + "read in memory only. Not encrypting yet? Use the Encryption at rest wizard instead.");
        cur.text("currentConfig", "Current EncryptionConfiguration file", "A local path.",
                "/path/to/encryption-config.yaml");

        WizardForm.Step nk = form.step("New key", "The new key the API servers will write with. The old one stays "
                + "for reading until every Secret is rewritten.");
        nk.choice("provider", "Provider", null, PROVIDERS).valueProperty().set(EncryptionConfigWizard.SECRETBOX);
        nk.text("keyName", "New key name", "Unique in the file, without ':'.", "key2")
                .valueProperty().set(KeyGenerator.uniqueName(List.of(), Clock.systemUTC()));
        key = nk.custom(new KeyOnceField("newKey", "New key", null));
        nk.checkbox("dropIdentity", "Remove identity in the last step",
                "Only when etcd verification shows 0 Secrets in plaintext.", false);

        WizardForm.Step rw = form.step("Rewrite all secrets", "Do this after step 2 is live on EVERY API server: each "
                + "Secret is read and written back unchanged, so it is stored again with the new key. The count is "
                + "shown before it starts; conflicts are retried; a cancelled run resumes where it stopped.");
        rw.text("stateFile", "Resume file", "Completed namespaces are recorded here (names only).",
                "kustodian-rewrite.state").valueProperty().set(
                Path.of(System.getProperty("user.home"), ".kustodian", "rewrite.state").toString());
        Optional<dev.kustodian.core.port.ClusterPort> none = Optional.empty();
        rewrite = rw.custom(new RewriteField("rewrite", "Rewrite", null, new RewriteRunner(
                () -> context.session() == null ? none : context.session().cluster(),
                () -> dev.kustodian.core.util.InputFiles.path(form.values().string("stateFile").isBlank()
                        ? "kustodian-rewrite.state" : form.values().string("stateFile"), "resume file"),
                context.tasks(), context.dialogs())));
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        List<Bundle.Problem> problems = new ArrayList<>();
        String file = v.string("currentConfig").trim();
        if (file.isEmpty()) {
            problems.add(new Bundle.Problem("currentConfig", "Choose the current EncryptionConfiguration file.", true));
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        EncryptionConfigParser.Result parsed;
        try {
            parsed = read(dev.kustodian.core.util.InputFiles.path(file, EncryptionConfigParser.FILE));
        } catch (RuntimeException e) {
            // the sentence `kustodian encryption validate FILE` prints
            problems.add(new Bundle.Problem("currentConfig",
                    dev.kustodian.core.errors.ErrorTranslator.translate(e, file).getMessage(), true));
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        if (parsed.config() == null) {
            problems.add(new Bundle.Problem("currentConfig", parsed.unreadable(file), true));
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        List<Bundle.Problem> errors = new ArrayList<>(parsed.errors());
        if (errors.isEmpty()) {
            errors.addAll(EncryptionConfigValidator.validate(parsed.config(), false));
        }
        if (!errors.isEmpty()) {
            problems.add(new Bundle.Problem("currentConfig", "Not a valid EncryptionConfiguration: " + errors.get(0).describe()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), true));
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        EncryptionConfig current = parsed.config();
        ProviderType type = EncryptionConfigWizard.providerType(v.string("provider"));
        String name = v.string("keyName").trim();
        try {
            KeyGenerator.checkName(name);
        } catch (IllegalArgumentException e) {
            problems.add(new Bundle.Problem("keyName", e.getMessage(), true));
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        List<RotationPlan.Step> steps;
        try {
            steps = RotationPlan.plan(current, type, new Key(name, key.secret()), v.bool("dropIdentity"));
        } catch (IllegalArgumentException e) {
            problems.add(new Bundle.Problem(e.getMessage().startsWith("Key name") ? "keyName" : "currentConfig",
                    e.getMessage(), true));
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        if (type == ProviderType.AESCBC) {
            problems.add(new Bundle.Problem("provider", "aescbc is weak (padding-oracle attacks); prefer secretbox.", false));
        } else if (type == ProviderType.AESGCM) {
            problems.add(new Bundle.Problem("provider", "aesgcm must be rotated again before 200,000 writes.", false));
        }
        List<Manifest> files = new ArrayList<>();
        StringBuilder guide = new StringBuilder("Key rotation (the official procedure), generated by Kustodian.\n"
                + "Do the steps in order; do not start a step before the previous one is confirmed on EVERY API server.\n");
        List<String> next = new ArrayList<>();
        for (RotationPlan.Step s : steps) {
            if (s.configFileName() != null) {
                files.add(Manifest.privateFile(s.configFileName(), Manifest.Format.YAML, s.configYaml(), s.maskedYaml()));
            }
            guide.append("\nStep ").append(s.number()).append(": ").append(s.title())
                    .append(s.configFileName() == null ? "" : "  [" + s.configFileName() + "]").append('\n');
            s.actions().forEach(a -> guide.append("  do:      ").append(a).append('\n'));
            s.confirm().forEach(c -> guide.append("  confirm: ").append(c).append('\n'));
            next.add("Step " + s.number() + ": " + s.title() + (s.configFileName() == null ? " — in this wizard "
                    + "(Rewrite all secrets step) or kustodian encryption rotate rewrite" : " — " + s.configFileName())
                    + ". Confirm: " + s.confirm().get(0));
        }
        files.add(Manifest.sideFile("ROTATION-STEPS.txt", Manifest.Format.TEXT, guide.toString()));
        List<String> warnings = new ArrayList<>();
        warnings.add("The step files hold the old and the new key: keep them 0600 on the control-plane nodes only; "
                + "keep a copy of the new key (New key step: shown once) in your password manager.");
        EncryptionConfigAnalyzer.analyze(current).observations().stream()
                .filter(o -> o.severity().atLeast(dev.kustodian.core.findings.Severity.MEDIUM))
                .forEach(o -> warnings.add("Current file: " + o.message()));
        return new Bundle(title(), files, problems, warnings, next);
    }

    /** Parsed once per file version (path, modification time, size): the preview regenerates on every edit. */
    private EncryptionConfigParser.Result read(Path p) {
        var a = dev.kustodian.core.util.InputFiles.requireRegularFile(p, EncryptionConfigParser.FILE);
        String k = p.toAbsolutePath() + "|" + a.lastModifiedTime() + "|" + a.size();
        if (!k.equals(cachedKey)) {
            cached = EncryptionConfigParser.parseFile(p);
            cachedKey = k;
        }
        return cached;
    }

    /** The key field (tests). */
    public KeyOnceField keyField() {
        return key;
    }

    /** The rewrite step (tests). */
    public RewriteField rewriteField() {
        return rewrite;
    }
}
