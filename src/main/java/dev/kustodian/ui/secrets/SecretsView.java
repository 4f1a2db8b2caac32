package dev.kustodian.ui.secrets;

import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.secrets.SecretUse;
import dev.kustodian.ui.framework.FilterablePane;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Card;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.framework.SeverityChip;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
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
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The Secrets page: the inventory table on the left, the selected secret's detail (with safe reveal) on the right. */
public final class SecretsView extends BorderPane implements FilterablePane {
    public static final String MASK = "••••••••";
    public static final String MIGRATE_WIZARD = "migrate-secret";

    private final SecretsViewModel vm;
    private final PageContext ctx;
    private final TableView<SecretRow> table = new TableView<>();
    private final TextField filter = new TextField();
    private final VBox detail = new VBox(12);
    /** Value labels of the shown key rows, by key: cleared on hide. */
    private final java.util.Map<String, Label> valueLabels = new java.util.HashMap<>();

    public SecretsView(SecretsViewModel vm, PageContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        getStyleClass().add("secrets-page");
        Css.add(this, "/dev/kustodian/ui/secrets/secrets.css");
        setPadding(new Insets(16));

        Label title = new Label("Secrets");
        title.getStyleClass().add("page-title");
        Label header = new Label();
        header.setId("secrets-header");
        header.getStyleClass().add("page-subtitle");
        header.textProperty().bind(vm.headerProperty());
        filter.setId("secrets-filter");
        filter.setPromptText("Filter by name, namespace, type, key (Ctrl+F)");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        ComboBox<String> type = new ComboBox<>(vm.types());
        type.setId("secrets-type-filter");
        type.valueProperty().bindBidirectional(vm.typeFilterProperty());
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

        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            } else if (b == null) {
                table.getSelectionModel().clearSelection();
            }
            renderDetail(b);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != vm.selectedProperty().get() && (b != null || !vm.filtered().contains(vm.selectedProperty().get()))) {
                vm.selectedProperty().set(b);
            }
        });
        vm.reveal().revealedKeyProperty().addListener((o, a, b) -> showRevealed());
        vm.reveal().revealedTextProperty().addListener((o, a, b) -> showRevealed());
        // leaving the page hides anything revealed
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                vm.reveal().hide();
            }
        });
        parentProperty().addListener((o, a, b) -> {
            if (b == null) {
                vm.reveal().hide();
            }
        });
        renderDetail(vm.selectedProperty().get());
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
        worst.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                SeverityChip chip = empty || s == null ? null : new SeverityChip(s);
                if (chip != null) {
                    chip.setMinWidth(Region.USE_PREF_SIZE);
                }
                setGraphic(chip);
            }
        });
        table.getColumns().add(worst);
        SortedList<SecretRow> sorted = new SortedList<>(vm.filtered());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    private static <T> TableColumn<SecretRow, T> col(String title, Function<SecretRow, T> value, double width) {
        TableColumn<SecretRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
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

    private void renderDetail(SecretRow r) {
        valueLabels.clear();
        detail.getChildren().clear();
        if (r == null) {
            detail.getChildren().add(new EmptyState(Feather.KEY, "No secret selected",
                    vm.rows().isEmpty() ? "This cluster has no visible secrets."
                            : "Select a secret to see its keys, who uses it, who can read it and its findings."));
            return;
        }
        Label name = new Label(r.name(), new FontIcon(Feather.KEY));
        name.getStyleClass().add("detail-title");
        name.setId("detail-title");
        Label sub = new Label(r.namespace() + " · " + r.type() + " · managed by " + r.managedBy().label()
                + (r.secret().immutable() ? " · immutable" : ""));
        sub.getStyleClass().add("page-subtitle");
        sub.setWrapText(true);
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
        detail.getChildren().add(keysCard(r));
        Node facts = factsCard(r);
        if (facts != null) {
            detail.getChildren().add(facts);
        }
        detail.getChildren().add(usesCard(r));
        detail.getChildren().add(readersCard(r));
        detail.getChildren().add(findingsCard(r));
    }

    private Node keysCard(SecretRow r) {
        GridPane g = new GridPane();
        g.setId("secret-keys");
        g.setHgap(8);
        g.setVgap(6);
        RevealViewModel rv = vm.reveal();
        int row = 0;
        for (SecretInfo.SecretKeyInfo k : r.secret().keys()) {
            Label key = new Label(k.name());
            key.getStyleClass().add("field-label");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label size = new Label(SecretsViewModel.size(k.size()) + (k.binary() ? " · binary" : ""));
            size.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(MASK);
            value.getStyleClass().add("secret-value");
            value.setId("value-" + nodeId(k.name()));
            value.setWrapText(true);
            value.setMaxWidth(360);
            valueLabels.put(k.name(), value);
            Button reveal = new Button("Reveal", new FontIcon(Feather.EYE));
            reveal.getStyleClass().add("reveal-button");
            reveal.setId("reveal-" + nodeId(k.name()));
            reveal.disableProperty().bind(rv.availableProperty().not());
            reveal.setOnAction(e -> {
                if (k.name().equals(rv.revealedKeyProperty().get())) {
                    rv.hide();
                } else {
                    rv.reveal(k.name());
                }
            });
            Button copy = new Button("Copy", new FontIcon(Feather.COPY));
            copy.getStyleClass().add("copy-button");
            copy.setId("copy-" + nodeId(k.name()));
            copy.disableProperty().bind(rv.availableProperty().not());
            copy.setOnAction(e -> rv.copy(k.name()));
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(javafx.beans.binding.Bindings.when(rv.availableProperty())
                    .then("Fetches this one key with a GET and shows it for 30 s")
                    .otherwise(javafx.beans.binding.Bindings.concat("Reveal is off: ", rv.unavailableReasonProperty())));
            reveal.setTooltip(tip);
            reveal.setMinWidth(Region.USE_PREF_SIZE);
            copy.setMinWidth(Region.USE_PREF_SIZE);
            value.setMinWidth(72);
            g.addRow(row++, key, size, value, reveal, copy);
        }
        VBox box = new VBox(8);
        if (r.secret().keys().isEmpty()) {
            box.getChildren().add(new Label("No keys."));
        } else {
            box.getChildren().add(g);
        }
        Label note = new Label();
        note.setId("reveal-message");
        note.setWrapText(true);
        note.textProperty().bind(rv.messageProperty());
        ChangeListener<Boolean> style = (o, a, b) -> {
            note.getStyleClass().removeAll("reveal-error", "reveal-info");
            note.getStyleClass().add(Boolean.TRUE.equals(b) ? "reveal-error" : "reveal-info");
        };
        rv.messageIsErrorProperty().addListener(style);
        style.changed(null, null, rv.messageIsErrorProperty().get());
        Label unavailable = new Label();
        unavailable.setId("reveal-unavailable");
        unavailable.setWrapText(true);
        unavailable.getStyleClass().add("finding-why");
        unavailable.textProperty().bind(javafx.beans.binding.Bindings.when(rv.availableProperty())
                .then("").otherwise(javafx.beans.binding.Bindings.concat("Reveal is off: ", rv.unavailableReasonProperty())));
        unavailable.visibleProperty().bind(rv.availableProperty().not());
        unavailable.managedProperty().bind(unavailable.visibleProperty());
        box.getChildren().addAll(note, unavailable);
        showRevealedIn(r);
        return new Card("Keys (" + r.keyCount() + ", " + SecretsViewModel.size(r.totalBytes()) + ")", box);
    }

    private void showRevealed() {
        showRevealedIn(vm.selectedProperty().get());
    }

    private void showRevealedIn(SecretRow r) {
        String key = vm.reveal().revealedKeyProperty().get();
        String text = vm.reveal().revealedTextProperty().get();
        valueLabels.forEach((k, label) -> {
            boolean shown = key != null && text != null && k.equals(key);
            label.setText(shown ? text : MASK);
            label.getStyleClass().remove("revealed");
            if (shown) {
                label.getStyleClass().add("revealed");
            }
        });
        for (Node n : detail.lookupAll(".reveal-button")) {
            if (n instanceof Button b) {
                boolean shown = key != null && b.getId() != null && b.getId().equals("reveal-" + nodeId(key));
                b.setText(shown ? "Hide" : "Reveal");
                b.setGraphic(new FontIcon(shown ? Feather.EYE_OFF : Feather.EYE));
            }
        }
    }

    private Node factsCard(SecretRow r) {
        SecretInfo s = r.secret();
        GridPane g = new GridPane();
        g.setId("secret-facts");
        g.setHgap(12);
        g.setVgap(4);
        int row = 0;
        String title;
        if (s.tls() != null) {
            title = "Certificate";
            SecretInfo.TlsFacts t = s.tls();
            if (t.parseError() != null) {
                g.addRow(row++, key("Problem"), value(t.parseError()));
            } else {
                g.addRow(row++, key("Subject"), value(t.subject()));
                g.addRow(row++, key("SANs"), value(t.dnsNames().isEmpty() ? "none" : String.join(", ", t.dnsNames())));
                g.addRow(row++, key("Issuer"), value(t.issuer() + (t.selfSigned() ? " (self-signed)" : "")));
                Label exp = value(fmt(t.notAfter()) + " · " + expiry(t.notAfter()));
                exp.setId("tls-expiry");
                exp.getStyleClass().add(expiryClass(t.notAfter()));
                g.addRow(row++, key("Not after"), exp);
                if (t.keyAlgorithm() != null) {
                    g.addRow(row++, key("Key"), value(t.keyAlgorithm()));
                }
                if (t.chainLength() > 1) {
                    g.addRow(row++, key("Chain"), value(t.chainLength() + " certificates"));
                }
            }
        } else if (s.dockerConfig() != null) {
            title = "Registry credentials";
            SecretInfo.DockerConfigFacts d = s.dockerConfig();
            if (d.parseError() != null) {
                g.addRow(row++, key("Problem"), value(d.parseError()));
            }
            g.addRow(row++, key("Registries"), value(d.registries().isEmpty() ? "none" : String.join(", ", d.registries())));
            g.addRow(row++, key("Inline auth"), value(d.inlineAuth()
                    ? "yes: a password or auth token is stored in the secret" : "no"));
        } else if (s.serviceAccountName() != null) {
            title = "Service-account token";
            g.addRow(row++, key("Account"), value("ServiceAccount/" + r.namespace() + "/" + s.serviceAccountName()));
            g.addRow(row++, key("Lifetime"), value("long-lived (never expires): prefer projected, short-lived tokens"));
        } else {
            return null;
        }
        Card c = new Card(title, g);
        c.setId("facts-card");
        return c;
    }

    private String expiry(Instant notAfter) {
        if (notAfter == null) {
            return "unknown";
        }
        long days = java.time.Duration.between(vm.clock().instant(), notAfter).toDays();
        if (notAfter.isBefore(vm.clock().instant())) {
            return "expired " + (-days) + " day(s) ago";
        }
        return days <= 30 ? "expires in " + days + " day(s)" : "valid for " + days + " days";
    }

    private String expiryClass(Instant notAfter) {
        if (notAfter == null) {
            return "expiry-unknown";
        }
        Instant now = vm.clock().instant();
        return notAfter.isBefore(now) ? "expiry-expired"
                : notAfter.isBefore(now.plus(java.time.Duration.ofDays(30))) ? "expiry-soon" : "expiry-ok";
    }

    private static String fmt(Instant i) {
        return i == null ? "unknown" : DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC).format(i);
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

    private Node readersCard(SecretRow r) {
        VBox list = new VBox(6);
        list.setId("secret-readers");
        if (!vm.readersAvailable()) {
            list.getChildren().add(new Label("Who can read it is not known: " + vm.readersProblem() + "."));
            return new Card("Who can read it", list);
        }
        List<ReaderEntry> entries = vm.readersOf(r);
        List<ReaderEntry> people = entries.stream().filter(e -> !e.system()).toList();
        List<ReaderEntry> system = entries.stream().filter(ReaderEntry::system).toList();
        if (people.isEmpty()) {
            list.getChildren().add(new Label("No subject outside the system components can read it.",
                    new FontIcon(Feather.CHECK_CIRCLE)));
        }
        for (ReaderEntry e : people) {
            list.getChildren().add(readerRow(e));
        }
        if (!system.isEmpty()) {
            VBox sys = new VBox(6);
            system.forEach(e -> sys.getChildren().add(readerRow(e)));
            TitledPane tp = new TitledPane("System components (" + system.size() + ")", sys);
            tp.setExpanded(false);
            tp.setId("system-readers");
            list.getChildren().add(tp);
        }
        return new Card("Who can read it (" + people.size() + (system.isEmpty() ? "" : " + " + system.size()
                + " system") + ")", list);
    }

    private Node readerRow(ReaderEntry e) {
        Label who = new Label(e.subject(), new FontIcon(e.subject().startsWith("Group/") ? Feather.USERS
                : e.subject().startsWith("ServiceAccount/") ? Feather.CPU : Feather.USER));
        who.getStyleClass().add("field-label");
        Label kind = new Label(e.direct() ? "direct" : "indirect");
        kind.getStyleClass().addAll("reader-kind", e.direct() ? "reader-direct" : "reader-indirect");
        HBox top = new HBox(8, who, kind);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, top);
        List<String> direct = e.hows().stream().filter(h -> !h.startsWith(INDIRECT)).toList();
        List<String> indirect = e.hows().stream().filter(h -> h.startsWith(INDIRECT))
                .map(h -> h.substring(INDIRECT.length())).toList();
        for (String h : direct) {
            box.getChildren().add(muted(h));
        }
        int shownIndirect = Math.min(indirect.size(), direct.isEmpty() ? 2 : 1);
        for (String h : indirect.subList(0, shownIndirect)) {
            box.getChildren().add(muted("indirect: " + h));
        }
        if (indirect.size() > shownIndirect) {
            Label more = muted("+ " + (indirect.size() - shownIndirect) + " more indirect way(s)");
            more.setTooltip(new Tooltip(String.join("\n", indirect)));
            more.getStyleClass().add("reader-more");
            box.getChildren().add(more);
        }
        int shownPaths = Math.min(e.paths().size(), 4);
        for (String p : e.paths().subList(0, shownPaths)) {
            Label l = new Label("via " + p);
            l.setWrapText(true);
            l.getStyleClass().add("reader-path");
            box.getChildren().add(l);
        }
        if (e.paths().size() > shownPaths) {
            Label more = muted("+ " + (e.paths().size() - shownPaths) + " more path(s)");
            more.setTooltip(new Tooltip(String.join("\n", e.paths())));
            box.getChildren().add(more);
        }
        box.getStyleClass().add("reader-row");
        return box;
    }

    private static final String INDIRECT = "indirect: ";

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("finding-why");
        return l;
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
            Label fix = new Label("Fix: " + f.remediation() + (f.cis().isEmpty() ? "" : " · CIS " + String.join(", ", f.cis())));
            fix.setWrapText(true);
            VBox text = new VBox(2, t, why, fix);
            HBox.setHgrow(text, Priority.ALWAYS);
            SeverityChip chip = new SeverityChip(f.severity());
            chip.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(10, chip, text);
            if (f.fix() != null) {
                boolean ok = ctx.hasWizard(f.fix());
                Button b = new Button("Fix…", new FontIcon(Feather.TOOL));
                b.getStyleClass().add("fix-button");
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setDisable(!ok);
                b.setTooltip(new Tooltip(ok ? "Open the " + f.fix() + " wizard for " + f.object().display()
                        : "The " + f.fix() + " wizard is not available in this version; see the remediation text."));
                b.setOnAction(e -> ctx.openWizard(f.fix(), f.object()));
                row.getChildren().add(b);
            }
            list.getChildren().add(row);
        }
        return new Card("Findings (" + r.findings().size() + ")", list);
    }

    private static Label key(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label value(String s) {
        Label l = new Label(s == null ? "" : s);
        l.setWrapText(true);
        return l;
    }
}
