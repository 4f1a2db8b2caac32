package dev.kustodian.ui.access;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.rbac.SubjectRisk;
import dev.kustodian.ui.framework.Columns;
import dev.kustodian.ui.framework.LazyTabs;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Pickers;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The selected subject: risk score and reasons, Right-size…, and its binding paths, effective rules and access
 * matrix in the chosen namespace.
 */
final class SubjectPane extends StackPane {
    private final AccessViewModel vm;
    private final TabPane parts = new TabPane();
    private final Label title = new Label();
    private final Label score = new Label();
    private final VBox reasons = new VBox(2);
    private final Button rightSize = new Button("Right-size…", new FontIcon(Feather.SCISSORS));
    private final TreeView<String> pathsTree = new TreeView<>();
    private final TableView<RbacEngine.EffectiveRule> rulesTable = new TableView<>();
    private final TableView<AccessViewModel.MatrixRow> matrixTable = new TableView<>();

    SubjectPane(AccessViewModel vm, PageContext ctx) {
        this.vm = vm;
        title.setId("subject-title");
        title.getStyleClass().add("section-title");
        score.setId("subject-score");
        reasons.setId("subject-reasons");
        rightSize.setId("right-size");
        boolean registered = ctx.hasWizard(AccessViewModel.RIGHT_SIZE_WIZARD);
        rightSize.setTooltip(new Tooltip(registered
                ? "Open the right-size wizard for this subject: a role with only what it uses."
                : "The right-size wizard is not available in this version."));
        rightSize.setOnAction(e -> {
            SubjectRef s = vm.selected.get();
            if (s != null) {
                ctx.openWizard(AccessViewModel.RIGHT_SIZE_WIZARD, new ObjectRef(s.kind(), s.namespace(), s.name()));
            }
        });
        ComboBox<String> ns = Pickers.measureFirstRows(new ComboBox<>(vm.namespaceChoices));
        ns.setId("subject-namespace");
        ns.valueProperty().bindBidirectional(vm.subjectNamespace);
        Label nsLabel = new Label("Rules and matrix in");
        nsLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        title.setWrapText(true);
        rightSize.setMinWidth(Region.USE_PREF_SIZE);
        score.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, score, grow, nsLabel, ns, rightSize);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, title, line);

        pathsTree.setId("subject-paths");
        pathsTree.setShowRoot(true);
        buildRulesTable();
        buildMatrixTable();

        Tab paths = new Tab("Binding paths", pathsTree);
        paths.setId("part-paths");
        Tab rules = new Tab("Effective rules");
        rules.setId("part-rules");
        Tab matrix = new Tab("Access matrix");
        matrix.setId("part-matrix");
        parts.getTabs().addAll(paths, rules, matrix);
        LazyTabs.contentWhenSelected(rules, () -> rulesTable);
        LazyTabs.contentWhenSelected(matrix, () -> matrixTable);
        parts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(parts, Priority.ALWAYS);

        Label empty = new Label("Select a subject on the left (or in a who-can result) to see its effective rules, "
                + "access matrix and binding paths.");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        ScrollPane reasonsScroll = new ScrollPane(reasons);
        reasonsScroll.setFitToWidth(true);
        reasonsScroll.setMaxHeight(170);
        reasonsScroll.setPrefHeight(Control.USE_COMPUTED_SIZE);
        reasonsScroll.getStyleClass().add("reasons-scroll");
        VBox body = new VBox(10, top, reasonsScroll, parts);
        body.setPadding(new Insets(10));
        getChildren().addAll(body, empty);
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        StackPane.setMargin(empty, new Insets(16));
        Runnable refresh = () -> {
            SubjectRef s = vm.selected.get();
            body.setVisible(s != null);
            empty.setVisible(s == null);
            rightSize.setDisable(s == null || !registered);
            if (s != null) {
                show(s);
            }
        };
        vm.selected.addListener((o, a, b) -> refresh.run());
        vm.paths.addListener((ListChangeListener<AccessViewModel.PathBinding>) c -> refresh.run());
        vm.selectedRisk.addListener((o, a, b) -> refresh.run());
        refresh.run();
    }

    private void show(SubjectRef s) {
        title.setText(s.display() + (s.isSystem() ? " (system)" : ""));
        SubjectRisk r = vm.selectedRisk.get();
        score.setText(r == null ? "no risky grants" : "risk score " + r.score());
        reasons.getChildren().clear();
        if (r != null) {
            for (String reason : r.reasons()) {
                Label l = new Label(reason, new FontIcon(Feather.ALERT_TRIANGLE));
                l.setWrapText(true);
                l.getStyleClass().add("reason");
                reasons.getChildren().add(l);
            }
        }
        pathsTree.setRoot(pathsRoot(s, vm.paths));
    }

    /** Selects the part (binding paths, effective rules, access matrix) with this id. */
    void showPart(String id) {
        parts.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> parts.getSelectionModel().select(t));
    }

    private void buildRulesTable() {
        rulesTable.setId("subject-rules");
        rulesTable.getColumns().add(Columns.of("Resources", 170, r -> resources(r.rule())));
        rulesTable.getColumns().add(Columns.of("Non-resource URLs", 110,
                r -> String.join(", ", r.rule().nonResourceURLs())));
        rulesTable.getColumns().add(Columns.of("Resource names", 110,
                r -> String.join(", ", r.rule().resourceNames())));
        rulesTable.getColumns().add(Columns.of("Verbs", 150, r -> "[" + String.join(" ", r.rule().verbs()) + "]"));
        rulesTable.getColumns().add(Columns.of("From", 260, r -> r.binding() + " → " + r.role()));
        rulesTable.setItems(vm.effectiveRules);
        rulesTable.setPlaceholder(new Label("No rules apply to this subject here."));
    }

    private void buildMatrixTable() {
        matrixTable.setId("subject-matrix");
        matrixTable.getColumns().add(Columns.of("Resource", 200, AccessViewModel.MatrixRow::resource));
        for (String verb : RbacEngine.MATRIX_VERBS) {
            TableColumn<AccessViewModel.MatrixRow, Boolean> c = Columns.of(verb, verb.length() > 6 ? 120 : 66,
                    x -> x.verbs().get(verb));
            Columns.render(c, (cell, allowed) -> {
                cell.setText(allowed ? "yes" : "no");
                cell.setGraphic(new FontIcon(allowed ? Feather.CHECK : Feather.X));
                cell.getStyleClass().add(allowed ? "matrix-yes" : "matrix-no");
            }, "matrix-yes", "matrix-no");
            matrixTable.getColumns().add(c);
        }
        matrixTable.setItems(vm.matrix);
    }

    static TreeItem<String> pathsRoot(SubjectRef s, List<AccessViewModel.PathBinding> paths) {
        TreeItem<String> root = new TreeItem<>(s.display() + " — " + paths.size() + " binding(s)",
                new FontIcon(Feather.USER));
        root.setExpanded(true);
        for (AccessViewModel.PathBinding p : paths) {
            TreeItem<String> b = new TreeItem<>(p.binding() + (p.via() == null ? "" : "   (through " + p.via() + ")"),
                    new FontIcon(Feather.LINK));
            TreeItem<String> role = new TreeItem<>(p.role() + (p.roleFound() ? "" : "   (missing: grants nothing)"),
                    new FontIcon(p.roleFound() ? Feather.SHIELD : Feather.ALERT_TRIANGLE));
            for (String rule : p.rules()) {
                role.getChildren().add(new TreeItem<>(rule, new FontIcon(Feather.LIST)));
            }
            role.setExpanded(true);
            b.getChildren().add(role);
            b.setExpanded(p.via() == null);
            root.getChildren().add(b);
        }
        return root;
    }

    private static String resources(PolicyRule r) {
        if (r.resources().isEmpty()) {
            return "";
        }
        return String.join(", ", r.resources().stream().flatMap(res -> r.apiGroups().stream()
                .map(g -> g.isEmpty() ? res : res + "." + g)).toList());
    }
}
