package dev.kustodian.ui.onboarding;

import dev.kustodian.core.accept.AcceptedRisk;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.plan.PlanBuilder;
import dev.kustodian.core.plan.PlanState;
import dev.kustodian.core.plan.PlanStep;
import dev.kustodian.ui.framework.FindingRow;
import dev.kustodian.ui.framework.PageContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The selected plan step: title, what it changes, status and why, the actions (Open wizard, Write files…, Apply…,
 * Verify, Accept risk…), the last verification (before → after), its findings (finding rows, accepted ones marked),
 * the files it generates, what it removes and patches, the manual steps, its evidence, dependencies and the
 * verification command. "Accept risk…" opens an inline form (findings, reason, who, expiry).
 */
final class StepPane extends ScrollPane {
    private final OnboardingViewModel vm;
    private final PageContext ctx;
    private final Runnable writeFiles;
    private final VBox content = new VBox(10);
    private final Label status = new Label();
    private PlanStep step;

    StepPane(OnboardingViewModel vm, PageContext ctx, Runnable writeFiles) {
        this.vm = vm;
        this.ctx = ctx;
        this.writeFiles = writeFiles;
        setId("step-detail");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        setContent(content);
        status.setId("onboarding-status");
        status.setWrapText(true);
        status.getStyleClass().add("plan-status-line");
        status.textProperty().bind(vm.status);
    }

    PlanStep step() {
        return step;
    }

    void show(PlanStep s) {
        this.step = s;
        content.getChildren().clear();
        if (s == null) {
            return;
        }
        Label title = new Label(s.number() + ". " + s.title());
        title.getStyleClass().add("title-3");
        title.setId("step-title");
        Label summary = new Label(s.summary());
        summary.setWrapText(true);
        Label state = OnboardingView.status(s.status());
        state.setId("step-status");
        Label reason = new Label(s.statusReason());
        reason.setWrapText(true);
        HBox stateRow = new HBox(8, state, reason);
        stateRow.setAlignment(Pos.CENTER_LEFT);
        content.getChildren().addAll(title, summary, stateRow, actions(s), status);
        PlanState.Verification v = vm.verification(s.id());
        if (v != null) {
            Label ver = new Label("Last verification " + when(v.at()) + ": " + v.before() + " → " + v.after()
                    + " open finding(s) (" + v.status() + ")", new FontIcon(Feather.REFRESH_CW));
            ver.setId("step-verification");
            ver.setWrapText(true);
            content.getChildren().add(ver);
        }
        if (PlanBuilder.ENCRYPTION.equals(s.id()) && !s.status().settled()) {
            content.getChildren().add(proofRow(s));
        }
        findings(s);
        section("Generates", s.generates(), "step-files");
        section("Patches", s.patches().stream().map(p -> p.target().display() + ": " + String.join("; ", p.changes()))
                .toList(), "step-patches");
        section("Removes", s.removals().stream().map(r -> r.target().display() + ": " + r.reason()).toList(),
                "step-removals");
        section("By hand", s.manual(), "step-manual");
        section("Evidence", s.evidence(), "step-evidence");
        section("After", s.dependsOn(), "step-depends");
        section("Verify", List.of(s.verify()), "step-verify");
    }

    /** "2026-12-04 20:10 UTC" from the recorded instant (as recorded when it is not one). */
    static String when(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    private Node actions(PlanStep s) {
        Optional<OnboardingViewModel.WizardChoice> w = vm.wizardFor(s, ctx::hasWizard);
        Button wizard = new Button("Open wizard", new FontIcon(Feather.EDIT));
        wizard.setId("step-wizard");
        wizard.setDisable(w.isEmpty());
        w.ifPresent(c -> {
            wizard.setTooltip(new Tooltip("The " + c.wizardId() + " wizard" + (c.target() == null ? ""
                    : ", pre-filled for " + c.target().display())));
            wizard.setOnAction(e -> ctx.openWizard(c.wizardId(), c.target()));
        });
        Button files = new Button("Write files…", new FontIcon(Feather.FOLDER_PLUS));
        files.setId("step-write");
        files.setTooltip(new Tooltip("Writes the plan's GitOps folder: this step's folder with the others, the "
                + "README and the kustomizations; key material 0600 under .kustodian/keys (git-ignored)"));
        files.setOnAction(e -> writeFiles.run());
        Button apply = new Button("Apply…", new FontIcon(Feather.UPLOAD_CLOUD));
        apply.setId("step-apply");
        apply.setDisable(!vm.canApply(s));
        apply.setTooltip(new Tooltip(vm.canApply(s) ? "Server-side dry run first, then your confirmation: "
                + String.join(", ", dev.kustodian.core.plan.StepApply.describe(s))
                : "Nothing of this step goes to the API server (or this source has no cluster connection)"));
        apply.setOnAction(e -> vm.apply(s));
        Button verify = new Button("Verify", new FontIcon(Feather.REFRESH_CW));
        verify.setId("step-verify-button");
        verify.setTooltip(new Tooltip("Reloads the cluster: the step is done only when its findings are gone"));
        verify.setOnAction(e -> vm.verify(s));
        Button accept = new Button("Accept risk…", new FontIcon(Feather.SHIELD));
        accept.setId("step-accept");
        accept.setDisable(s.openFindings().isEmpty());
        accept.setOnAction(e -> showAcceptForm(s));
        for (Button b : List.of(wizard, apply, verify)) {
            boolean off = b.isDisable();
            b.disableProperty().bind(vm.busy.or(new javafx.beans.property.SimpleBooleanProperty(off)));
        }
        FlowPane row = new FlowPane(8, 8, wizard, files, apply, verify, accept);
        row.setId("step-actions");
        return row;
    }

    private Node proofRow(PlanStep s) {
        TextField proof = new TextField();
        proof.setId("step-proof");
        proof.setPromptText("verify-etcd summary, e.g. \"412 of 412 secrets secretbox key-20261204\"");
        Button record = new Button("Record proof", new FontIcon(Feather.CHECK));
        record.setId("step-record-proof");
        record.setOnAction(e -> vm.recordProof(s, proof.getText()));
        HBox.setHgrow(proof, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(8, new Label("Etcd proof:"), proof, record);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void findings(PlanStep s) {
        List<Finding> fs = vm.findings(s);
        if (fs.isEmpty()) {
            return;
        }
        Label h = new Label("Findings it resolves (" + s.openFindings().size() + " open, " + s.accepted().size()
                + " accepted)");
        h.getStyleClass().add("plan-section");
        VBox box = new VBox(4);
        box.setId("step-findings");
        for (Finding f : fs) {
            AcceptedRisk a = vm.acceptance(f.id());
            if (a != null && s.accepted().contains(f.id())) {
                Label l = new Label("Accepted: " + f.title() + " (" + f.object().display() + ") — " + a.reason()
                        + ", by " + a.by() + ", until " + a.expires(), new FontIcon(Feather.SHIELD));
                l.setWrapText(true);
                l.getStyleClass().add("plan-accepted");
                box.getChildren().add(l);
            } else {
                box.getChildren().add(new FindingRow(f, ctx, false));
            }
        }
        content.getChildren().addAll(h, box);
    }

    private void section(String heading, List<String> lines, String id) {
        if (lines.isEmpty()) {
            return;
        }
        Label h = new Label(heading);
        h.getStyleClass().add("plan-section");
        VBox box = new VBox(4);
        box.setId(id);
        for (String line : lines) {
            Label l = new Label("• " + line);
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        content.getChildren().addAll(h, box);
    }

    /** The inline "Accept risk" form: which open findings, why, who, until when. */
    private void showAcceptForm(PlanStep s) {
        if (content.lookup("#accept-form") != null) {
            return;
        }
        VBox form = new VBox(8);
        form.setId("accept-form");
        form.getStyleClass().add("plan-accept-form");
        Label h = new Label("Accept the risk of findings of step " + s.number());
        h.getStyleClass().add("plan-section");
        VBox picks = new VBox(4);
        List<CheckBox> boxes = new ArrayList<>();
        for (Finding f : vm.findings(s)) {
            if (s.accepted().contains(f.id())) {
                continue;
            }
            CheckBox c = new CheckBox(f.severity().label() + " · " + f.title() + " (" + f.object().display() + ")");
            c.setUserData(f.id());
            c.setSelected(true);
            c.setWrapText(true);
            boxes.add(c);
            picks.getChildren().add(c);
        }
        TextField reason = new TextField();
        reason.setId("accept-reason");
        reason.setPromptText("why the team keeps it, e.g. break-glass group, reviewed quarterly");
        TextField by = new TextField(System.getProperty("user.name", ""));
        by.setId("accept-by");
        DatePicker expires = new DatePicker(LocalDate.now().plusMonths(3));
        expires.setId("accept-expires");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Reason"), reason);
        grid.addRow(1, new Label("Accepted by"), by);
        grid.addRow(2, new Label("Expires"), expires);
        javafx.scene.layout.GridPane.setHgrow(reason, javafx.scene.layout.Priority.ALWAYS);
        Label problems = new Label();
        problems.setId("accept-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("danger");
        Button ok = new Button("Accept", new FontIcon(Feather.SHIELD));
        ok.setId("accept-confirm");
        ok.getStyleClass().add("accent");
        Button cancel = new Button("Cancel");
        cancel.setId("accept-cancel");
        cancel.setOnAction(e -> content.getChildren().remove(form));
        ok.setOnAction(e -> {
            List<String> ids = boxes.stream().filter(CheckBox::isSelected).map(c -> (String) c.getUserData()).toList();
            List<String> p = vm.acceptProblems(ids, reason.getText(), by.getText(), expires.getValue());
            if (!p.isEmpty()) {
                problems.setText(String.join(" ", p));
                return;
            }
            content.getChildren().remove(form);
            vm.accept(s, ids, reason.getText(), by.getText(), expires.getValue());
        });
        form.getChildren().addAll(h, new Label("Accepted findings stay in reports, marked as accepted, and do not "
                + "count for --fail-on until they expire."), picks, grid, problems, new HBox(8, ok, cancel));
        int at = content.getChildren().indexOf(status) + 1;
        content.getChildren().add(at, form);
    }
}
