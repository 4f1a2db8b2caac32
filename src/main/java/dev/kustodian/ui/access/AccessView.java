package dev.kustodian.ui.access;

import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.PolicyRule;
import dev.kustodian.core.rbac.Grant;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.Reader;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.rbac.SubjectRisk;
import dev.kustodian.ui.framework.FilterablePane;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The Access page: master (ranked risky subjects, filters, the collapsed group of expected system access) and detail
 * tabs (subject: binding paths, effective rules, access matrix; who can…; secret readers).
 */
public final class AccessView extends StackPane implements FilterablePane {
    private final AccessViewModel vm;
    private final PageContext ctx;
    private final BorderPane content = new BorderPane();
    private final StackPane overlay = new StackPane();
    private final TextField filter = new TextField();
    private final TableView<SubjectRisk> table = new TableView<>();
    private final ListView<SubjectRisk> systemList = new ListView<>();
    private final TitledPane systemPane = new TitledPane();
    private final Label count = new Label();
    private final TabPane detail = new TabPane();
    private final Tab subjectTab = new Tab("Subject");
    private final Tab whoTab = new Tab("Who can…");
    private final Tab secretTab = new Tab("Secret readers");
    private final TabPane subjectParts = new TabPane();
    private final Label subjectTitle = new Label();
    private final Label subjectScore = new Label();
    private final VBox subjectReasons = new VBox(2);
    private final Button rightSize = new Button("Right-size…", new FontIcon(Feather.SCISSORS));
    private final TreeView<String> pathsTree = new TreeView<>();
    private final TableView<RbacEngine.EffectiveRule> rulesTable = new TableView<>();
    private final TableView<AccessViewModel.MatrixRow> matrixTable = new TableView<>();
    private final TreeView<String> whoTree = new TreeView<>();
    private final TableView<AccessViewModel.ReaderRow> readersTable = new TableView<>();
    private final Label readersNote = new Label();
    private boolean syncing;

    public AccessView(AccessViewModel vm, PageContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        getStyleClass().add("access");
        Css.add(this, "/dev/kustodian/ui/access/access.css");
        content.setPadding(new Insets(16));
        content.setTop(header());
        SplitPane split = new SplitPane(master(), detailPane());
        split.setDividerPositions(0.5);
        content.setCenter(split);
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        overlay.setVisible(false);
        getChildren().addAll(content, overlay);
        vm.analysisProperty().addListener((o, a, b) -> showEmptyIfNothing());
        showEmptyIfNothing();
    }

    @Override
    public TextInputControl filterField() {
        return filter;
    }

    /** Shows a progress state while analysing, an error state, or the page. */
    void setLoading(boolean loading, String error) {
        overlay.getChildren().clear();
        if (error != null) {
            overlay.getChildren().add(new EmptyState(Feather.ALERT_TRIANGLE, "Access could not be analysed", error));
        } else if (loading && vm.analysisProperty().get() == null) {
            overlay.getChildren().add(new EmptyState(Feather.LOADER, "Analysing access…",
                    "Resolving every binding, role and rule of the cluster."));
        } else {
            showEmptyIfNothing();
            return;
        }
        overlay.setVisible(true);
        content.setVisible(false);
    }

    private void showEmptyIfNothing() {
        boolean none = vm.analysisProperty().get() == null;
        overlay.getChildren().clear();
        if (none) {
            overlay.getChildren().add(new EmptyState(Feather.USERS, "Nothing loaded yet",
                    "Connect to a cluster, open a snapshot file or the demo cluster to see who can do what."));
        }
        overlay.setVisible(none);
        content.setVisible(!none);
    }

    // ------------------------------------------------------------------ header and master

    private Node header() {
        Label title = new Label("Access");
        title.getStyleClass().add("page-title");
        Label sub = new Label("Who can do what: risky subjects ranked by risk score, who-can queries, "
                + "and who can read each secret.");
        sub.getStyleClass().add("page-subtitle");
        return new VBox(2, title, sub);
    }

    private Node master() {
        filter.setId("access-filter");
        filter.setPromptText("Filter subjects (Ctrl+F)");
        filter.textProperty().bindBidirectional(vm.textFilterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("access-kind");
        kind.getItems().setAll(AccessViewModel.KINDS);
        kind.valueProperty().bindBidirectional(vm.kindFilterProperty());
        CheckBox system = new CheckBox("Show system access");
        system.setId("access-show-system");
        system.setMinWidth(Region.USE_PREF_SIZE);
        system.selectedProperty().bindBidirectional(vm.showSystemProperty());
        system.setTooltip(new Tooltip("List system components (system:* users and groups, kube-system service "
                + "accounts, bootstrap bindings) among the ranked subjects instead of in the collapsed group."));
        HBox bar = new HBox(8, filter, kind, system);
        bar.setAlignment(Pos.CENTER_LEFT);

        count.setId("access-count");
        count.getStyleClass().add("section-title");

        table.setId("access-subjects");
        TableColumn<SubjectRisk, String> kindCol = col("Kind", 120, r -> r.subject().kind()
                + (r.system() ? "\n(system)" : ""));
        kindCol.setMinWidth(130);
        table.getColumns().add(kindCol);
        TableColumn<SubjectRisk, String> nameCol = col("Name", 160, r -> r.subject().name());
        nameCol.setMinWidth(150);
        table.getColumns().add(nameCol);
        TableColumn<SubjectRisk, String> nsCol = col("Namespace", 100, r -> r.subject().namespace());
        nsCol.setMinWidth(96);
        table.getColumns().add(nsCol);
        TableColumn<SubjectRisk, Integer> score = new TableColumn<>("Score");
        score.setPrefWidth(60);
        score.setMinWidth(60);
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        score.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().add(score);
        TableColumn<SubjectRisk, String> reasons = col("Top reasons", 300, r -> topReasons(r, 2));
        table.getColumns().add(reasons);
        TableColumn<SubjectRisk, Integer> bindings = new TableColumn<>("Bindings");
        bindings.setPrefWidth(76);
        bindings.setMinWidth(76);
        bindings.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().bindings().size()));
        table.getColumns().add(bindings);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No risky subjects match the filters."));
        javafx.collections.transformation.SortedList<SubjectRisk> sorted =
                new javafx.collections.transformation.SortedList<>(vm.subjects());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !syncing) {
                select(b.subject());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        systemList.setId("access-system-subjects");
        systemList.setItems(vm.systemSubjects());
        systemList.setPrefHeight(180);
        systemList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SubjectRisk r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.subject().display() + " · score " + r.score() + " · "
                        + topReasons(r, 1));
            }
        });
        systemList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !syncing) {
                select(b.subject());
            }
        });
        systemPane.setId("access-system-group");
        systemPane.setContent(systemList);
        systemPane.setExpanded(false);
        systemPane.setAnimated(false);

        Runnable counts = () -> {
            count.setText("Risky subjects (" + vm.subjects().size() + " shown of " + vm.totalRankedProperty().get()
                    + ")");
            systemPane.setText("Expected system access (" + vm.systemSubjects().size() + " subjects)");
            systemPane.setTooltip(new Tooltip("Control-plane components, bootstrap roles and kube-system service "
                    + "accounts: expected, not user risks. Tick Show system access to rank them with the others."));
            boolean show = !vm.systemSubjects().isEmpty();
            systemPane.setVisible(show);
            systemPane.setManaged(show);
            reselect();
        };
        vm.subjects().addListener((ListChangeListener<SubjectRisk>) c -> counts.run());
        vm.systemSubjects().addListener((ListChangeListener<SubjectRisk>) c -> counts.run());
        counts.run();
        VBox box = new VBox(8, bar, count, table, systemPane);
        box.setPadding(new Insets(0, 8, 0, 0));
        box.setMinWidth(420);
        return box;
    }

    private void select(SubjectRef s) {
        vm.selectedProperty().set(s);
        detail.getSelectionModel().select(subjectTab);
    }

    /** Selection survives refresh and filtering: re-select the selected subject's row when it is listed. */
    private void reselect() {
        SubjectRef s = vm.selectedProperty().get();
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            systemList.getSelectionModel().clearSelection();
            if (s == null) {
                return;
            }
            for (SubjectRisk r : table.getItems()) {
                if (r.subject().equals(s)) {
                    table.getSelectionModel().select(r);
                    return;
                }
            }
            for (SubjectRisk r : systemList.getItems()) {
                if (r.subject().equals(s)) {
                    systemList.getSelectionModel().select(r);
                    return;
                }
            }
        } finally {
            syncing = false;
        }
    }

    static String topReasons(SubjectRisk r, int n) {
        return String.join("; ", r.reasons().stream().limit(n).map(AccessView::shortReason).toList())
                + (r.reasons().size() > n ? " (+" + (r.reasons().size() - n) + " more)" : "");
    }

    /** "High: title (detail) via binding → role" without the path (the path has its own column and view). */
    static String shortReason(String reason) {
        int via = reason.lastIndexOf(" via ");
        return via > 0 ? reason.substring(0, via) : reason;
    }

    // ------------------------------------------------------------------ detail

    private Node detailPane() {
        detail.setId("access-detail");
        detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        subjectTab.setContent(subjectView());
        whoTab.setContent(whoCanView());
        secretTab.setContent(secretView());
        subjectTab.setId("tab-subject");
        whoTab.setId("tab-who-can");
        secretTab.setId("tab-secret-readers");
        detail.getTabs().addAll(subjectTab, whoTab, secretTab);
        VBox box = new VBox(detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 8));
        box.setMinWidth(480);
        return box;
    }

    /** Opens the subject view for a subject (used by tests and by who-can double clicks). */
    public void showSubject(SubjectRef s) {
        select(s);
    }

    public void showTab(String id) {
        detail.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> detail.getSelectionModel().select(t));
    }

    public void showSubjectPart(String id) {
        subjectParts.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> subjectParts.getSelectionModel().select(t));
    }

    private Node subjectView() {
        subjectTitle.setId("subject-title");
        subjectTitle.getStyleClass().add("section-title");
        subjectScore.setId("subject-score");
        subjectReasons.setId("subject-reasons");
        rightSize.setId("right-size");
        boolean registered = ctx.hasWizard(AccessViewModel.RIGHT_SIZE_WIZARD);
        rightSize.setTooltip(new Tooltip(registered
                ? "Open the right-size wizard for this subject: a role with only what it uses."
                : "The right-size wizard is not available in this version."));
        rightSize.setOnAction(e -> {
            SubjectRef s = vm.selectedProperty().get();
            if (s != null) {
                ctx.openWizard(AccessViewModel.RIGHT_SIZE_WIZARD, new ObjectRef(s.kind(), s.namespace(), s.name()));
            }
        });
        ComboBox<String> ns = new ComboBox<>(vm.namespaceChoices());
        ns.setId("subject-namespace");
        ns.valueProperty().bindBidirectional(vm.subjectNamespaceProperty());
        Label nsLabel = new Label("Rules and matrix in");
        nsLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        subjectTitle.setWrapText(true);
        rightSize.setMinWidth(Region.USE_PREF_SIZE);
        subjectScore.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, subjectScore, grow, nsLabel, ns, rightSize);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, subjectTitle, line);

        pathsTree.setId("subject-paths");
        pathsTree.setShowRoot(true);
        rulesTable.setId("subject-rules");
        rulesTable.getColumns().add(ruleCol("Resources", 170, r -> resources(r.rule())));
        rulesTable.getColumns().add(ruleCol("Non-resource URLs", 110, r -> String.join(", ", r.rule().nonResourceURLs())));
        rulesTable.getColumns().add(ruleCol("Resource names", 110, r -> String.join(", ", r.rule().resourceNames())));
        rulesTable.getColumns().add(ruleCol("Verbs", 150, r -> "[" + String.join(" ", r.rule().verbs()) + "]"));
        rulesTable.getColumns().add(ruleCol("From", 260, r -> r.binding() + " → " + r.role()));
        rulesTable.setItems(vm.effectiveRules());
        rulesTable.setPlaceholder(new Label("No rules apply to this subject here."));
        matrixTable.setId("subject-matrix");
        TableColumn<AccessViewModel.MatrixRow, String> res = new TableColumn<>("Resource");
        res.setPrefWidth(200);
        res.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().resource()));
        matrixTable.getColumns().add(res);
        for (String verb : RbacEngine.MATRIX_VERBS) {
            TableColumn<AccessViewModel.MatrixRow, Boolean> c = new TableColumn<>(verb);
            c.setPrefWidth(verb.length() > 6 ? 120 : 66);
            c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().verbs().get(verb)));
            c.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(Boolean allowed, boolean empty) {
                    super.updateItem(allowed, empty);
                    getStyleClass().removeAll("matrix-yes", "matrix-no");
                    if (empty || allowed == null) {
                        setText(null);
                        setGraphic(null);
                        return;
                    }
                    setText(allowed ? "yes" : "no");
                    setGraphic(new FontIcon(allowed ? Feather.CHECK : Feather.X));
                    getStyleClass().add(allowed ? "matrix-yes" : "matrix-no");
                }
            });
            matrixTable.getColumns().add(c);
        }
        matrixTable.setItems(vm.matrix());

        Tab paths = new Tab("Binding paths", pathsTree);
        paths.setId("part-paths");
        Tab rules = new Tab("Effective rules", rulesTable);
        rules.setId("part-rules");
        Tab matrix = new Tab("Access matrix", matrixTable);
        matrix.setId("part-matrix");
        subjectParts.getTabs().addAll(paths, rules, matrix);
        subjectParts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(subjectParts, Priority.ALWAYS);

        Label empty = new Label("Select a subject on the left (or in a who-can result) to see its effective rules, "
                + "access matrix and binding paths.");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        javafx.scene.control.ScrollPane reasonsScroll = new javafx.scene.control.ScrollPane(subjectReasons);
        reasonsScroll.setFitToWidth(true);
        reasonsScroll.setMaxHeight(170);
        reasonsScroll.setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
        reasonsScroll.getStyleClass().add("reasons-scroll");
        VBox body = new VBox(10, top, reasonsScroll, subjectParts);
        body.setPadding(new Insets(10));
        StackPane stack = new StackPane(body, empty);
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        StackPane.setMargin(empty, new Insets(16));
        Runnable refresh = () -> {
            SubjectRef s = vm.selectedProperty().get();
            body.setVisible(s != null);
            empty.setVisible(s == null);
            rightSize.setDisable(s == null || !registered);
            if (s == null) {
                return;
            }
            subjectTitle.setText(s.display() + (s.isSystem() ? " (system)" : ""));
            SubjectRisk r = vm.selectedRiskProperty().get();
            subjectScore.setText(r == null ? "no risky grants" : "risk score " + r.score());
            subjectReasons.getChildren().clear();
            if (r != null) {
                for (String reason : r.reasons()) {
                    Label l = new Label(reason, new FontIcon(Feather.ALERT_TRIANGLE));
                    l.setWrapText(true);
                    l.getStyleClass().add("reason");
                    subjectReasons.getChildren().add(l);
                }
            }
            pathsTree.setRoot(pathsRoot(s, vm.paths()));
        };
        vm.selectedProperty().addListener((o, a, b) -> refresh.run());
        vm.paths().addListener((ListChangeListener<AccessViewModel.PathBinding>) c -> refresh.run());
        vm.selectedRiskProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
        return stack;
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

    // ------------------------------------------------------------------ who-can

    private Node whoCanView() {
        ComboBox<String> verb = new ComboBox<>();
        verb.setId("who-verb");
        verb.setEditable(true);
        verb.getItems().setAll("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection",
                "impersonate", "escalate", "bind", "approve", "sign", "*");
        verb.valueProperty().bindBidirectional(vm.whoVerbProperty());
        verb.setPrefWidth(120);
        TextField resource = new TextField();
        resource.setId("who-resource");
        resource.setPromptText("resource[.group][/name] or /url");
        resource.textProperty().bindBidirectional(vm.whoResourceProperty());
        resource.setPrefColumnCount(14);
        TextField sub = new TextField();
        sub.setId("who-subresource");
        sub.setPromptText("subresource");
        sub.textProperty().bindBidirectional(vm.whoSubresourceProperty());
        sub.setPrefColumnCount(7);
        TextField name = new TextField();
        name.setId("who-name");
        name.setPromptText("name (any)");
        name.textProperty().bindBidirectional(vm.whoNameProperty());
        name.setPrefColumnCount(8);
        ComboBox<String> ns = new ComboBox<>(vm.namespaceChoices());
        ns.setId("who-namespace");
        ns.valueProperty().bindBidirectional(vm.whoNamespaceProperty());
        Button run = new Button("Who can?", new FontIcon(Feather.SEARCH));
        run.setId("who-run");
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.runWhoCan());
        resource.setOnAction(e -> vm.runWhoCan());
        name.setOnAction(e -> vm.runWhoCan());
        sub.setOnAction(e -> vm.runWhoCan());
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 6, verb, resource, sub, name,
                new Label("in"), ns, run);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label msg = new Label();
        msg.setId("who-message");
        msg.setWrapText(true);
        msg.textProperty().bind(vm.whoMessageProperty());
        whoTree.setId("who-results");
        whoTree.setShowRoot(false);
        vm.whoCan().addListener((ListChangeListener<RbacEngine.SubjectAccess>) c -> whoTree.setRoot(whoRoot(vm.whoCan())));
        whoTree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                TreeItem<String> item = whoTree.getSelectionModel().getSelectedItem();
                while (item != null && item.getParent() != null && item.getParent() != whoTree.getRoot()) {
                    item = item.getParent();
                }
                if (item != null) {
                    int i = whoTree.getRoot().getChildren().indexOf(item);
                    if (i >= 0 && i < vm.whoCan().size()) {
                        select(vm.whoCan().get(i).subject());
                    }
                }
            }
        });
        Label hint = new Label("Double-click a subject to open its view.");
        hint.getStyleClass().add("muted");
        VBox.setVgrow(whoTree, Priority.ALWAYS);
        VBox box = new VBox(8, bar, msg, whoTree, hint);
        box.setPadding(new Insets(10));
        return box;
    }

    static TreeItem<String> whoRoot(List<RbacEngine.SubjectAccess> result) {
        TreeItem<String> root = new TreeItem<>("");
        for (RbacEngine.SubjectAccess a : result) {
            TreeItem<String> s = new TreeItem<>(a.subject().display() + (a.subject().isSystem() ? "  (system)" : "")
                    + " — " + a.via().size() + " path(s)", new FontIcon(icon(a.subject())));
            for (Grant g : a.via()) {
                s.getChildren().add(new TreeItem<>(g.describe(), new FontIcon(Feather.LINK)));
            }
            s.setExpanded(!a.subject().isSystem());
            root.getChildren().add(s);
        }
        return root;
    }

    private static Feather icon(SubjectRef s) {
        return switch (s.kind()) {
            case SubjectRef.GROUP -> Feather.USERS;
            case SubjectRef.SERVICE_ACCOUNT -> Feather.CPU;
            default -> Feather.USER;
        };
    }

    // ------------------------------------------------------------------ secret readers

    private Node secretView() {
        ComboBox<String> secret = new ComboBox<>(vm.secretChoices());
        secret.setId("secret-picker");
        secret.setPromptText("Pick a secret (namespace/name)");
        secret.valueProperty().bindBidirectional(vm.selectedSecretProperty());
        secret.setPrefWidth(320);
        Label l = new Label("Secret");
        HBox bar = new HBox(8, l, secret);
        bar.setAlignment(Pos.CENTER_LEFT);
        readersTable.setId("secret-readers");
        readersTable.getColumns().add(readerCol("Subject", 170, r -> r.subject().kind() + "\n"
                + (r.subject().namespace().isEmpty() ? "" : r.subject().namespace() + "/") + r.subject().name()
                + (r.system() ? "\n(system)" : "")));
        readersTable.getColumns().get(0).setMinWidth(180);
        TableColumn<AccessViewModel.ReaderRow, Boolean> access = new TableColumn<>("Access");
        access.setPrefWidth(95);
        access.setMinWidth(95);
        access.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().direct()));
        access.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Boolean direct, boolean empty) {
                super.updateItem(direct, empty);
                if (empty || direct == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(direct ? "Direct" : "Indirect");
                setGraphic(new FontIcon(direct ? Feather.EYE : Feather.CORNER_DOWN_RIGHT));
            }
        });
        readersTable.getColumns().add(access);
        TableColumn<AccessViewModel.ReaderRow, String> how = readerCol("How", 190, r -> String.join("\n", r.how()));
        how.setMinWidth(175);
        readersTable.getColumns().add(how);
        readersTable.getColumns().add(readerCol("Path (binding → role → rule)", 380, r -> String.join("\n", r.paths())));
        readersTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        readersTable.setItems(vm.readerRows());
        readersTable.setPlaceholder(new Label("Pick a secret to see every subject that can read it."));
        VBox.setVgrow(readersTable, Priority.ALWAYS);
        readersNote.setId("secret-readers-note");
        readersNote.setWrapText(true);
        Runnable note = () -> {
            String s = vm.selectedSecretProperty().get();
            if (s == null) {
                readersNote.setText("");
                return;
            }
            long direct = vm.secretReaders().stream().filter(Reader::direct).map(Reader::subject).distinct().count();
            long indirect = vm.secretReaders().stream().filter(r -> !r.direct()).map(Reader::subject).distinct()
                    .count();
            int hidden = vm.hiddenSystemReadersProperty().get();
            readersNote.setText(direct + " subject(s) can read " + s + " directly, " + indirect + " indirectly"
                    + (hidden > 0 ? "; " + hidden + " expected system path(s) not listed (tick \"Show system "
                    + "access\" to list them)." : "."));
        };
        vm.secretReaders().addListener((ListChangeListener<Reader>) c -> note.run());
        vm.hiddenSystemReadersProperty().addListener((o, a, b) -> note.run());
        vm.selectedSecretProperty().addListener((o, a, b) -> note.run());
        VBox box = new VBox(8, bar, readersNote, readersTable);
        box.setPadding(new Insets(10));
        return box;
    }

    /** Opens the secret readers view for {@code ns/name}. */
    public void showSecret(String key) {
        vm.selectedSecretProperty().set(key);
        detail.getSelectionModel().select(secretTab);
    }

    // ------------------------------------------------------------------ helpers

    private static TableColumn<SubjectRisk, String> col(String title, double width,
                                                          java.util.function.Function<SubjectRisk, String> f) {
        TableColumn<SubjectRisk, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setCellFactory(x -> wrapping(c));
        return c;
    }

    private static TableColumn<RbacEngine.EffectiveRule, String> ruleCol(String title, double width,
            java.util.function.Function<RbacEngine.EffectiveRule, String> f) {
        TableColumn<RbacEngine.EffectiveRule, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    private static TableColumn<AccessViewModel.ReaderRow, String> readerCol(String title, double width,
            java.util.function.Function<AccessViewModel.ReaderRow, String> f) {
        TableColumn<AccessViewModel.ReaderRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setCellFactory(x -> wrapping(c));
        return c;
    }

    /** A cell whose text wraps at the column's width (rows grow to fit several lines). */
    private static <S> TableCell<S, String> wrapping(TableColumn<S, String> column) {
        javafx.scene.text.Text text = new javafx.scene.text.Text();
        text.getStyleClass().add("wrapping-text");
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
        TableCell<S, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                text.setText(empty || s == null ? "" : s);
                setGraphic(empty ? null : text);
                setText(null);
            }
        };
        cell.setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
        cell.getStyleClass().add("wrapping-cell");
        return cell;
    }
}
