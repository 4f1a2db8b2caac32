package dev.kustodian.ui.encryption;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.encryption.ApiserverMetrics;
import dev.kustodian.core.encryption.EncryptionConfig;
import dev.kustodian.core.encryption.EncryptionConfigAnalyzer;
import dev.kustodian.core.encryption.EncryptionConfigParser;
import dev.kustodian.core.encryption.EncryptionConfigValidator;
import dev.kustodian.core.encryption.EncryptionPosture;
import dev.kustodian.core.encryption.EncryptionStatus;
import dev.kustodian.core.encryption.EncryptionVerifier;
import dev.kustodian.core.encryption.EtcdReader;
import dev.kustodian.core.encryption.SnapshotVerifier;
import dev.kustodian.core.encryption.VerificationReport;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.LatestOnly;
import dev.kustodian.ui.framework.TaskExecutor;
import dev.kustodian.ui.framework.TaskHandle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Encryption page's state (FX thread): the posture from the cluster (API server flags, managed advice, metrics
 * when readable), the analysis of an opened EncryptionConfiguration, and the etcd / snapshot verification. All
 * cluster and etcd work runs through the {@link TaskExecutor}. Never holds a key or a Secret value: the opened file's
 * bytes are kept only as its analysis and (for the loaded-hash comparison) as a SHA-256 inside
 * {@link ApiserverMetrics#reportsConfig}, called while the bytes are in hand.
 */
public final class EncryptionViewModel {
    /** One row of the coverage table. */
    public record CoverageRow(String resources, String writer, String writeKey, String readOnly) {
    }

    private final TaskExecutor tasks;
    private final ObservableList<EncryptionPosture.Apiserver> apiservers = FXCollections.observableArrayList();
    private final ObservableList<String> postureLines = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final StringProperty managed = new SimpleStringProperty("");
    private final StringProperty metricsText = new SimpleStringProperty("");
    private volatile ApiserverMetrics metrics;
    /** The /metrics read of the current load: a late answer for an earlier load is dropped. */
    private final LatestOnly metricsTask;

    private final StringProperty configFile = new SimpleStringProperty("");
    private final ObservableList<CoverageRow> coverage = FXCollections.observableArrayList();
    private final ObservableList<EncryptionConfigAnalyzer.Observation> observations = FXCollections.observableArrayList();
    private final ObservableList<String> configErrors = FXCollections.observableArrayList();
    private final ObservableList<String> configWarnings = FXCollections.observableArrayList();
    private final StringProperty configSummary = new SimpleStringProperty("");
    private EncryptionConfig analysedConfig;

    static final String DEFAULT_ENDPOINT = "https://127.0.0.1:2379";
    private final StringProperty endpoints = new SimpleStringProperty(DEFAULT_ENDPOINT);
    private final StringProperty etcdHint = new SimpleStringProperty("");
    private final StringProperty caCert = new SimpleStringProperty("");
    private final StringProperty clientCert = new SimpleStringProperty("");
    private final StringProperty clientKey = new SimpleStringProperty("");
    private final StringProperty verifyConfig = new SimpleStringProperty("");
    private final StringProperty etcdPrefix = new SimpleStringProperty("/registry");
    private final ObjectProperty<VerificationReport> report = new SimpleObjectProperty<>();
    private final ObservableList<String> exposure = FXCollections.observableArrayList();
    private final StringProperty verifyStatus = new SimpleStringProperty(
            "Reads every key under /registry/secrets/ and classifies how each value is stored. Values are never shown.");
    private final BooleanProperty verifying = new SimpleBooleanProperty();
    private final DoubleProperty verifyProgress = new SimpleDoubleProperty(0);
    private TaskHandle verifyHandle;

    public EncryptionViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        this.metricsTask = new LatestOnly(tasks);
    }

    /** A new load: posture from the snapshot now, the metrics (live clusters) in the background. */
    public void update(ClusterSnapshot snapshot, ClusterSession session) {
        metricsTask.invalidate();
        metrics = null;
        metricsText.set("");
        refreshPosture(snapshot);
        prefillEtcd(snapshot);
        Optional<dev.kustodian.core.port.ClusterPort> client = session == null ? Optional.empty()
                : session.cluster();
        if (client.isEmpty()) {
            metricsText.set("Metrics: not read (a snapshot or demo source has no /metrics).");
            return;
        }
        metricsText.set("Metrics: reading /metrics…");
        metricsTask.submit("Read API server metrics", (p, c) -> ApiserverMetrics.fetch(client.get()), m -> {
            metrics = m.orElse(null);
            refreshPosture(snapshot);
        }, t -> metricsText.set("Metrics: could not be read (" + message(t) + ")."));
    }

    /**
     * Pre-fills the etcd panel from the first kube-apiserver's flags (--etcd-servers, --etcd-cafile,
     * --etcd-certfile, --etcd-keyfile: the kubeadm apiserver-etcd-client pair) while the user has not typed anything.
     */
    void prefillEtcd(ClusterSnapshot snapshot) {
        boolean untouched = (endpoints.get().isBlank() || endpoints.get().equals(DEFAULT_ENDPOINT))
                && caCert.get().isBlank() && clientCert.get().isBlank() && clientKey.get().isBlank();
        if (!untouched) {
            return;
        }
        for (EncryptionPosture.ApiserverPod pod : EncryptionPosture.apiserverPods(snapshot)) {
            String servers = pod.flag("--etcd-servers");
            if (servers == null) {
                continue;
            }
            endpoints.set(servers);
            caCert.set(Optional.ofNullable(pod.flag("--etcd-cafile")).orElse(""));
            clientCert.set(Optional.ofNullable(pod.flag("--etcd-certfile")).orElse(""));
            clientKey.set(Optional.ofNullable(pod.flag("--etcd-keyfile")).orElse(""));
            etcdHint.set("Pre-filled from " + pod.pod() + "'s flags (paths on its node: run Kustodian there, "
                    + "or copy the files).");
            return;
        }
    }

    private void refreshPosture(ClusterSnapshot snapshot) {
        EncryptionStatus.Status st = EncryptionStatus.describe(snapshot, Optional.ofNullable(metrics), Optional.empty());
        apiservers.setAll(EncryptionPosture.apiservers(snapshot));
        managed.set(EncryptionPosture.managed(snapshot).map(m -> m.label() + ": " + m.howTo()).orElse(""));
        postureLines.setAll(st.lines());
        findings.setAll(st.findings());
        List<String> m = new ArrayList<>(st.lines().stream().filter(l -> l.startsWith("Metrics:")).toList());
        if (metrics != null && !metrics.secretReadsByPrefix().isEmpty()) {
            m.add("Metrics: Secret reads by transformer prefix: " + String.join(", ", metrics.secretReadsByPrefix()
                    .entrySet().stream().map(e -> e.getKey() + " × " + Math.round(e.getValue())).toList()));
        }
        if (metrics != null && !metrics.configHashes().isEmpty()) {
            m.add("Metrics: loaded config hash " + String.join(", ", metrics.configHashes())
                    + " (open the file below to compare).");
        }
        metricsText.set(String.join("\n", m));
    }

    /** Opens and analyses an EncryptionConfiguration (small file, read on the executor). */
    public void openConfig(Path file) {
        tasks.submit("Analyse " + file.getFileName(), (p, c) -> analyse(file), this::showAnalysis,
                t -> {
                    clearAnalysis();
                    configFile.set(file.toString());
                    configErrors.setAll(message(t));
                    configSummary.set("Could not read " + file + ".");
                });
    }

    /** The outcome of analysing one file: no key material in any field. */
    public record FileAnalysis(Path file, List<Bundle.Problem> errors, List<Bundle.Problem> warnings,
                               EncryptionConfigAnalyzer.Analysis analysis, EncryptionConfig config,
                               Boolean loadedByApiservers) {
    }

    private FileAnalysis analyse(Path file) {
        // the input layer of `kustodian encryption validate`: the same sentences for a FIFO, a folder, a huge or
        // binary file, text that is not UTF-8
        byte[] bytes = EncryptionConfigParser.readBytes(file);
        try {
            EncryptionConfigParser.Result r = EncryptionConfigParser.parse(EncryptionConfigParser.decode(bytes, file),
                    file.toString());
            if (r.config() == null) {
                // no configuration at all: the sentence of `kustodian encryption validate`
                throw UserFacingException.badInput(r.unreadable(file));
            }
            List<Bundle.Problem> errors = new ArrayList<>(r.errors());
            if (!errors.isEmpty()) {
                return new FileAnalysis(file, errors, List.of(), null, null, null);
            }
            errors.addAll(EncryptionConfigValidator.validate(r.config(), false));
            Boolean loaded = metrics == null || metrics.configHashes().isEmpty() ? null : metrics.reportsConfig(bytes);
            return new FileAnalysis(file, errors, EncryptionConfigValidator.extraWarnings(r.config()),
                    EncryptionConfigAnalyzer.analyze(r.config()), r.config(), loaded);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    private void clearAnalysis() {
        coverage.clear();
        observations.clear();
        configErrors.clear();
        configWarnings.clear();
        analysedConfig = null;
    }

    private void showAnalysis(FileAnalysis a) {
        clearAnalysis();
        configFile.set(a.file().toString());
        a.errors().forEach(e -> configErrors.add(e.path() + ": " + e.message()));
        a.warnings().forEach(w -> configWarnings.add(w.path() + ": " + w.message()));
        if (a.analysis() != null) {
            analysedConfig = a.config();
            for (EncryptionConfigAnalyzer.Coverage c : a.analysis().coverage()) {
                coverage.add(new CoverageRow(String.join(", ", c.resources()), c.writer(),
                        c.writeKey() == null ? "—" : c.writeKey(),
                        c.readOnly().isEmpty() ? "—" : String.join(", ", c.readOnly())));
            }
            observations.setAll(a.analysis().observations());
        }
        String verdict = !a.errors().isEmpty() ? a.errors().size() + " error(s): kube-apiserver would refuse to start "
                + "with this file."
                : a.analysis() != null && a.analysis().secretsEncrypted()
                ? "Valid. Secrets are written with " + a.analysis().secretsWriter() + "."
                : "Valid, but Secrets are NOT encrypted by it.";
        if (a.loadedByApiservers() != null) {
            verdict += a.loadedByApiservers() ? " The API servers report having loaded exactly this file."
                    : " The API servers report a different loaded config (not reloaded yet, or another file).";
        }
        configSummary.set(verdict);
    }

    /** Verifies etcd: probe every endpoint without a client certificate, then classify every Secret value. */
    public void verifyEtcd() {
        if (verifying.get()) {
            return;
        }
        List<String> eps = List.of(endpoints.get().split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList();
        if (eps.isEmpty()) {
            verifyStatus.set("Enter at least one etcd endpoint, e.g. https://10.0.0.10:2379.");
            return;
        }
        Path ca;
        Path cert;
        Path key;
        Path cfg;
        try {
            ca = path(caCert.get());
            cert = path(clientCert.get());
            key = path(clientKey.get());
            cfg = path(verifyConfig.get());
        } catch (UserFacingException e) {
            verifyStatus.set(e.getMessage());
            return;
        }
        String prefix = etcdPrefix.get().isBlank() ? "/registry" : etcdPrefix.get().trim();
        start("Verify etcd", (p, c) -> {
            List<String> exp = new ArrayList<>();
            for (String e : eps) {
                c.check();
                p.update(-1, "Probing " + e + " without a client certificate…");
                exp.add(e + ": " + exposureText(EtcdReader.probeWithoutClientCert(e, ca, 5)));
            }
            EncryptionVerifier v = new EncryptionVerifier(prefix, loadConfig(cfg), 3);
            try (EtcdReader r = new EtcdReader(eps.get(0), new EtcdReader.Tls(ca, cert, key), 10)) {
                long total = Math.max(1, r.count(v.secretsPrefix()));
                int[] seen = {0};
                p.update(0, "Reading " + total + " Secret value(s) from " + eps.get(0) + "…");
                r.scan(v.secretsPrefix(), 500, c, (k, val) -> {
                    v.accept(k, val);
                    seen[0]++;
                    if (seen[0] % 50 == 0 || seen[0] == total) {
                        p.update(Math.min(1.0, seen[0] / (double) total), "Classified " + seen[0] + " of " + total);
                    }
                });
            }
            return new Verified(exp, v.report(eps.get(0)));
        });
    }

    /** Verifies an etcd snapshot file (etcdctl snapshot save), offline and read-only. */
    public void verifySnapshot(Path file) {
        if (verifying.get()) {
            return;
        }
        Path cfg;
        try {
            cfg = path(verifyConfig.get());
        } catch (UserFacingException e) {
            verifyStatus.set(e.getMessage());
            return;
        }
        String prefix = etcdPrefix.get().isBlank() ? "/registry" : etcdPrefix.get().trim();
        start("Verify snapshot", (p, c) -> {
            p.update(-1, "Reading " + file.getFileName() + "…");
            return new Verified(List.of(), SnapshotVerifier.verify(file, new EncryptionVerifier(prefix, loadConfig(cfg), 3)));
        });
    }

    private record Verified(List<String> exposure, VerificationReport report) {
    }

    private void start(String title, TaskExecutor.Work<Verified> work) {
        verifying.set(true);
        report.set(null);
        exposure.clear();
        verifyStatus.set(title + "…");
        verifyProgress.unbind();
        verifyProgress.set(-1);
        verifyHandle = tasks.submit(title, work, res -> {
            verifying.set(false);
            verifyProgress.unbind();
            verifyProgress.set(1);
            exposure.setAll(res.exposure());
            report.set(res.report());
            verifyStatus.set(res.report().summary());
        }, t -> {
            verifying.set(false);
            verifyProgress.unbind();
            verifyProgress.set(0);
            verifyStatus.set(t instanceof UserFacingException u
                    && u.category() == UserFacingException.Category.CANCELLED ? "Cancelled; nothing was changed."
                    : message(t));
        });
        if (verifyHandle.running.get()) {
            verifyProgress.bind(verifyHandle.progress);
        }
    }

    public void cancelVerify() {
        if (verifyHandle != null && verifying.get()) {
            verifyHandle.cancel();
        }
    }

    private static EncryptionConfig loadConfig(Path cfg) {
        if (cfg == null) {
            return null;
        }
        EncryptionConfigParser.Result r = EncryptionConfigParser.parseFile(cfg);
        List<Bundle.Problem> errors = new ArrayList<>(r.errors());
        if (r.config() != null && errors.isEmpty()) {
            errors.addAll(EncryptionConfigValidator.validate(r.config(), false));
        }
        if (!errors.isEmpty()) {
            throw UserFacingException.badInput(cfg + " is not a valid EncryptionConfiguration: " + errors.get(0).describe()
                    + ". Fix it (Open EncryptionConfiguration shows every error) or leave the field empty.");
        }
        return r.config();
    }

    static String exposureText(EtcdReader.Exposure x) {
        return switch (x) {
            case PLAINTEXT_OPEN -> "EXPOSED: plain http, anyone who reaches this port reads every Secret";
            case TLS_NO_CLIENT_AUTH -> "EXPOSED: TLS without client-certificate authentication (--client-cert-auth is off)";
            case CLIENT_CERT_REQUIRED -> "client certificate required (good)";
            case UNREACHABLE -> "not reachable from here";
        };
    }

    private static Path path(String s) {
        return s == null || s.isBlank() ? null : dev.kustodian.core.util.InputFiles.path(s, "file");
    }

    /** The sentence the CLI would print for the same failure (the one error translator). */
    static String message(Throwable t) {
        return dev.kustodian.core.errors.ErrorTranslator.translate(t, null).getMessage();
    }

    /** The config analysed last (for the wizards), or null. */
    public EncryptionConfig analysedConfig() {
        return analysedConfig;
    }

    public ObservableList<EncryptionPosture.Apiserver> apiservers() { return apiservers; }
    public ObservableList<String> postureLines() { return postureLines; }
    public ObservableList<Finding> findings() { return findings; }
    public StringProperty managedProperty() { return managed; }
    public StringProperty metricsTextProperty() { return metricsText; }
    public StringProperty configFileProperty() { return configFile; }
    public ObservableList<CoverageRow> coverage() { return coverage; }
    public ObservableList<EncryptionConfigAnalyzer.Observation> observations() { return observations; }
    public ObservableList<String> configErrors() { return configErrors; }
    public ObservableList<String> configWarnings() { return configWarnings; }
    public StringProperty configSummaryProperty() { return configSummary; }
    public StringProperty endpointsProperty() { return endpoints; }
    public StringProperty etcdHintProperty() { return etcdHint; }
    public StringProperty caCertProperty() { return caCert; }
    public StringProperty clientCertProperty() { return clientCert; }
    public StringProperty clientKeyProperty() { return clientKey; }
    public StringProperty verifyConfigProperty() { return verifyConfig; }
    public StringProperty etcdPrefixProperty() { return etcdPrefix; }
    public ObjectProperty<VerificationReport> reportProperty() { return report; }
    public ObservableList<String> exposure() { return exposure; }
    public StringProperty verifyStatusProperty() { return verifyStatus; }
    public BooleanProperty verifyingProperty() { return verifying; }
    public DoubleProperty verifyProgressProperty() { return verifyProgress; }
}
