package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.SealedSecrets;
import dev.kustodian.core.port.ClusterPort;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.errors.ErrorTranslator;
import dev.kustodian.core.util.InputFiles;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.NamedWizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Bitnami SealedSecret sealed offline. The certificate comes from a file or is fetched from the controller
 * through the API server's service proxy (off the FX thread). Values come only from files (KEY=PATH entries): they
 * are read when the preview is generated, sealed, and wiped; no value is ever typed into a field, and the preview
 * shows ciphertext only.
 */
public final class SealedSecretWizard extends NamedWizard {
    public static final String ID = "sealed-secret";

    public SealedSecretWizard() {
        super(ID, "SealedSecret",
                "Seal values from files into a SealedSecret (bitnami.com/v1alpha1) that is safe to commit: only the"
                        + " controller in the cluster can decrypt it.");
    }
    /** Fetched certificates per namespace/service of this wizard instance. */
    private final Map<String, X509Certificate> fetched = new LinkedHashMap<>();
    private final Map<String, String> fetchErrors = new LinkedHashMap<>();
    private final java.util.Set<String> inFlight = new java.util.HashSet<>();
    private Fields.Text fetchStatus;

    @Override
    public void build(WizardForm form, WizardContext context) {
        WizardForm.Step cert = form.step("Certificate", "The controller's public certificate seals the values.");
        Fields.Choice source = cert.choice("cert-source", "Certificate source", "A PEM file (kubeseal --fetch-cert"
                + " > cert.pem), or fetched from the controller in the connected cluster.", List.of("file", "cluster"));
        source.valueProperty().set("file");
        WizardSupport.showWhen(cert.text("cert", "Certificate file", "Path of the PEM file.", "/path/to/cert.pem"),
                source, "file");
        var cns = cert.text("controller-namespace", "Controller namespace", "Namespace of the controller's Service.",
                "kube-system");
        cns.valueProperty().set("kube-system");
        WizardSupport.showWhen(cns, source, "cluster");
        var cname = cert.text("controller-name", "Controller Service", "Name of the controller's Service.",
                "sealed-secrets-controller");
        cname.valueProperty().set("sealed-secrets-controller");
        WizardSupport.showWhen(cname, source, "cluster");
        fetchStatus = cert.text("fetched", "Fetched certificate", "Filled in when the certificate has been fetched"
                + " (read only).", "not fetched yet");
        fetchStatus.node().setDisable(true);
        WizardSupport.showWhen(fetchStatus, source, "cluster");

        WizardForm.Step secret = form.step("Secret", "The Secret the controller creates.");
        secret.text("name", "Name", "Name of the Secret and the SealedSecret.", "db-credentials")
                .alias("metadata.name");
        secret.namespace("namespace", "Namespace", "Required unless the scope is cluster-wide.")
                .alias("metadata.namespace");
        Fields.Choice scope = secret.choice("scope", "Scope", "strict: only this name in this namespace (default);"
                + " namespace-wide: any name in the namespace; cluster-wide: anywhere.",
                List.of("strict", "namespace-wide", "cluster-wide"));
        scope.valueProperty().set("strict");
        Fields.Choice type = secret.choice("type", "Secret type", "Type of the created Secret.",
                List.of("Opaque", "kubernetes.io/tls", "kubernetes.io/dockerconfigjson", "kubernetes.io/basic-auth",
                        "kubernetes.io/ssh-auth"));
        type.valueProperty().set("Opaque");
        WizardForm.Step values = form.step("Values", "Values come only from files: KEY=PATH. They are read, sealed"
                + " and wiped from memory; delete the files once the SealedSecret is applied.");
        values.list("from-file", "Values from files", "e.g. password=/home/me/db-password.txt", List::of)
                .alias("spec.encryptedData");
    }

    private X509Certificate certificate(FormValues v, WizardContext context, List<Bundle.Problem> problems) {
        if ("cluster".equals(v.string("cert-source"))) {
            String key = v.string("controller-namespace") + "/" + v.string("controller-name");
            synchronized (fetched) {
                if (fetched.containsKey(key)) {
                    return fetched.get(key);
                }
                if (fetchErrors.containsKey(key)) {
                    problems.add(new Bundle.Problem("controller-name", fetchErrors.get(key), true));
                    return null;
                }
            }
            var cluster = context.session() == null ? null : context.session().cluster().orElse(null);
            if (cluster == null) {
                problems.add(new Bundle.Problem("cert-source", "No cluster connection (a snapshot or the demo):"
                        + " choose a certificate file.", true));
                return null;
            }
            if (inFlight.add(key)) {
                fetchAsync(context, cluster, v.string("controller-namespace"), v.string("controller-name"), key);
            }
            synchronized (fetched) { // an executor that runs the work at once has the answer already
                if (fetched.containsKey(key)) {
                    return fetched.get(key);
                }
                if (fetchErrors.containsKey(key)) {
                    problems.add(new Bundle.Problem("controller-name", fetchErrors.get(key), true));
                    return null;
                }
            }
            problems.add(new Bundle.Problem("fetched", "Fetching the certificate from " + key + "…", true));
            return null;
        }
        String file = v.string("cert").trim();
        if (file.isEmpty()) {
            problems.add(new Bundle.Problem("cert", "Choose the controller certificate file.", true));
            return null;
        }
        try {
            // the CLI's seal --cert reads it the same way: the same sentences for a FIFO, a folder, a huge file...
            return SealedSecrets.readCertificate(InputFiles.path(file, SealedSecrets.CERTIFICATE_FILE));
        } catch (RuntimeException e) {
            problems.add(new Bundle.Problem("cert", ErrorTranslator.translate(e, file).getMessage(), true));
            return null;
        }
    }

    /** Fetches through the executor; the result lands in the "fetched" field, which regenerates the preview. */
    private void fetchAsync(WizardContext context, ClusterPort cluster, String ns, String svc, String key) {
        context.tasks().submit("Fetch the sealing certificate from " + key, (p, c) ->
                SealedSecrets.fetchCertificate(cluster, ns, svc), cert -> {
                    synchronized (fetched) {
                        fetched.put(key, cert);
                    }
                    inFlight.remove(key);
                    fetchStatus.valueProperty().set(cert.getSubjectX500Principal().getName() + ", valid until "
                            + cert.getNotAfter().toInstant());
                }, t -> {
                    synchronized (fetched) {
                        fetchErrors.put(key, t.getMessage());
                    }
                    inFlight.remove(key);
                    fetchStatus.valueProperty().set("failed: " + t.getMessage());
                });
    }

    @Override
    public Bundle generate(FormValues v, WizardContext context) {
        List<Bundle.Problem> problems = new ArrayList<>();
        X509Certificate cert = certificate(v, context, problems);
        // the warning seal prints on stderr: shown with the generated files
        String expired = cert == null ? null : SealedSecrets.validityWarning(cert, "cluster".equals(
                v.string("cert-source")) ? "The controller's certificate" : "The certificate " + v.string("cert").trim(),
                java.time.Instant.now());
        String name = v.string("name").trim();
        if (name.isEmpty()) {
            problems.add(new Bundle.Problem("name", "Give the Secret's name.", true));
        }
        SealedSecrets.Scope scope;
        try {
            scope = SealedSecrets.Scope.parse(v.string("scope"));
        } catch (UserFacingException e) {
            problems.add(new Bundle.Problem("scope", e.getMessage(), true));
            scope = SealedSecrets.Scope.STRICT;
        }
        if (scope != SealedSecrets.Scope.CLUSTER_WIDE && v.string("namespace").isBlank()) {
            problems.add(new Bundle.Problem("namespace", "A " + v.string("scope") + " SealedSecret needs a"
                    + " namespace (the label binds it to one).", true));
        }
        Map<String, byte[]> values = new LinkedHashMap<>();
        try {
            for (String entry : v.list("from-file")) {
                int i = entry.indexOf('=');
                if (i <= 0) {
                    problems.add(new Bundle.Problem("from-file", "'" + entry + "' is not KEY=PATH.", true));
                    continue;
                }
                String key = entry.substring(0, i).trim();
                String path = entry.substring(i + 1).trim();
                if (!key.matches("[-._a-zA-Z0-9]+")) {
                    problems.add(new Bundle.Problem("from-file", "'" + key + "' is not a valid Secret key (letters,"
                            + " digits, '-', '_', '.').", true));
                    continue;
                }
                try {
                    values.put(key, SealedSecrets.readValue(InputFiles.path(path, "value file of key " + key), key));
                } catch (RuntimeException e) {
                    problems.add(new Bundle.Problem("from-file", ErrorTranslator.translate(e, path).getMessage(), true));
                }
            }
            if (values.isEmpty() && problems.stream().noneMatch(p -> p.path().equals("from-file"))) {
                problems.add(new Bundle.Problem("from-file", "Add at least one KEY=PATH: the file's bytes become"
                        + " the sealed value.", true));
            }
            if (!problems.isEmpty() || cert == null) {
                return new Bundle("SealedSecret", List.of(), problems, List.of(), List.of());
            }
            Bundle b = SealedSecrets.sealedSecret(cert, new SealedSecrets.SealSpec(name, v.string("namespace").trim(),
                    v.string("type"), scope, values, Map.of()));
            if (expired == null) {
                return b;
            }
            List<String> warnings = new ArrayList<>(b.warnings());
            warnings.add(0, expired);
            return new Bundle(b.title(), b.manifests(), b.problems(), warnings, b.nextSteps());
        } catch (UserFacingException e) {
            return new Bundle("SealedSecret", List.of(), List.of(new Bundle.Problem("", e.getMessage(), true)),
                    List.of(), List.of());
        } finally {
            values.values().forEach(SafeFiles::wipe);
        }
    }

    @Override
    public void prefill(WizardForm form, ObjectRef target) {
        if (!target.namespace().isEmpty()) {
            form.field("namespace", Fields.Choice.class).valueProperty().set(target.namespace());
        }
        if ("Secret".equals(target.kind())) {
            form.field("name", Fields.Text.class).valueProperty().set(target.name());
        }
    }
}
