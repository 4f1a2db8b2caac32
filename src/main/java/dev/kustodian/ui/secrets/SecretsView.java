package dev.kustodian.ui.secrets;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.secrets.SecretUse;
import dev.kustodian.ui.framework.FilterablePane;
import dev.kustodian.ui.framework.Labels;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Card;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.Columns;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.framework.FindingRow;
import dev.kustodian.ui.framework.SeverityChip;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/** The Secrets page: the inventory table on the left, the selected secret's detail (with safe reveal) on the right. */
public final class SecretsView extends BorderPane implements FilterablePane {
    public static final String MASK = "••••••••";
    public static final String MIGRATE_WIZARD = "migrate-secret";

    private final SecretsViewModel vm;
    private final PageContext ctx;
    private final TableView<SecretRow> table = new TableView<>();
    private static final int PREPARED_ROWS = 48;
    private static final int PREPARED_ROWS_PER_STEP = 12;
    private SortedList<SecretRow> sorted;
    private javafx.collections.ObservableList<SecretRow> preparedRows;
    private final TextField filter = new TextField();
    private final VBox detail = new VBox(12);
    /** The shown secret's keys (with reveal), null when none is shown. */
    private KeysCard keysCard;

    public SecretsView(SecretsViewModel vm, PageContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        Css.page(this, "secrets");
        setPadding(new Insets(16));

        Label title = Labels.pageTitle("Secrets");
        Label header = Labels.subtitle("secrets-header", vm.header);
        FilterablePane.filter(filter, "secrets-filter", "Filter by name, namespace, type, key (Ctrl+F)", vm.filterText)
                .setPrefColumnCount(28);
        ComboBox<String> type = new ComboBox<>(vm.types);
        type.setId("secrets-type-filter");
        type.valueProperty().bindBidirectional(vm.typeFilter);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(12, new VBox(2, title, header), grow, filter, type);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        buildTable();
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setId("secret-detail-scroll");
        detail.setId("secret-detail");
        detail.setPadding(new Insets(0, 12, 12, 12));
        SplitPane split = new SplitPane(table, detailScroll);
        split.setDividerPositions(0.665);
        detailScroll.setMinWidth(440);
        setCenter(split);

        vm.selected.addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            } else if (b == null) {
                table.getSelectionModel().clearSelection();
            }
            renderDetail(b);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != vm.selected.get() && (b != null || !vm.filtered.contains(vm.selected.get()))) {
                vm.selected.set(b);
            }
        });
        vm.reveal.revealedKey.addListener((o, a, b) -> showRevealed());
        vm.reveal.revealedText.addListener((o, a, b) -> showRevealed());
        // leaving the page hides anything revealed: the shell takes the view out, or keeps it in the window hidden
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                vm.reveal.hide();
            }
        });
        visibleProperty().addListener((o, a, b) -> {
            if (!b) {
                vm.reveal.hide();
            }
        });
        parentProperty().addListener((o, a, b) -> {
            if (b == null) {
                vm.reveal.hide();
            }
        });
        // the empty detail says why it is empty: no secret at all, none matching the filter, or none selected
        vm.filtered.addListener((javafx.collections.ListChangeListener<SecretRow>) c -> {
            endPreparedRows(); // the inventory arrived while the view was given placeholder rows: show it
            if (vm.selected.get() == null) {
                renderDetail(null);
            }
        });
        renderDetail(vm.selected.get());
    }

    /** A CSS-safe node id part for a key name ({@code tls.key} → {@code tls_key}). */
    public static String nodeId(String key) {
        return key.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    @Override
    public TextField filterField() {
        return filter;
    }

    public TableView<SecretRow> table() {
        return table;
    }

    private void buildTable() {
        table.setId("secrets-table");
        table.setPlaceholder(new Label("No secrets match the filters."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(col("Namespace", SecretRow::namespace, 102));
        table.getColumns().add(col("Name", SecretRow::name, 138));
        table.getColumns().add(col("Type", r -> shortType(r.type()), 80));
        TableColumn<SecretRow, Integer> keys = col("Keys", SecretRow::keyCount, 55);
        keys.setMinWidth(55);
        table.getColumns().add(keys);
        TableColumn<SecretRow, Long> size = col("Size", SecretRow::totalBytes, 65);
        size.setMinWidth(60);
        size.setCellFactory(c -> textCell(SecretsViewModel::size));
        table.getColumns().add(size);
        TableColumn<SecretRow, Instant> age = col("Age", SecretRow::created, 55);
        age.setMinWidth(52);
        age.setComparator(Comparator.nullsLast(Comparator.reverseOrder()));
        age.setCellFactory(c -> textCell(i -> SecretsViewModel.age(i, vm.clock().instant())));
        table.getColumns().add(age);
        table.getColumns().add(col("Managed by", r -> r.managedBy().label(), 95));
        TableColumn<SecretRow, Long> used = col("Used by", SecretRow::usedByCount, 75);
        used.setMinWidth(75);
        table.getColumns().add(used);
        TableColumn<SecretRow, Integer> readers = col("Readers", SecretRow::readerCount, 80);
        readers.setMinWidth(80);
        readers.setCellFactory(c -> textCell(n -> n < 0 ? "n/a" : String.valueOf(n)));
        Label rh = new Label("Readers");
        rh.setTooltip(new Tooltip("Subjects that can read the secret (directly or indirectly), system components "
                + "excluded: from the RBAC engine."));
        readers.setGraphic(rh);
        readers.setText("");
        table.getColumns().add(readers);
        TableColumn<SecretRow, Severity> worst = col("Worst finding", SecretRow::worst, 124);
        worst.setMinWidth(104);
        worst.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        worst.setCellFactory(c -> new SeverityChip.Cell<>(true));
        table.getColumns().add(worst);
        sorted = new SortedList<>(vm.filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // placeholder rows only while the view is prepared ahead (hidden): back to the real rows once it is shown
        visibleProperty().addListener((o, a, b) -> {
            if (b) {
                endPreparedRows();
            }
        });
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                endPreparedRows();
            }
        });
    }

    /**
     * While the view is prepared ahead (in the window, hidden) and has no inventory yet: one step of giving the table
     * placeholder rows, {@value #PREPARED_ROWS_PER_STEP} more per pulse, so that it builds and styles the cells of its
     * visible rows then, not in the pulse that shows the inventory (on the 20,000-secret cluster that pulse took
     * 63-190 ms of FX CPU, nearly all creating and styling ~35 rows of cells); after the last step the table shows
     * the real (still empty) list again and keeps the cells for reuse. Returns false when there is nothing (more) to do.
     */
    public boolean prepareRows() {
        if (preparedRows == null) {
            if (getScene() == null || isVisible() || !vm.filtered.isEmpty()) {
                return false;
            }
            preparedRows = javafx.collections.FXCollections.observableArrayList();
            table.setItems(preparedRows);
        }
        if (table.getItems() != preparedRows || preparedRows.size() >= PREPARED_ROWS || !vm.filtered.isEmpty()) {
            // done, or the inventory arrived (built ahead while the view is prepared): the table shows it
            endPreparedRows();
            return false;
        }
        preparedRows.addAll(java.util.Collections.nCopies(PREPARED_ROWS_PER_STEP, placeholderRow()));
        return true;
    }

    private void endPreparedRows() {
        if (table.getItems() != sorted) {
            table.setItems(sorted);
        }
    }

    /** A row that is never shown: it only lets the table build and style a row's cells (chip included). */
    private static SecretRow placeholderRow() {
        dev.kustodian.core.model.ObjectMeta meta = new dev.kustodian.core.model.ObjectMeta("", "", "",
                java.util.Map.of(), java.util.Map.of(), null, null, java.util.List.of());
        SecretInfo secret = new SecretInfo(meta, SecretInfo.TYPE_OPAQUE, false, java.util.List.of(), null, null, null);
        Finding finding = Finding.of("placeholder", "secrets", Severity.LOW,
                new dev.kustodian.core.findings.ObjectRef("Secret", "", ""), "", "", "", java.util.List.of());
        return new SecretRow(secret, dev.kustodian.core.secrets.ManagedBy.NONE, java.util.List.of(), 0, 0,
                java.util.List.of(finding));
    }

    private static <T> TableColumn<SecretRow, T> col(String title, Function<SecretRow, T> value, double width) {
        TableColumn<SecretRow, T> c = Columns.of(title, width, value);
        c.setId("col-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return c;
    }

    private static <T> TableCell<SecretRow, T> textCell(Function<T, String> fmt) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : fmt.apply(item));
            }
        };
    }

    static String shortType(String type) {
        return switch (type) {
            case SecretInfo.TYPE_TLS -> "TLS";
            case SecretInfo.TYPE_DOCKERCONFIGJSON, SecretInfo.TYPE_DOCKERCFG -> "docker config";
            case SecretInfo.TYPE_SA_TOKEN -> "SA token";
            case SecretInfo.TYPE_BASIC_AUTH -> "basic auth";
            case SecretInfo.TYPE_SSH_AUTH -> "SSH auth";
            case SecretInfo.TYPE_BOOTSTRAP_TOKEN -> "bootstrap token";
            case SecretInfo.TYPE_HELM_RELEASE -> "Helm release";
            default -> type;
        };
    }

    // ---------------------------------------------------------------- detail

    /** The detail pane without a selection: why it is empty. */
    private Node emptyDetail() {
        EmptyState empty = vm.rows.isEmpty()
                ? new EmptyState(Feather.KEY, "No secret selected", "This cluster has no visible secrets.")
                : vm.filtered.isEmpty()
                ? new EmptyState(Feather.FILTER, "No secret matches the filter", vm.rows.size()
                        + (vm.rows.size() == 1 ? " secret is" : " secrets are")
                        + " hidden by the filter: clear the search, the type or the namespace filter to see them.")
                : new EmptyState(Feather.KEY, "No secret selected",
                        "Select a secret to see its keys, who uses it, who can read it and its findings.");
        empty.setId("secret-detail-empty");
        return empty;
    }

    private void renderDetail(SecretRow r) {
        keysCard = null;
        detail.getChildren().clear();
        if (r == null) {
            detail.getChildren().add(emptyDetail());
            return;
        }
        Label name = new Label(r.name(), new FontIcon(Feather.KEY));
        name.getStyleClass().add("detail-title");
        name.setId("detail-title");
        Label sub = Labels.wrappedSubtitle(r.namespace() + " · " + r.type() + " · managed by "
                + r.managedBy().label() + (r.secret().immutable() ? " · immutable" : ""));
        HBox chips = new HBox(6);
        r.findings().stream().map(Finding::severity).distinct().forEach(s -> chips.getChildren().add(new SeverityChip(s)));
        Button migrate = new Button("Move to external store…", new FontIcon(Feather.UPLOAD_CLOUD));
        migrate.setId("migrate-button");
        boolean canMigrate = ctx.hasWizard(MIGRATE_WIZARD);
        migrate.setDisable(!canMigrate);
        migrate.setTooltip(new Tooltip(canMigrate ? "Move this secret to an external store (External Secrets Operator)"
                : "The migrate-secret wizard is not available in this version."));
        migrate.setOnAction(e -> ctx.openWizard(MIGRATE_WIZARD,
                new dev.kustodian.core.findings.ObjectRef("Secret", r.namespace(), r.name())));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        migrate.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(10, chips, grow, migrate);
        actions.setAlignment(Pos.CENTER_LEFT);
        name.setWrapText(true);
        VBox head = new VBox(4, name, sub, actions);
        detail.getChildren().add(head);
        keysCard = new KeysCard(r, vm.reveal);
        detail.getChildren().add(keysCard);
        Node facts = FactsCard.of(r, vm.clock());
        if (facts != null) {
            detail.getChildren().add(facts);
        }
        detail.getChildren().add(usesCard(r));
        detail.getChildren().add(ReadersCard.of(r, vm));
        detail.getChildren().add(findingsCard(r));
    }

    private void showRevealed() {
        if (keysCard != null) {
            keysCard.showRevealed();
        }
    }

    private Node usesCard(SecretRow r) {
        VBox list = new VBox(4);
        list.setId("secret-uses");
        if (r.uses().isEmpty()) {
            Label none = new Label("No workload, service account or custom resource refers to it.");
            none.setWrapText(true);
            list.getChildren().add(none);
        }
        for (SecretUse u : r.uses()) {
            String where = u.where().isEmpty() ? "" : " · " + u.where();
            String keys = u.keys().isEmpty() ? "" : " · keys " + String.join(", ", u.keys());
            String pods = u.podCount() > 1 ? " · " + u.podCount() + " pods" : "";
            Label l = new Label(u.user().display() + " — " + u.how().label() + where + keys + pods,
                    new FontIcon(u.how().isEnv() ? Feather.ALERT_TRIANGLE : Feather.BOX));
            l.setWrapText(true);
            if (u.how().isEnv()) {
                l.getStyleClass().add("use-env");
            }
            list.getChildren().add(l);
        }
        return new Card("Used by (" + r.usedByCount() + ")", list);
    }

    private Node findingsCard(SecretRow r) {
        VBox list = new VBox(8);
        list.setId("secret-findings");
        if (r.findings().isEmpty()) {
            list.getChildren().add(new Label("No findings about this secret.", new FontIcon(Feather.CHECK_CIRCLE)));
        }
        for (Finding f : r.findings()) {
            Label t = new Label(f.title());
            t.getStyleClass().add("finding-title");
            t.setWrapText(true);
            Label why = new Label(f.explanation());
            why.setWrapText(true);
            why.getStyleClass().add("finding-why");
            Label fix = new Label("Fix: " + f.remediation() + FindingRow.cisText(f, ctx));
            fix.setWrapText(true);
            VBox text = new VBox(2, t, why, fix);
            HBox.setHgrow(text, Priority.ALWAYS);
            SeverityChip chip = new SeverityChip(f.severity());
            chip.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(10, chip, text);
            if (f.fix() != null) {
                Button b = FindingRow.fixButton(f, ctx);
                b.setMinWidth(Region.USE_PREF_SIZE);
                row.getChildren().add(b);
            }
            list.getChildren().add(row);
        }
        return new Card("Findings (" + r.findings().size() + ")", list);
    }
}
