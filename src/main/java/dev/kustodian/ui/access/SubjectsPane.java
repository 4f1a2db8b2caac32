package dev.kustodian.ui.access;

import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.rbac.SubjectRisk;
import dev.kustodian.ui.framework.Columns;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Access page's master pane: the filter bar, the risky subjects ranked by score, and the collapsed group of
 * expected system access. Selecting a row opens that subject; the selection survives refresh and filtering.
 */
final class SubjectsPane extends VBox {
    private final AccessViewModel vm;
    private final Consumer<SubjectRef> open;
    private final TextField filter = new TextField();
    private final TableView<SubjectRisk> table = new TableView<>();
    private final ListView<SubjectRisk> systemList = new ListView<>();
    private final TitledPane systemPane = new TitledPane();
    private final Label count = new Label();
    /**
     * The rows the table shows: the filtered subjects, except that a filter matching none leaves them and shows
     * {@link #noMatch} in the table's place. On the large cluster the first time the table was emptied (a keystroke
     * matching none of 10,000 subjects) took 20-29 ms of FX CPU warm, 18-75 ms cold; shrinking it to a few rows, 3-4 ms.
     */
    private final javafx.collections.ObservableList<SubjectRisk> shown = javafx.collections.FXCollections
            .observableArrayList();
    /** The analysis whose subjects {@link #shown} holds (a new analysis always replaces them). */
    private AccessViewModel.Analysis shownAnalysis;
    private final dev.kustodian.ui.framework.EmptyState noMatch = new dev.kustodian.ui.framework.EmptyState(
            org.kordamp.ikonli.feather.Feather.FILTER, "No risky subject matches the filters",
            "Clear the search, or choose another kind or namespace, to see them.");
    private boolean syncing;

    SubjectsPane(AccessViewModel vm, Consumer<SubjectRef> open) {
        super(8);
        this.vm = vm;
        this.open = open;
        filter.setId("access-filter");
        filter.setPromptText("Filter subjects (Ctrl+F)");
        filter.textProperty().bindBidirectional(vm.textFilter);
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("access-kind");
        kind.getItems().setAll(AccessViewModel.KINDS);
        kind.valueProperty().bindBidirectional(vm.kindFilter);
        CheckBox system = new CheckBox("Show system access");
        system.setId("access-show-system");
        system.setMinWidth(Region.USE_PREF_SIZE);
        system.selectedProperty().bindBidirectional(vm.showSystem);
        system.setTooltip(new Tooltip("List system components (system:* users and groups, kube-system service "
                + "accounts, bootstrap bindings) among the ranked subjects instead of in the collapsed group."));
        HBox bar = new HBox(8, filter, kind, system);
        bar.setAlignment(Pos.CENTER_LEFT);

        count.setId("access-count");
        count.getStyleClass().add("section-title");

        buildTable();
        buildSystemGroup();

        Runnable counts = () -> {
            count.setText("Risky subjects (" + vm.subjects.size() + " shown of " + vm.totalRanked.get()
                    + ")");
            systemPane.setText("Expected system access (" + vm.systemSubjects.size() + " subjects)");
            systemPane.setTooltip(new Tooltip("Control-plane components, bootstrap roles and kube-system service "
                    + "accounts: expected, not user risks. Tick Show system access to rank them with the others."));
            boolean show = !vm.systemSubjects.isEmpty();
            systemPane.setVisible(show);
            systemPane.setManaged(show);
            reselect();
        };
        vm.subjects.addListener((ListChangeListener<SubjectRisk>) c -> {
            showSubjects();
            counts.run();
        });
        vm.systemSubjects.addListener((ListChangeListener<SubjectRisk>) c -> counts.run());
        showSubjects();
        counts.run();
        noMatch.setId("access-no-match");
        noMatch.setVisible(false);
        javafx.scene.layout.StackPane tableArea = new javafx.scene.layout.StackPane(table, noMatch);
        VBox.setVgrow(tableArea, Priority.ALWAYS);
        getChildren().addAll(bar, count, tableArea, systemPane);
        setPadding(new Insets(0, 8, 0, 0));
        setMinWidth(420);
    }

    TextField filterField() {
        return filter;
    }

    private void buildTable() {
        table.setId("access-subjects");
        TableColumn<SubjectRisk, String> kindCol = Columns.wrapping("Kind", 120, r -> r.subject().kind()
                + (r.system() ? "\n(system)" : ""));
        kindCol.setMinWidth(130);
        table.getColumns().add(kindCol);
        TableColumn<SubjectRisk, String> nameCol = Columns.wrapping("Name", 160, r -> r.subject().name());
        nameCol.setMinWidth(150);
        table.getColumns().add(nameCol);
        TableColumn<SubjectRisk, String> nsCol = Columns.wrapping("Namespace", 100, r -> r.subject().namespace());
        nsCol.setMinWidth(96);
        table.getColumns().add(nsCol);
        TableColumn<SubjectRisk, Integer> score = Columns.of("Score", 60, SubjectRisk::score);
        score.setMinWidth(60);
        score.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().add(score);
        table.getColumns().add(Columns.wrapping("Top reasons", 300, r -> topReasons(r, 2)));
        TableColumn<SubjectRisk, Integer> bindings = Columns.of("Bindings", 76, r -> r.bindings().size());
        bindings.setMinWidth(76);
        table.getColumns().add(bindings);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No risky subjects match the filters."));
        SortedList<SubjectRisk> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !syncing) {
                open.accept(b.subject());
            }
        });
    }

    private void buildSystemGroup() {
        systemList.setId("access-system-subjects");
        systemList.setItems(vm.systemSubjects);
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
                open.accept(b.subject());
            }
        });
        systemPane.setId("access-system-group");
        systemPane.setContent(systemList);
        systemPane.setExpanded(false);
        systemPane.setAnimated(false);
    }

    /** The filtered subjects into the table, or, for a filter matching none, {@link #noMatch} in its place. */
    private void showSubjects() {
        boolean none = vm.subjects.isEmpty() && !shown.isEmpty() && vm.analysis.get() == shownAnalysis;
        if (!none) {
            shownAnalysis = vm.analysis.get();
            shown.setAll(vm.subjects);
        }
        table.setVisible(!none);
        noMatch.setVisible(none);
    }

    /** Selection survives refresh and filtering: re-select the selected subject's row when it is listed. */
    private void reselect() {
        SubjectRef s = vm.selected.get();
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            systemList.getSelectionModel().clearSelection();
            if (s == null) {
                return;
            }
            for (SubjectRisk r : table.isVisible() ? table.getItems() : List.<SubjectRisk>of()) {
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
        return String.join("; ", r.reasons().stream().limit(n).map(SubjectsPane::shortReason).toList())
                + (r.reasons().size() > n ? " (+" + (r.reasons().size() - n) + " more)" : "");
    }

    /** "High: title (detail) via binding → role" without the path (the path has its own column and view). */
    static String shortReason(String reason) {
        int via = reason.lastIndexOf(" via ");
        return via > 0 ? reason.substring(0, via) : reason;
    }
}
