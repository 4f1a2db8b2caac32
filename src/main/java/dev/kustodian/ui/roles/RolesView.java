package dev.kustodian.ui.roles;

import dev.kustodian.ui.framework.Columns;
import dev.kustodian.ui.framework.FilterablePane;
import dev.kustodian.ui.framework.Labels;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.collections.transformation.SortedList;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Roles page: subjects (left, sortable and filterable) and the selected subject's bindings (right). */
public final class RolesView extends BorderPane implements FilterablePane {
    private final RolesViewModel vm;
    private final PageContext ctx;
    private final TextField filter = new TextField();
    private final TableView<RolesViewModel.Row> table = new TableView<>();
    private final VBox detail = new VBox(10);
    private boolean syncing;

    public RolesView(RolesViewModel vm, PageContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        Css.page(this, "roles");

        Label title = Labels.pageTitle("Roles");
        Label sub = Labels.wrappedSubtitle("Who is bound to what. Right-size a subject from its audit logs, or build"
                + " a least-privilege role for it.");
        Button newRole = new Button("New role…", new FontIcon(Feather.PLUS));
        newRole.setId("roles-new-role");
        newRole.setOnAction(e -> ctx.openWizard(RoleWizard.ID, null));
        HBox top = new HBox(12, new VBox(2, title, sub), newRole);
        HBox.setHgrow(top.getChildren().get(0), Priority.ALWAYS);
        top.setPadding(new Insets(16, 16, 8, 16));
        setTop(top);

        FilterablePane.filter(filter, "roles-filter", "Filter subjects or roles (Ctrl+F)", vm.filter);
        Label header = new Label();
        header.setId("roles-count");
        header.getStyleClass().add("list-header");
        header.textProperty().bind(vm.header);

        table.getColumns().addAll(java.util.List.of(
                Columns.of("Kind", 130, RolesViewModel.Row::kind),
                Columns.of("Namespace", 110, RolesViewModel.Row::namespace),
                Columns.of("Name", 200, RolesViewModel.Row::name),
                Columns.of("Bindings", 85, RolesViewModel.Row::bindingCount),
                Columns.of("Broad", 70, r -> r.broad() ? "yes" : "")));
        SortedList<RolesViewModel.Row> sorted = new SortedList<>(vm.rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("roles-table");
        table.setPlaceholder(new Label("No subject matches the filter."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.selected.set(b);
            }
        });
        vm.selected.addListener((o, a, b) -> {
            syncing = true;
            if (b == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(b);
            }
            syncing = false;
            renderDetail(b);
        });
        VBox left = new VBox(6, header, filter, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(0, 8, 12, 16));

        detail.setPadding(new Insets(12));
        detail.setId("roles-detail");
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, detailScroll);
        split.setDividerPositions(0.5);
        setCenter(split);
        renderDetail(null);
    }

    @Override
    public TextField filterField() {
        return filter;
    }

    public TableView<RolesViewModel.Row> table() {
        return table;
    }

    private void renderDetail(RolesViewModel.Row r) {
        detail.getChildren().clear();
        if (r == null) {
            detail.getChildren().add(new EmptyState(Feather.USERS, "Select a subject",
                    "Its bindings and roles appear here, with Right-size… to compare them with its audit logs."));
            return;
        }
        Label h = new Label(r.text());
        h.getStyleClass().add("detail-title");
        h.setId("roles-detail-title");
        Button rightSize = new Button("Right-size…", new FontIcon(Feather.SCISSORS));
        rightSize.setId("roles-right-size");
        rightSize.getStyleClass().add("accent");
        rightSize.setTooltip(new Tooltip("Compare its permissions with its audit logs: what can go, and the binding changes."));
        rightSize.setOnAction(e -> ctx.openWizard(RightSizeWizard.ID, r.ref()));
        Button role = new Button("New role for it…", new FontIcon(Feather.PLUS));
        role.setId("roles-role-for-subject");
        role.setOnAction(e -> ctx.openWizard(RoleWizard.ID, r.ref()));
        detail.getChildren().addAll(h, new HBox(8, rightSize, role));
        if (r.bindings().isEmpty()) {
            Label none = new Label("No binding names this subject: it has only what its groups get "
                    + "(e.g. system:authenticated, system:serviceaccounts).");
            none.setWrapText(true);
            none.getStyleClass().add("field-help");
            detail.getChildren().add(none);
        }
        for (RolesViewModel.BindingRow b : r.bindings()) {
            Label bl = new Label(b.binding() + "  →  " + b.role(), new FontIcon(b.broad() ? Feather.ALERT_TRIANGLE
                    : Feather.LINK));
            bl.getStyleClass().addAll("binding-title", b.broad() ? "binding-broad" : "binding-ok");
            bl.setWrapText(true);
            Label scope = new Label(b.scope() + (b.broad() ? " · broad: wildcards or reads every secret" : ""));
            scope.getStyleClass().add("field-help");
            VBox box = new VBox(4, bl, scope);
            for (String rule : b.rules()) {
                Label rl = new Label("• " + rule);
                rl.setWrapText(true);
                rl.getStyleClass().add("rule-text");
                box.getChildren().add(rl);
            }
            box.getStyleClass().add("binding-card");
            detail.getChildren().add(box);
        }
    }
}
