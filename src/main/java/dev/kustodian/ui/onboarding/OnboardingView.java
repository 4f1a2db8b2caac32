package dev.kustodian.ui.onboarding;

import dev.kustodian.core.plan.ClusterPlan;
import dev.kustodian.core.plan.GitOpsLayout;
import dev.kustodian.core.plan.GitOpsWriter;
import dev.kustodian.core.plan.Plan;
import dev.kustodian.core.plan.PlanStep;
import dev.kustodian.core.plan.StepStatus;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.framework.PageContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;

/**
 * The Onboarding page: the overall progress, the plan's steps as a stepper (number, status icon + word, title, why),
 * and the selected step in a {@link StepPane} with its actions. "Write plan files…" writes the GitOps folder.
 */
final class OnboardingView extends BorderPane {
    private final OnboardingViewModel vm;
    private final PageContext ctx;
    private final ListView<PlanStep> steps = new ListView<>();
    private final StepPane detail;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label("Load a cluster to see its plan.");
    private final SplitPane split;
    private final EmptyState empty = new EmptyState(Feather.CHECK_SQUARE, "No plan yet",
            "Open your kubeconfig context, a snapshot file or the demo cluster: its hardening plan appears here.");
    private Path lastFolder;

    OnboardingView(OnboardingViewModel vm, PageContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        setId("onboarding-page");
        Css.add(this, "/dev/kustodian/ui/onboarding/onboarding.css");
        this.detail = new StepPane(vm, ctx, this::writeFiles);
        Label title = new Label("Hardening plan");
        title.getStyleClass().add("plan-title");
        Button write = new Button("Write plan files…", new FontIcon(Feather.FOLDER_PLUS));
        write.setId("write-plan");
        write.setOnAction(e -> writeFiles());
        write.disableProperty().bind(ctx.state().plan.isNull());
        progress.setId("plan-progress");
        progress.setPrefWidth(260);
        progressText.setId("plan-progress-text");
        progressText.getStyleClass().add("plan-muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(16, title, progress, progressText, gap, write);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(12));
        setTop(top);
        steps.setId("plan-steps");
        steps.setCellFactory(l -> new StepCell());
        steps.setMinWidth(320);
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                detail.show(b);
            }
        });
        split = new SplitPane(steps, detail);
        split.setDividerPositions(0.32);
        ctx.state().plan.addListener((o, a, b) -> show(b));
        show(ctx.state().plan());
    }

    ListView<PlanStep> steps() {
        return steps;
    }

    StepPane detail() {
        return detail;
    }

    private void show(ClusterPlan cp) {
        if (cp == null) {
            setCenter(empty);
            progress.setProgress(0);
            return;
        }
        Plan plan = cp.plan();
        String selected = steps.getSelectionModel().getSelectedItem() == null ? null
                : steps.getSelectionModel().getSelectedItem().id();
        progress.setProgress(plan.progress());
        progressText.setText(plan.settledCount() + " of " + plan.steps().size() + " steps settled · "
                + plan.cluster().label() + (cp.configDir() == null ? " · progress kept for this session only"
                : " · progress saved for this cluster"));
        steps.getItems().setAll(plan.steps());
        PlanStep keep = plan.steps().stream().filter(s -> s.id().equals(selected)).findFirst()
                .orElse(plan.steps().stream().filter(s -> !s.status().settled()).findFirst()
                        .orElse(plan.steps().get(0)));
        steps.getSelectionModel().select(keep);
        detail.show(keep);
        if (getCenter() != split) {
            setCenter(split);
        }
    }

    static Feather icon(StepStatus s) {
        return switch (s) {
            case DONE -> Feather.CHECK_CIRCLE;
            case ACCEPTED -> Feather.SHIELD;
            case MANUAL -> Feather.TOOL;
            case BLOCKED -> Feather.SLASH;
            case TODO -> Feather.CIRCLE;
        };
    }

    /** A status chip: icon + word (colour is never the only signal). */
    static Label status(StepStatus s) {
        Label l = new Label(s.id(), new FontIcon(icon(s)));
        l.getStyleClass().addAll("step-status", "step-" + s.id());
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static final class StepCell extends ListCell<PlanStep> {
        @Override
        protected void updateItem(PlanStep s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label t = new Label(s.number() + ". " + s.title());
            t.getStyleClass().add("plan-step-title");
            Label reason = new Label(s.statusReason());
            reason.setWrapText(true);
            reason.setMaxWidth(360);
            reason.getStyleClass().add("plan-muted");
            VBox box = new VBox(2, new HBox(8, status(s.status()), t), reason);
            box.getStyleClass().add("plan-step");
            setId("plan-step-" + s.id());
            setGraphic(box);
            setText(null);
        }
    }

    /** Writes the GitOps folder (asks before changing existing files; keys are never replaced). */
    void writeFiles() {
        ctx.dialogs().chooseDirectory("Folder for the plan's GitOps files", lastFolder).ifPresent(dir -> {
            lastFolder = dir;
            try {
                GitOpsWriter.Result r = vm.write(dir, changed -> ctx.dialogs().confirm("Replace changed files?",
                        changed.size() + " file(s) in " + dir + " would change, e.g. " + dir.relativize(changed.get(0))
                                + ". Key files are never replaced.", "Replace", false));
                if (!r.declined().isEmpty()) {
                    vm.status.set("Nothing written: the existing files were kept.");
                    return;
                }
                String msg = r.written().size() + " file(s) written to " + dir + ", " + r.unchanged().size()
                        + " unchanged" + (r.keysKept().isEmpty() ? "" : ", " + r.keysKept().size()
                        + " key file(s) kept") + ". Key material is in " + dir.resolve(GitOpsLayout.KEYS_DIR)
                        + " (0600, git-ignored).";
                vm.status.set(msg);
                ctx.dialogs().showInfo("Plan files written", msg);
            } catch (java.io.IOException | RuntimeException e) {
                ctx.dialogs().showError("Plan files not written", "Could not write to " + dir + ": "
                        + e.getMessage() + ". Choose another folder.");
            }
        });
    }
}
