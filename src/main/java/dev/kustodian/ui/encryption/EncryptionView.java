package dev.kustodian.ui.encryption;

import dev.kustodian.core.encryption.EncryptionConfigAnalyzer;
import dev.kustodian.core.encryption.EncryptionPosture;
import dev.kustodian.core.encryption.VerificationReport;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.ui.framework.Labels;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Card;
import dev.kustodian.ui.framework.Columns;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.SeverityChip;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Encryption page: posture from the cluster (left), the analysis of an EncryptionConfiguration file, the wizard
 * buttons, and the etcd verification panel (right).
 */
public final class EncryptionView extends ScrollPane {
    private final EncryptionViewModel vm;
    private final PageContext ctx;
    private final VBox apiserverBox = new VBox(6);
    private final VBox findingBox = new VBox(6);
    private final VBox observationBox = new VBox(6);
    private final VBox errorBox = new VBox(4);
    private final VBox reportBox = new VBox(4);
    private final TableView<EncryptionViewModel.CoverageRow> coverage = new TableView<>();

    public EncryptionView(EncryptionViewModel vm, PageContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        Css.page(this, "encryption");
        setFitToWidth(true);

        Label title = Labels.pageTitle("Encryption at rest");
        Label sub = Labels.wrappedSubtitle("Are Secrets encrypted in etcd? Check the API servers, analyse the "
                + "configuration, fix or rotate it with a wizard, and prove it by reading etcd.");
        Button create = new Button("Encryption at rest wizard…", new FontIcon(Feather.LOCK));
        create.setId("enc-open-config-wizard");
        create.getStyleClass().add("accent");
        create.setOnAction(e -> ctx.openWizard(EncryptionConfigWizard.ID, null));
        create.setDisable(!ctx.hasWizard(EncryptionConfigWizard.ID));
        Button rotate = new Button("Rotate the key…", new FontIcon(Feather.REFRESH_CW));
        rotate.setId("enc-open-rotation-wizard");
        rotate.setOnAction(e -> ctx.openWizard(EncryptionRotationWizard.ID, null));
        rotate.setDisable(!ctx.hasWizard(EncryptionRotationWizard.ID));
        create.setMinWidth(Region.USE_PREF_SIZE);
        rotate.setMinWidth(Region.USE_PREF_SIZE);
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox header = new HBox(10, new VBox(2, title, sub), sp, create, rotate);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(header.getChildren().get(0), Priority.SOMETIMES);

        VBox left = new VBox(14, postureCard(), analysisCard());
        VBox right = new VBox(14, etcdCard());
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(700);
        right.setPrefWidth(620);
        HBox columns = new HBox(14, left, right);
        VBox root = new VBox(14, header, columns);
        root.setPadding(new Insets(18));
        setContent(root);
    }

    private Node postureCard() {
        Label managed = Labels.hiddenWhenEmpty("enc-managed", "enc-managed", vm.managedProperty());
        Label metrics = new Label();
        metrics.setId("enc-metrics");
        metrics.setWrapText(true);
        metrics.getStyleClass().add("field-help");
        metrics.textProperty().bind(vm.metricsTextProperty());
        apiserverBox.setId("enc-apiservers");
        findingBox.setId("enc-findings");
        vm.apiservers().addListener((ListChangeListener<EncryptionPosture.Apiserver>) c -> renderApiservers());
        vm.findings().addListener((ListChangeListener<Finding>) c -> renderFindings());
        vm.postureLines().addListener((ListChangeListener<String>) c -> renderApiservers());
        renderApiservers();
        renderFindings();
        return new Card("Posture (from the cluster)", apiserverBox, managed, metrics, findingBox);
    }

    private void renderApiservers() {
        apiserverBox.getChildren().clear();
        if (vm.apiservers().isEmpty()) {
            vm.postureLines().stream().filter(l -> l.startsWith("No kube-apiserver")).findFirst().ifPresent(l -> {
                Label x = new Label(l, new FontIcon(Feather.HELP_CIRCLE));
                x.setWrapText(true);
                apiserverBox.getChildren().add(x);
            });
            return;
        }
        for (EncryptionPosture.Apiserver a : vm.apiservers()) {
            boolean ok = a.encryptionConfigured();
            Label l = new Label("kube-apiserver " + a.pod() + (a.node() == null ? "" : " on " + a.node()) + ": "
                    + (ok ? "--encryption-provider-config=" + a.configPath() + (a.automaticReload()
                    ? ", automatic reload on" : ", automatic reload OFF")
                    : "NO --encryption-provider-config: Secrets are stored in plaintext"),
                    new FontIcon(ok ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
            l.getStyleClass().add(ok ? "enc-ok" : "enc-bad");
            l.setWrapText(true);
            apiserverBox.getChildren().add(l);
        }
    }

    private void renderFindings() {
        findingBox.getChildren().clear();
        if (vm.findings().isEmpty()) {
            return;
        }
        Label h = new Label("Findings (" + vm.findings().size() + ")");
        h.getStyleClass().add("field-label");
        findingBox.getChildren().add(h);
        for (Finding f : vm.findings()) {
            Label t = new Label(f.title() + (f.object() == null ? "" : " — " + f.object().display()));
            t.setWrapText(true);
            t.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(t, Priority.ALWAYS);
            SeverityChip chip = new SeverityChip(f.severity());
            chip.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(8, chip, t);
            row.setAlignment(Pos.CENTER_LEFT);
            if (f.fix() != null && !f.fix().isEmpty()) {
                Button fix = new Button("Fix…", new FontIcon(Feather.TOOL));
                fix.getStyleClass().add("fix-button");
                fix.setMinWidth(Region.USE_PREF_SIZE);
                fix.setDisable(!ctx.hasWizard(f.fix()));
                fix.setOnAction(e -> ctx.openWizard(f.fix(), f.object()));
                row.getChildren().add(fix);
            }
            findingBox.getChildren().add(row);
            if (f.remediation() != null && !f.remediation().isEmpty()) {
                Label r = new Label(f.remediation());
                r.setWrapText(true);
                r.getStyleClass().add("field-help");
                findingBox.getChildren().add(r);
            }
        }
    }

    private Node analysisCard() {
        Button open = new Button("Open EncryptionConfiguration…", new FontIcon(Feather.FOLDER));
        open.setId("enc-open-file");
        open.setOnAction(e -> ctx.dialogs().chooseFile("Open EncryptionConfiguration", null)
                .ifPresent(vm::openConfig));
        Label file = new Label();
        file.setId("enc-file");
        file.getStyleClass().add("field-help");
        file.textProperty().bind(vm.configFileProperty());
        Label summary = new Label();
        summary.setId("enc-file-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("enc-summary");
        summary.textProperty().bind(vm.configSummaryProperty());
        coverage.setId("enc-coverage");
        coverage.getColumns().add(Columns.of("Resources", 200, EncryptionViewModel.CoverageRow::resources));
        coverage.getColumns().add(Columns.of("Writes with", 110, EncryptionViewModel.CoverageRow::writer));
        coverage.getColumns().add(Columns.of("Write key", 110, EncryptionViewModel.CoverageRow::writeKey));
        coverage.getColumns().add(Columns.of("Keys never used for writing", 240, EncryptionViewModel.CoverageRow::readOnly));
        coverage.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        coverage.setItems(vm.coverage());
        coverage.setPrefHeight(150);
        coverage.setPlaceholder(new Label("Open a file to see which resources it covers and which key writes."));
        observationBox.setId("enc-observations");
        errorBox.setId("enc-errors");
        vm.observations().addListener((ListChangeListener<EncryptionConfigAnalyzer.Observation>) c -> renderAnalysis());
        vm.configErrors().addListener((ListChangeListener<String>) c -> renderAnalysis());
        vm.configWarnings().addListener((ListChangeListener<String>) c -> renderAnalysis());
        HBox top = new HBox(10, open, file);
        top.setAlignment(Pos.CENTER_LEFT);
        return new Card("Analyse an EncryptionConfiguration", top, summary, errorBox, coverage,
                observationBox);
    }

    private void renderAnalysis() {
        errorBox.getChildren().clear();
        for (String e : vm.configErrors()) {
            Label l = new Label(e, new FontIcon(Feather.ALERT_OCTAGON));
            l.getStyleClass().add("field-error");
            l.setWrapText(true);
            errorBox.getChildren().add(l);
        }
        observationBox.getChildren().clear();
        for (EncryptionConfigAnalyzer.Observation o : vm.observations()) {
            Label t = new Label(o.message());
            t.setWrapText(true);
            HBox.setHgrow(t, Priority.ALWAYS);
            SeverityChip chip = new SeverityChip(o.severity());
            chip.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(8, chip, t);
            row.setAlignment(Pos.TOP_LEFT);
            observationBox.getChildren().add(row);
        }
        for (String w : vm.configWarnings()) {
            Label l = new Label(w, new FontIcon(Feather.ALERT_TRIANGLE));
            l.getStyleClass().add("field-warning");
            l.setWrapText(true);
            observationBox.getChildren().add(l);
        }
    }

    private Node etcdCard() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);
        row(g, 0, "Endpoints", "enc-endpoints", vm.endpointsProperty(), "https://10.0.0.10:2379[,https://…]", false);
        row(g, 1, "CA certificate", "enc-cacert", vm.caCertProperty(), "/etc/kubernetes/pki/etcd/ca.crt", true);
        row(g, 2, "Client certificate", "enc-cert", vm.clientCertProperty(),
                "/etc/kubernetes/pki/apiserver-etcd-client.crt", true);
        row(g, 3, "Client key", "enc-key", vm.clientKeyProperty(), "/etc/kubernetes/pki/apiserver-etcd-client.key", true);
        row(g, 4, "EncryptionConfiguration (optional)", "enc-verify-config", vm.verifyConfigProperty(),
                "decrypts samples to prove the keys", true);
        row(g, 5, "etcd prefix", "enc-prefix", vm.etcdPrefixProperty(), "/registry", false);

        Button verify = new Button("Verify etcd", new FontIcon(Feather.SHIELD));
        verify.setId("enc-verify-etcd");
        verify.getStyleClass().add("accent");
        verify.setOnAction(e -> vm.verifyEtcd());
        Button snap = new Button("Verify a snapshot file…", new FontIcon(Feather.ARCHIVE));
        snap.setId("enc-verify-snapshot");
        snap.setOnAction(e -> ctx.dialogs().chooseFile("etcd snapshot (etcdctl snapshot save)", null)
                .ifPresent(vm::verifySnapshot));
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("enc-verify-cancel");
        cancel.setOnAction(e -> vm.cancelVerify());
        verify.disableProperty().bind(vm.verifyingProperty());
        snap.disableProperty().bind(vm.verifyingProperty());
        cancel.disableProperty().bind(vm.verifyingProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("enc-verify-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.verifyProgressProperty());
        bar.visibleProperty().bind(vm.verifyingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("enc-verify-status");
        status.setWrapText(true);
        status.getStyleClass().add("enc-summary");
        status.textProperty().bind(vm.verifyStatusProperty());
        reportBox.setId("enc-report");
        vm.reportProperty().addListener((o, a, b) -> renderReport());
        vm.exposure().addListener((ListChangeListener<String>) c -> renderReport());
        Label help = new Label("The proof: reads every key under <prefix>/secrets/ (read-only) and classifies each "
                + "value — plaintext, aescbc, aesgcm, secretbox, KMS v1/v2 — with its key name. With the "
                + "configuration, samples are decrypted to prove the key works. Values are never shown or kept. Each "
                + "endpoint is first probed without a client certificate (is etcd exposed?).");
        help.setWrapText(true);
        help.getStyleClass().add("field-help");
        Label hint = Labels.hiddenWhenEmpty("enc-etcd-hint", "field-help", vm.etcdHintProperty());
        return new Card("etcd verification (the proof)", help, hint, g, new HBox(8, verify, snap, cancel), bar, status,
                reportBox);
    }

    private void row(GridPane g, int r, String label, String id, StringProperty p, String prompt, boolean browse) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        g.add(new Label(label), 0, r);
        g.add(f, 1, r);
        if (browse) {
            Button b = new Button("…");
            b.setOnAction(e -> ctx.dialogs().chooseFile(label, null).ifPresent(x -> p.set(x.toString())));
            g.add(b, 2, r);
        }
    }

    private void renderReport() {
        reportBox.getChildren().clear();
        for (String x : vm.exposure()) {
            boolean bad = x.contains("EXPOSED");
            Label l = new Label(x, new FontIcon(bad ? Feather.ALERT_OCTAGON : Feather.CHECK_CIRCLE));
            l.getStyleClass().add(bad ? "field-error" : "enc-ok");
            l.setWrapText(true);
            reportBox.getChildren().add(l);
        }
        VerificationReport r = vm.reportProperty().get();
        if (r == null) {
            return;
        }
        for (String line : r.text()) {
            Label l = new Label(line.strip());
            l.setWrapText(true);
            l.getStyleClass().add(line.startsWith("  ") ? "enc-report-line" : "enc-summary");
            reportBox.getChildren().add(l);
        }
    }
}
