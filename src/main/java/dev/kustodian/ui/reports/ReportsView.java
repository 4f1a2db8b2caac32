package dev.kustodian.ui.reports;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.report.Report;
import dev.kustodian.core.report.ReportFormat;
import dev.kustodian.core.report.ReportWriter;
import dev.kustodian.ui.framework.FilterablePane;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Card;
import dev.kustodian.ui.framework.Columns;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.framework.Labels;
import dev.kustodian.ui.framework.SeverityChip;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** The Reports page: findings table (left), detail (right), filter, include-system toggle and Export. */
public final class ReportsView extends BorderPane implements FilterablePane {
    private final ReportsViewModel vm;
    private final PageContext ctx;
    private final Clock clock;
    private final TableView<Finding> table = new TableView<>();
    private final TextField filter = new TextField();
    private final ComboBox<ReportFormat> format = new ComboBox<>(FXCollections.observableArrayList(ReportFormat.values()));
    private final VBox detail = new VBox(12);

    public ReportsView(ReportsViewModel vm, PageContext ctx, Clock clock) {
        this.vm = vm;
        this.ctx = ctx;
        this.clock = clock;
        Css.page(this, "reports");
        setPadding(new Insets(16));

        Label title = Labels.pageTitle("Reports");
        Label header = Labels.subtitle("reports-header", vm.header);
        FilterablePane.filter(filter, "reports-filter", "Filter by rule, area, object, title (Ctrl+F)", vm.filterText)
                .setPrefColumnCount(26);
        CheckBox system = new CheckBox("Include system components");
        system.setId("include-system");
        system.selectedProperty().bindBidirectional(vm.includeSystem);
        format.setId("export-format");
        format.setValue(ReportFormat.HTML);
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportFormat f) {
                return f == null ? "" : switch (f) {
                    case TABLE -> "Table (text)";
                    case JSON -> "JSON";
                    case SARIF -> "SARIF 2.1.0";
                    case MARKDOWN -> "Markdown";
                    case HTML -> "HTML";
                    case POLICYREPORT -> "PolicyReport YAML (wgpolicyk8s.io)";
                    case OPENREPORTS -> "OpenReports YAML (openreports.io)";
                };
            }

            @Override
            public ReportFormat fromString(String s) {
                return ReportFormat.parse(s);
            }
        });
        Button export = new Button("Export…", new FontIcon(Feather.DOWNLOAD));
        export.setId("export-button");
        export.getStyleClass().add("accent");
        export.setTooltip(new Tooltip("Save the findings shown (filters applied) as a report file"));
        export.setOnAction(e -> export(format.getValue()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(12, new VBox(2, title, header), grow, filter, system, format, export);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        buildTable();
        ScrollPane ds = new ScrollPane(detail);
        ds.setFitToWidth(true);
        detail.setId("finding-detail");
        detail.setPadding(new Insets(0, 12, 12, 12));
        SplitPane split = new SplitPane(table, ds);
        split.setDividerPositions(0.62);
        setCenter(split);
        vm.selected.addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            render(b);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null || !vm.isShown(vm.selected.get())) {
                vm.selected.set(b);
            }
        });
        render(null);
    }

    @Override
    public TextField filterField() {
        return filter;
    }

    public TableView<Finding> table() {
        return table;
    }

    private void buildTable() {
        table.setId("findings-table");
        table.setPlaceholder(new Label("No findings match the filters."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Finding, Severity> sev = column("Severity", 115, Finding::severity);
        sev.setMinWidth(115);
        sev.setComparator(Comparator.reverseOrder());
        sev.setCellFactory(c -> new SeverityChip.Cell<>(false));
        table.getColumns().add(sev);
        table.getColumns().add(column("Area", 80, Finding::area));
        TableColumn<Finding, String> rule = column("Rule", 200, Finding::rule);
        rule.setMinWidth(170);
        table.getColumns().add(rule);
        table.getColumns().add(column("Object", 230, f -> f.object().display() + (f.system() ? " (system)" : "")));
        table.getColumns().add(column("Title", 320, Finding::title));
        // the rows come sorted from the filtering task: sorting asks for that order instead of sorting on the FX thread
        table.setItems(vm.rows);
        table.setSortPolicy(t -> {
            vm.setOrder(order(), sortKey());
            return true;
        });
        table.getSortOrder().add(sev);
    }

    /** What each column shows, by column: the order of the rows is computed from it off the FX thread. */
    private final java.util.Map<TableColumn<Finding, ?>, java.util.function.Function<Finding, ?>> values =
            new java.util.HashMap<>();

    private <T> TableColumn<Finding, T> column(String title, double width, java.util.function.Function<Finding, T> v) {
        TableColumn<Finding, T> c = Columns.of(title, width, v);
        values.put(c, v);
        return c;
    }

    /** The table's sort order (columns and directions); equal keys mean the same order. */
    private List<Object> sortKey() {
        List<Object> key = new java.util.ArrayList<>();
        for (TableColumn<Finding, ?> c : table.getSortOrder()) {
            key.add(c);
            key.add(c.getSortType());
            key.add(c.getComparator());
        }
        return key;
    }

    /**
     * The table's sort order as a comparator that reads only the findings (as TableView's own compares each sort
     * column's value with the column's comparator, reversed when descending); null when no column sorts.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Finding> order() {
        List<Comparator<Finding>> parts = new java.util.ArrayList<>();
        for (TableColumn<Finding, ?> c : table.getSortOrder()) {
            java.util.function.Function<Finding, ?> value = values.get(c);
            Comparator cmp = c.getComparator();
            if (value == null || cmp == null) {
                continue;
            }
            Comparator<Finding> part = (a, b) -> cmp.compare(value.apply(a), value.apply(b));
            parts.add(c.getSortType() == TableColumn.SortType.DESCENDING ? part.reversed() : part);
        }
        return parts.stream().reduce(Comparator::thenComparing).orElse(null);
    }

    private void render(Finding f) {
        detail.getChildren().clear();
        if (f == null) {
            detail.getChildren().add(new EmptyState(Feather.FILE_TEXT, vm.findings.isEmpty() ? "No findings"
                    : "No finding selected", vm.findings.isEmpty()
                    ? "Nothing was found on this cluster by the installed checks."
                    : "Select a finding to see why it matters and how to fix it. Export saves the findings shown."));
            return;
        }
        SeverityChip chip = new SeverityChip(f.severity());
        Label t = new Label(f.title());
        t.getStyleClass().add("detail-title");
        t.setWrapText(true);
        t.setId("finding-title");
        Label meta = Labels.wrappedSubtitle(f.rule() + " · " + f.area() + " · " + f.object().display()
                + (f.system() ? " · expected (system component)" : ""));
        detail.getChildren().addAll(new VBox(4, chip, t, meta));
        Label why = new Label(f.explanation());
        why.setWrapText(true);
        detail.getChildren().add(new Card("Why it matters", why));
        Label rem = new Label(f.remediation());
        rem.setWrapText(true);
        VBox fixBox = new VBox(8, rem);
        if (f.fix() != null) {
            boolean ok = ctx.hasWizard(f.fix());
            Button fix = new Button("Fix…", new FontIcon(Feather.TOOL));
            fix.setId("finding-fix");
            fix.getStyleClass().add("fix-button");
            fix.setDisable(!ok);
            fix.setTooltip(new Tooltip(ok ? "Open the " + f.fix() + " wizard for " + f.object().display()
                    : "The " + f.fix() + " wizard is not available in this version; see the remediation text."));
            fix.setOnAction(e -> ctx.openWizard(f.fix(), f.object()));
            fixBox.getChildren().add(fix);
        }
        detail.getChildren().add(new Card("How to fix it", fixBox));
        if (!f.cis().isEmpty()) {
            String bench = ctx.state().cisBenchmark();
            Label cis = new Label("CIS " + String.join(", ", f.cis()) + (bench == null ? "" : " in benchmark " + bench
                    + " (the one kube-bench picks for this cluster's version and platform; scan --cis-benchmark NAME "
                    + "numbers them in another)"));
            cis.setWrapText(true);
            cis.setId("finding-cis");
            detail.getChildren().add(new Card("Benchmark", cis));
        }
    }

    /** Asks for a file (via DialogService), asks before replacing one, writes atomically off the FX thread. */
    void export(ReportFormat fmt) {
        if (fmt == null) {
            return;
        }
        String name = "kustodian-report." + fmt.extension();
        Path target = ctx.dialogs().chooseSaveFile("Export report (" + fmt.id() + ")", null, name).orElse(null);
        if (target == null) {
            return;
        }
        if (Files.exists(target) && !ctx.dialogs().confirm("Replace " + target.getFileName() + "?",
                "The file " + target + " already exists. Replace it with the new report?", "Replace", false)) {
            return;
        }
        Report report = vm.report(clock.instant());
        int count = report.findings().size();
        ctx.tasks().submit("Exporting report to " + target.getFileName(), (p, c) -> {
            SafeFiles.writeAtomically(target, w -> ReportWriter.write(report, fmt, w));
            return target;
        }, p -> ctx.dialogs().showInfo("Report exported", "Wrote " + count + " finding(s) as "
                + fmt.id() + " to " + p + "."), t -> ctx.dialogs().showError("Export failed",
                "The report could not be written to " + target + ": " + reason(t) + " Choose another file or folder."));
    }

    private static String reason(Throwable t) {
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied.";
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist.";
        }
        return dev.kustodian.core.util.IoErrors.reason(t) + ".";
    }
}
