package dev.kustodian.ui.fleet;

import dev.kustodian.core.findings.Severity;
import dev.kustodian.ui.framework.Columns;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.framework.Labels;
import dev.kustodian.ui.framework.SeverityChip;
import dev.kustodian.ui.framework.TaskHandle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The Fleet page: header with Scan all / Cancel / Open and progress, the contexts table, the selected row's detail. */
public final class FleetView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final FleetViewModel vm;
    private final TableView<FleetViewModel.Row> table = new TableView<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label detail = new Label();

    FleetView(FleetViewModel vm, FleetPage page) {
        this.vm = vm;
        Css.page(this, "fleet");
        setPadding(new Insets(16));

        Label title = Labels.pageTitle("Fleet");
        Label subtitle = Labels.subtitle("fleet-summary", vm.summary);
        Button scan = new Button("Scan all", new FontIcon(Feather.PLAY));
        scan.setId("fleet-scan-all");
        scan.getStyleClass().add("accent");
        scan.setTooltip(new Tooltip("Load and analyse every context, four at a time (like kustodian scan --all-contexts)"));
        scan.disableProperty().bind(vm.scanning);
        scan.setOnAction(e -> page.scanAll());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("fleet-cancel");
        cancel.visibleProperty().bind(vm.scanning);
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> page.cancel());
        Button open = new Button("Open in the app", new FontIcon(Feather.EXTERNAL_LINK));
        open.setId("fleet-open");
        open.setTooltip(new Tooltip("Switch the app to the selected context (double-click a row does the same)"));
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> page.open(table.getSelectionModel().getSelectedItem().context()));
        progress.setId("fleet-progress");
        progress.setPrefWidth(160);
        progress.visibleProperty().bind(vm.scanning);
        progress.managedProperty().bind(progress.visibleProperty());
        Label legend = Labels.subtitle("Per area: findings by severity, C critical · H high · M medium · L low");
        Label progressText = Labels.subtitle("fleet-progress-text", vm.progressText);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(12, new VBox(2, title, subtitle, legend), grow, progressText, progress, cancel, open, scan);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        buildTable(page);
        table.setId("fleet-table");
        detail.setId("fleet-detail");
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.setWrapText(true);
        detail.getStyleClass().add("fleet-detail");
        detail.setPadding(new Insets(10, 0, 0, 0));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> detail.setText(detailText(b)));
        vm.rows.addListener((javafx.collections.ListChangeListener<FleetViewModel.Row>) c ->
                detail.setText(detailText(table.getSelectionModel().getSelectedItem())));
        if (vm.rows.isEmpty()) {
            setCenter(new EmptyState(Feather.GLOBE, "No kubeconfig contexts",
                    "The Fleet page lists every context of your kubeconfig ($KUBECONFIG or ~/.kube/config) with its "
                            + "posture per area. Add contexts (kubectl config set-context), then restart Kustodian; "
                            + "the CLI does the same with kustodian scan --all-contexts."));
        } else {
            setCenter(table);
            setBottom(detail);
        }
    }

    /** Shows the progress of a running scan. */
    void bind(TaskHandle handle) {
        progress.progressProperty().bind(handle.progress);
        handle.message.addListener((o, a, b) -> {
            if (vm.scanning.get()) {
                vm.progressText.set(b);
            }
        });
    }

    private void buildTable(FleetPage page) {
        table.setItems(vm.rows);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<FleetViewModel.Row, FleetViewModel.Row> name = Columns.of("Context", 250, r -> r);
        Columns.render(name, (cell, r) -> {
            Label n = new Label(r.context() + (r.current() ? "  (current)" : ""));
            HBox box = new HBox(6, n);
            box.setAlignment(Pos.CENTER_LEFT);
            if (r.production()) {
                Label prod = new Label("PRODUCTION", new FontIcon(Feather.ALERT_TRIANGLE));
                prod.getStyleClass().add("fleet-production");
                box.getChildren().add(prod);
            }
            cell.setText(null);
            cell.setGraphic(box);
        });
        TableColumn<FleetViewModel.Row, FleetViewModel.Row> status = Columns.of("Reachable", 170, r -> r);
        Columns.render(status, (cell, r) -> {
            Feather icon = switch (r.status()) {
                case OK -> Feather.CHECK_CIRCLE;
                case PARTIAL -> Feather.ALERT_TRIANGLE;
                case UNREACHABLE -> Feather.WIFI_OFF;
                case UNAUTHORIZED -> Feather.LOCK;
                case ERROR -> Feather.X_CIRCLE;
                case SCANNING -> Feather.REFRESH_CW;
                case NOT_SCANNED -> Feather.CLOUD_OFF;
            };
            cell.setGraphic(new FontIcon(icon));
            cell.setText(r.status().text());
            if (r.status() == FleetViewModel.Status.UNREACHABLE || r.status() == FleetViewModel.Status.UNAUTHORIZED
                    || r.status() == FleetViewModel.Status.ERROR) {
                cell.getStyleClass().add("fleet-down");
            } else if (r.status() == FleetViewModel.Status.OK) {
                cell.getStyleClass().add("fleet-up");
            }
        }, "fleet-down", "fleet-up");
        table.getColumns().add(name);
        table.getColumns().add(status);
        TableColumn<FleetViewModel.Row, FleetViewModel.Row> worst = Columns.of("Worst", 115, r -> r);
        worst.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FleetViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                Severity w = empty || r == null ? null : r.worst();
                setText(empty || r == null || w != null ? null : r.scannedAt() == null ? "—" : "none");
                setGraphic(w == null ? null : new SeverityChip(w));
            }
        });
        table.getColumns().add(worst);
        for (String area : vm.areas()) {
            table.getColumns().add(Columns.of(areaTitle(area), 120, r -> r.cell(area)));
        }
        table.getColumns().add(Columns.of("Total", 60, r -> r.scannedAt() == null ? "—" : String.valueOf(r.total())));
        table.getColumns().add(Columns.of("Last in-cluster scan", 225, r -> r.inClusterCell(TIME)));
        table.getColumns().add(Columns.of("Last scanned", 140, r -> r.scannedAt() == null ? "never"
                : TIME.format(r.scannedAt())));
        table.getColumns().add(Columns.of("Server", 260, FleetViewModel.Row::server));
        table.setRowFactory(t -> {
            TableRow<FleetViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    page.open(row.getItem().context());
                }
            });
            return row;
        });
        table.setPlaceholder(new Label("No contexts."));
    }

    private static String areaTitle(String area) {
        return switch (area) {
            case "secrets" -> "Secrets";
            case "rbac" -> "RBAC";
            case "encryption" -> "Encryption";
            case "external-stores" -> "External stores";
            default -> area;
        };
    }

    private static String detailText(FleetViewModel.Row r) {
        if (r == null) {
            return "Select a context to see how its last scan went; double-click opens it in the app.";
        }
        StringBuilder sb = new StringBuilder(r.context());
        sb.append(r.server().isEmpty() ? "" : " · " + r.server()).append(" · ").append(r.status().text());
        if (r.scannedAt() != null) {
            sb.append(" · last scanned ").append(TIME.format(r.scannedAt())).append(" (").append(r.how()).append(")");
        }
        if (!r.message().isEmpty()) {
            sb.append("\n").append(r.message());
        }
        if (r.inCluster() != null) {
            sb.append("\nLast in-cluster scan: ").append(r.inCluster().scannedAt() == null ? "time unknown"
                    : TIME.format(r.inCluster().scannedAt())).append(" · ").append(r.inCluster().counts()).append(" (")
                    .append(r.inCluster().reports()).append(" ").append(r.inCluster().api().kind())
                    .append("/").append(r.inCluster().api().clusterKind()).append(" object(s))");
        } else if (!r.inClusterNote().isEmpty()) {
            sb.append("\nLast in-cluster scan: ").append(r.inClusterNote());
        }
        return sb.toString();
    }
}
