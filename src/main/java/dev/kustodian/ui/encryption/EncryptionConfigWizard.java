package dev.kustodian.ui.encryption;

import dev.kustodian.core.encryption.EncryptionConfig.Key;
import dev.kustodian.core.encryption.EncryptionConfig.ProviderType;
import dev.kustodian.core.encryption.EncryptionConfigBuilder;
import dev.kustodian.core.encryption.EncryptionConfigParser;
import dev.kustodian.core.encryption.KeyGenerator;
import dev.kustodian.core.encryption.KubeadmPatch;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fix of {@code ENC-NOT-CONFIGURED}: an {@code EncryptionConfiguration} (secretbox recommended, aesgcm/aescbc with
 * warnings, KMS v2), its key generated with the CSPRNG and shown once, saved as a PRIVATE file (0600, atomic) by the
 * framework's Save, plus the kube-apiserver patch, the kubeadm fragment and the steps per control-plane node as side
 * files. The preview masks the key.
 */
public final class EncryptionConfigWizard extends NamedWizard {
    public static final String ID = "encryption-config";

    public EncryptionConfigWizard() {
        super(ID, "Encryption at rest",
                "Builds the EncryptionConfiguration that makes kube-apiserver encrypt Secrets in etcd, with a new key "
                        + "(shown once, saved 0600) and the kube-apiserver patch for every control-plane node.");
    }
    static final String SECRETBOX = "secretbox (recommended)";
    static final String AESGCM = "aesgcm (rotate before 200,000 writes)";
    static final String AESCBC = "aescbc (weak: padding oracle)";
    static final String KMS = "KMS v2 (key outside the cluster)";
    static final List<String> PROVIDERS = List.of(SECRETBOX, AESGCM, AESCBC, KMS);

    private KeyOnceField key;

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step res = form.step("Resources", "What kube-apiserver encrypts before writing to etcd. Secrets "
                + "are what matters (the CIS control \"encryption providers are appropriately configured\"); ConfigMaps and custom resources are optional.");
        res.checkbox("secrets", "Secrets", "Always recommended.", true);
        res.checkbox("configmaps", "ConfigMaps", "Only if ConfigMaps hold sensitive data.", false);
        res.list("customResources", "Other resources",
                "Resource.group names (e.g. widgets.example.com) or *.group wildcards; no '*' alone.",
                () -> crdResources(context));

        WizardForm.Step prov = form.step("Provider", "The FIRST provider encrypts every write. secretbox "
                + "(XSalsa20-Poly1305) is the recommended local key; KMS v2 keeps the key outside the cluster.");
        prov.choice("provider", "Provider", null, PROVIDERS).valueProperty().set(SECRETBOX);
        prov.text("keyName", "Key name", "Becomes part of the etcd prefix k8s:enc:<provider>:v1:<name>: — no ':'.",
                "key1").valueProperty().set(KeyGenerator.uniqueName(List.of(), Clock.systemUTC()));
        prov.text("kmsName", "KMS provider name (KMS v2)", "Unique, without ':'.", "vault-kms");
        prov.text("kmsEndpoint", "KMS plugin endpoint (KMS v2)", "The plugin's gRPC socket on every control-plane node.",
                "unix:///var/run/kmsplugin/socket.sock");
        prov.text("kmsTimeout", "KMS timeout (KMS v2)", "A Go duration, e.g. 3s.", "3s").valueProperty().set("3s");
        prov.checkbox("keepIdentity", "Keep identity last",
                "Secrets written before encryption stay readable. Remove identity after 'rewrite all secrets'.", true);

        WizardForm.Step k = form.step("Key", "A new 32-byte key for secretbox, aesgcm or aescbc (KMS v2 needs none: "
                + "the KMS holds it). It is shown once, never logged, and saved only with the configuration (0600).");
        key = k.custom(new KeyOnceField("key", "Generated key", null));

        WizardForm.Step cp = form.step("Control plane", "Where the file goes on every control-plane node "
                + "(kubeadm): the patch adds the flag, a read-only hostPath volume and its mount.");
        cp.text("configDir", "Directory on the nodes", "Mounted read-only into kube-apiserver.", "/etc/kubernetes/enc")
                .valueProperty().set("/etc/kubernetes/enc");
        cp.checkbox("automaticReload", "Automatic reload",
                "--encryption-provider-config-automatic-reload: later changes (rotation) need no restart.", true);
    }

    private static List<String> crdResources(WizardContext context) {
        if (context.snapshot() == null) {
            return List.of();
        }
        return context.snapshot().crds().stream().map(c -> c.plural() + "." + c.group()).sorted().toList();
    }

    static ProviderType providerType(String choice) {
        if (choice == null) {
            return ProviderType.SECRETBOX;
        }
        String c = choice.toLowerCase();
        if (c.startsWith("aesgcm")) {
            return ProviderType.AESGCM;
        }
        if (c.startsWith("aescbc")) {
            return ProviderType.AESCBC;
        }
        if (c.startsWith("kms")) {
            return ProviderType.KMS;
        }
        return ProviderType.SECRETBOX;
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        List<Bundle.Problem> problems = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        if (v.bool("secrets")) {
            resources.add("secrets");
        }
        if (v.bool("configmaps")) {
            resources.add("configmaps");
        }
        for (String r : v.list("customResources")) {
            if (!r.isBlank() && !resources.contains(r.trim())) {
                resources.add(r.trim());
            }
        }
        if (resources.isEmpty()) {
            problems.add(new Bundle.Problem("secrets", "Choose at least one resource to encrypt (Secrets).", true));
        } else if (!resources.contains("secrets")) {
            problems.add(new Bundle.Problem("secrets", "Secrets are not covered: they stay in plaintext in etcd "
                    + "(the CIS control \"encryption providers are appropriately configured\").", false));
        }
        ProviderType type = providerType(v.string("provider"));
        EncryptionConfigBuilder b = new EncryptionConfigBuilder().resources(resources)
                .plaintextDataExists(v.bool("keepIdentity"));
        if (type == ProviderType.KMS) {
            Duration timeout = v.string("kmsTimeout").isBlank() ? Duration.ofSeconds(3)
                    : EncryptionConfigParser.parseGoDuration(v.string("kmsTimeout"));
            if (timeout == null) {
                problems.add(new Bundle.Problem("kmsTimeout", "Not a duration: use e.g. 3s, 500ms or 1m.", true));
                timeout = Duration.ofSeconds(3);
            }
            b.kmsV2(v.string("kmsName").trim(), v.string("kmsEndpoint").trim(), timeout);
        } else {
            String name = v.string("keyName").trim();
            try {
                KeyGenerator.checkName(name);
            } catch (IllegalArgumentException e) {
                problems.add(new Bundle.Problem("keyName", e.getMessage(), true));
                name = "key";
            }
            b.keyProvider(type, new Key(name, key.secret()));
        }
        if (resources.isEmpty()) {
            return new Bundle(title(), List.of(), problems, List.of(), List.of());
        }
        EncryptionConfigBuilder.Generated g = b.build();
        for (Bundle.Problem p : g.bundle().problems()) {
            problems.add(new Bundle.Problem(fieldFor(p.path(), type), p.message(), p.error()));
        }
        switch (type) {
            case AESCBC -> problems.add(new Bundle.Problem("provider", "aescbc is weak (padding-oracle attacks); "
                    + "prefer secretbox or KMS v2.", false));
            case AESGCM -> problems.add(new Bundle.Problem("provider", "aesgcm must be rotated before 200,000 writes "
                    + "with one key; prefer secretbox unless you rotate automatically.", false));
            default -> {
            }
        }
        Bundle patch;
        try {
            patch = new KubeadmPatch(v.string("configDir").trim(), EncryptionConfigBuilder.PRIVATE_FILE,
                    v.bool("automaticReload")).bundle();
        } catch (IllegalArgumentException e) {
            problems.add(new Bundle.Problem("configDir", e.getMessage(), true));
            patch = new Bundle(title(), List.of(), List.of(), List.of(), List.of());
        }
        Bundle config = g.bundle();
        List<String> next = new ArrayList<>(config.nextSteps());
        if (type != ProviderType.KMS) {
            next.add(0, "Keep a copy of the key (Key step: shown once) in your password manager or vault: losing it "
                    + "means losing every Secret it encrypted.");
        }
        List<String> warnings = new ArrayList<>(config.warnings());
        warnings.addAll(patch.warnings());
        List<dev.kustodian.core.output.Manifest> files = new ArrayList<>(config.manifests());
        files.addAll(patch.manifests());
        return new Bundle(title(), files, problems, warnings, next);
    }

    /** A validator field path (resources[0].providers[0].secretbox.keys[0].name) → the field that answers it. */
    static String fieldFor(String path, ProviderType type) {
        if (path == null) {
            return "";
        }
        if (path.contains(".kms.name")) {
            return "kmsName";
        }
        if (path.contains(".kms.endpoint")) {
            return "kmsEndpoint";
        }
        if (path.contains(".kms.timeout")) {
            return "kmsTimeout";
        }
        if (path.contains(".keys")) {
            return "keyName";
        }
        if (path.matches("resources\\[\\d+]\\.resources.*")) {
            return "customResources";
        }
        return type == ProviderType.KMS ? "kmsName" : "provider";
    }

    /** The key field (tests). */
    public KeyOnceField keyField() {
        return key;
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        // the finding's object is the cluster (or an API server pod): nothing to pre-fill
    }
}
