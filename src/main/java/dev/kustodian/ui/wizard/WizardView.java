package dev.kustodian.ui.wizard;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.Manifest;
import dev.kustodian.ui.framework.DialogService;
import dev.kustodian.ui.framework.Css;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.List;

/**
 * The wizard frame: steps on the left, the form in the centre, the live YAML preview on the right, buttons below.
 * The last step (Review) lists the files, warnings and next steps and offers Save to folder, Copy and Apply.
 */
public final class WizardView extends BorderPane {
    private final WizardViewModel vm;
    private final DialogService dialogs;
    private final VBox stepList = new VBox(2);
    private final VBox formArea = new VBox(14);
    private final YamlPreview preview = new YamlPreview();
    private final Button back = new Button("Back", new FontIcon(Feather.CHEVRON_LEFT));
    private final Button next = new Button("Next", new FontIcon(Feather.CHEVRON_RIGHT));
    private final Label status = new Label();

    public WizardView(WizardViewModel vm, DialogService dialogs, Runnable onClose) {
        this.vm = vm;
        this.dialogs = dialogs;
        getStyleClass().add("wizard");
        Css.add(this, "/dev/kustodian/ui/wizard/wizard.css");

        Label title = new Label(vm.wizard.title());
        title.getStyleClass().add("wizard-title");
        Label desc = new Label(vm.wizard.description());
        desc.getStyleClass().add("wizard-description");
        desc.setWrapText(true);
        Button close = new Button("Close", new FontIcon(Feather.X));
        close.setId("wizard-close");
        close.setOnAction(e -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button saveAnswers = new Button("Save answers…", new FontIcon(Feather.DOWNLOAD));
        saveAnswers.setOnAction(e -> dialogs.chooseSaveFile("Save answers", null, vm.wizard.id() + ".answers")
                .ifPresent(vm::saveAnswers));
        Button loadAnswers = new Button("Load answers…", new FontIcon(Feather.UPLOAD));
        loadAnswers.setOnAction(e -> dialogs.chooseFile("Load answers", null).ifPresent(vm::loadAnswers));
        for (Button b : List.of(loadAnswers, saveAnswers, close)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the description wraps; the buttons keep their labels
        }
        HBox header = new HBox(10, new VBox(2, title, desc), spacer, loadAnswers, saveAnswers, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("wizard-header");
        setTop(header);

        stepList.getStyleClass().add("wizard-steps");
        stepList.setPrefWidth(220);
        stepList.setMinWidth(180);

        formArea.getStyleClass().add("wizard-form");
        formArea.setPadding(new Insets(16));
        ScrollPane formScroll = new ScrollPane(formArea);
        formScroll.setFitToWidth(true);

        preview.setId("wizard-preview");
        preview.getStyleClass().add("wizard-preview");
        preview.textProperty().bind(vm.preview);
        Label previewTitle = new Label("Preview (updates as you type)");
        previewTitle.getStyleClass().add("wizard-preview-title");
        VBox previewBox = new VBox(6, previewTitle, preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        previewBox.setPadding(new Insets(12));

        SplitPane split = new SplitPane(formScroll, previewBox);
        split.setDividerPositions(0.5);
        setLeft(stepList);
        setCenter(split);

        back.setId("wizard-back");
        next.setId("wizard-next");
        next.getStyleClass().add("accent");
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        back.setOnAction(e -> vm.back());
        next.setOnAction(e -> vm.next());
        status.setId("wizard-status");
        status.textProperty().bind(vm.status);
        status.getStyleClass().add("wizard-status");
        Region sp2 = new Region();
        HBox.setHgrow(sp2, Priority.ALWAYS);
        HBox footer = new HBox(8, status, sp2, back, next);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("wizard-footer");
        setBottom(footer);

        vm.step.addListener((o, a, b) -> render());
        vm.bundle.addListener((o, a, b) -> {
            updateButtons();
            renderSteps();
            if (vm.isReviewStep()) {
                render();
            }
        });
        render();
    }

    private void render() {
        renderSteps();
        formArea.getChildren().clear();
        if (vm.isReviewStep()) {
            formArea.getChildren().add(review());
        } else {
            WizardForm.Step s = vm.form.steps().get(vm.step.get());
            Label h = new Label(s.title());
            h.getStyleClass().add("wizard-step-title");
            formArea.getChildren().add(h);
            if (s.help() != null && !s.help().isEmpty()) {
                Label help = new Label(s.help());
                help.setWrapText(true);
                help.getStyleClass().add("field-help");
                formArea.getChildren().add(help);
            }
            for (FormField f : s.fields()) {
                formArea.getChildren().add(f.node());
            }
        }
        updateButtons();
    }

    private void renderSteps() {
        stepList.getChildren().clear();
        List<String> titles = vm.stepTitles();
        for (int i = 0; i < titles.size(); i++) {
            int index = i;
            boolean current = i == vm.step.get();
            boolean error = i < vm.form.steps().size() && vm.form.steps().get(i).fields().stream()
                    .anyMatch(f -> f.hasError(vm.bundle.get().problems()));
            Button b = new Button((i + 1) + ". " + titles.get(i));
            b.setGraphic(new FontIcon(error ? Feather.ALERT_CIRCLE : current ? Feather.CHEVRON_RIGHT : Feather.CIRCLE));
            b.getStyleClass().addAll("wizard-step", "flat");
            if (current) {
                b.getStyleClass().add("current");
            }
            if (error) {
                b.getStyleClass().add("has-error");
            }
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setOnAction(e -> vm.goTo(index));
            stepList.getChildren().add(b);
        }
    }

    private void updateButtons() {
        back.setDisable(vm.step.get() == 0);
        next.setVisible(!vm.isReviewStep());
        next.setManaged(!vm.isReviewStep());
        next.setDisable(!vm.currentStepValid());
    }

    private Node review() {
        Bundle b = vm.bundle.get();
        VBox box = new VBox(10);
        Label h = new Label("Review and save");
        h.getStyleClass().add("wizard-step-title");
        box.getChildren().add(h);
        if (b.hasErrors()) {
            Label err = new Label("Some fields have errors: go back to the steps marked with a warning sign.",
                    new FontIcon(Feather.ALERT_OCTAGON));
            err.getStyleClass().add("field-error");
            err.setWrapText(true);
            box.getChildren().add(err);
        }
        Label files = new Label("Files (" + b.withKustomization().manifests().size() + ")");
        files.getStyleClass().add("field-label");
        box.getChildren().add(files);
        for (Manifest m : b.withKustomization().manifests()) {
            box.getChildren().add(new Label(m.fileName() + (m.isKubernetesObject()
                    ? "  —  " + m.kind() + " " + (m.namespace().isEmpty() ? "" : m.namespace() + "/") + m.name()
                    : ""), new FontIcon(Feather.FILE_TEXT)));
        }
        for (String w : b.warnings()) {
            Label l = new Label("Warning: " + w, new FontIcon(Feather.ALERT_TRIANGLE));
            l.getStyleClass().add("field-warning");
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        if (!b.nextSteps().isEmpty()) {
            Label n = new Label("Next steps");
            n.getStyleClass().add("field-label");
            box.getChildren().add(n);
            for (String s : b.nextSteps()) {
                Label l = new Label("• " + s);
                l.setWrapText(true);
                box.getChildren().add(l);
            }
        }
        Button save = new Button("Save to folder…", new FontIcon(Feather.FOLDER));
        save.setId("wizard-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> dialogs.chooseDirectory("Save to folder", null).ifPresent(vm::saveTo));
        Button copy = new Button("Copy YAML", new FontIcon(Feather.COPY));
        copy.setId("wizard-copy");
        copy.setOnAction(e -> vm.copy());
        Button apply = new Button("Apply to " + vm.contextName() + "…", new FontIcon(Feather.UPLOAD_CLOUD));
        apply.setId("wizard-apply");
        boolean applicable = vm.canApply() && !b.objects().isEmpty();
        apply.setDisable(!applicable);
        apply.setOnAction(e -> vm.apply());
        save.disableProperty().bind(vm.hasErrors.or(vm.busy));
        if (b.objects().isEmpty()) {
            copy.setDisable(true); // side files only (some private): nothing to copy as YAML
        } else {
            copy.disableProperty().bind(vm.hasErrors);
        }
        if (applicable) {
            apply.disableProperty().bind(vm.hasErrors.or(vm.busy));
        }
        HBox actions = new HBox(8, save, copy, apply);
        box.getChildren().add(actions);
        if (b.objects().isEmpty()) {
            Label why = new Label("Nothing to apply to the API: these files go to the nodes or to your tools "
                    + "(save them to a folder).");
            why.getStyleClass().add("field-help");
            why.setWrapText(true);
            box.getChildren().add(why);
        } else if (!vm.canApply()) {
            Label why = new Label("Apply needs a cluster connection; this source is a snapshot file.");
            why.getStyleClass().add("field-help");
            box.getChildren().add(why);
        } else {
            Label why = new Label("Apply runs a server-side dry run first and asks before changing the cluster.");
            why.getStyleClass().add("field-help");
            box.getChildren().add(why);
        }
        return box;
    }

    public WizardViewModel viewModel() {
        return vm;
    }

    /** For tests: saves to {@code folder} as the Save button would after the chooser. */
    public boolean saveTo(Path folder) {
        return vm.saveTo(folder);
    }
}
