package dev.kustodian.ui.stores;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.externalsecrets.StoreDetection;
import dev.kustodian.core.externalsecrets.StoreInventory;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.ui.framework.FilterablePane;
import dev.kustodian.ui.framework.Labels;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.Columns;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.FindingRow;
import dev.kustodian.ui.framework.LazyTabs;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.List;

/**
 * External stores page: operator cards (installed, served versions, install command), wizard buttons, and tabs
 * with the store objects, the Secrets and who manages them (master–detail), and the lint results of a folder.
 */
public final class StoresView extends BorderPane implements FilterablePane {
    private final StoresViewModel vm;
    private final PageContext ctx;
    private final FlowPane operatorCards = new FlowPane(12, 12);
    private final TextField filter = new TextField();
    private final TableView<StoreInventory.StoreObject> objectTable = new TableView<>();
    private final TableView<StoreInventory.Adoption> secretTable = new TableView<>();
    private final TableView<Bundle.Problem> lintTable = new TableView<>();
    private final VBox objectDetail = new VBox(8);
    private final VBox secretDetail = new VBox(8);
    private final Tab objectsTab = new Tab();
    private final Tab secretsTab = new Tab();
    private final Tab lintTab = new Tab("Lint");
    private final Tab findingsTab = new Tab();
    private final VBox findingsList = new VBox(4);
    private final TabPane tabs = new TabPane();

    public StoresView(StoresViewModel vm, PageContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        Css.page(this, "stores");
        setPadding(new Insets(16));

        Label title = Labels.pageTitle("External stores");
        Label sub = Labels.wrappedSubtitle("Keep secret values out of the cluster's manifests: operators installed,"
                + " store objects, which Secrets a store manages, and the wizards that generate the rest.");
        FlowPane actions = new FlowPane(8, 8);
        actions.setId("stores-actions");
        actions.getChildren().addAll(
                wizardButton("New SecretStore…", SecretStoreWizard.ID, Feather.DATABASE),
                wizardButton("ExternalSecret…", ExternalSecretWizard.ID, Feather.DOWNLOAD_CLOUD),
                wizardButton("ClusterExternalSecret…", ClusterExternalSecretWizard.ID, Feather.LAYERS),
                wizardButton("PushSecret…", PushSecretWizard.ID, Feather.UPLOAD_CLOUD),
                wizardButton("Akeyless operator…", AkeylessOperatorWizard.ID, Feather.KEY),
                wizardButton("SecretProviderClass…", SecretProviderClassWizard.ID, Feather.HARD_DRIVE),
                wizardButton("SealedSecret…", SealedSecretWizard.ID, Feather.LOCK),
                wizardButton(".sops.yaml…", SopsConfigWizard.ID, Feather.FILE_TEXT),
                wizardButton("Migrate a Secret…", MigrateSecretWizard.ID, Feather.SHUFFLE));
        Button lint = new Button("Lint a folder…", new FontIcon(Feather.CHECK_SQUARE));
        lint.setId("stores-lint");
        lint.setOnAction(e -> ctx.dialogs().chooseDirectory("Lint a folder of manifests", null)
                .ifPresent(this::lint));
        actions.getChildren().add(lint);
        operatorCards.setId("stores-operators");
        VBox top = new VBox(8, title, sub, operatorCards, actions);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        FilterablePane.filter(filter, "stores-filter", "Filter objects and secrets (Ctrl+F)", vm.filter);

        buildObjectTable();
        buildSecretTable();
        buildLintTable();
        secretsTab.setContent(new SplitPane(secretTable, scroll(secretDetail)));
        Label lintSummary = new Label();
        lintSummary.setId("stores-lint-summary");
        lintSummary.setWrapText(true);
        lintSummary.textProperty().bind(vm.lintSummary);
        VBox lintBox = new VBox(8, lintSummary, lintTable);
        VBox.setVgrow(lintTable, Priority.ALWAYS);
        lintBox.setPadding(new Insets(8));
        findingsList.setId("stores-findings");
        findingsList.setPadding(new Insets(8));
        for (Tab t : List.of(objectsTab, secretsTab, findingsTab, lintTab)) {
            t.setClosable(false);
        }
        objectsTab.setId("stores-tab-objects");
        secretsTab.setId("stores-tab-secrets");
        lintTab.setId("stores-tab-lint");
        findingsTab.setId("stores-tab-findings");
        tabs.getTabs().addAll(secretsTab, objectsTab, findingsTab, lintTab);
        // the other tabs' content is built when first shown (a TabPane styles every tab's content)
        LazyTabs.contentWhenSelected(objectsTab, () -> new SplitPane(objectTable, scroll(objectDetail)));
        LazyTabs.contentWhenSelected(lintTab, () -> lintBox);
        LazyTabs.contentWhenSelected(findingsTab, () -> {
            renderFindingRows();
            return scroll(findingsList);
        });
        VBox center = new VBox(8, filter, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        setCenter(center);

        vm.operators.addListener((ListChangeListener<StoreDetection.Status>) c -> renderOperators());
        vm.objects.addListener((ListChangeListener<StoreInventory.StoreObject>) c -> titles());
        vm.secrets.addListener((ListChangeListener<StoreInventory.Adoption>) c -> titles());
        vm.lintProblems.addListener((ListChangeListener<Bundle.Problem>) c -> titles());
        vm.findings.addListener((ListChangeListener<Finding>) c -> renderFindings());
        renderOperators();
        renderFindings();
        titles();
        showObject(null);
        showSecret(null);
    }

    @Override
    public TextField filterField() {
        return filter;
    }

    private static javafx.scene.control.ScrollPane scroll(VBox box) {
        box.setPadding(new Insets(12));
        box.getStyleClass().add("stores-detail");
        javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private Button wizardButton(String label, String id, Feather icon) {
        Button b = new Button(label, new FontIcon(icon));
        b.setId("stores-wizard-" + id);
        b.setOnAction(e -> ctx.openWizard(id, null));
        return b;
    }

    private void titles() {
        objectsTab.setText("Store objects (" + vm.objects.size() + ")");
        secretsTab.setText("Secrets (" + vm.managedCount() + " managed, " + vm.plainCount() + " plain)");
        lintTab.setText(vm.lintProblems.isEmpty() ? "Lint" : "Lint (" + vm.lintProblems.size() + ")");
    }

    private void renderFindings() {
        findingsTab.setText("Findings (" + vm.findings.size() + ")");
        if (findingsTab.getContent() != null) {
            renderFindingRows();
        }
    }

    private void renderFindingRows() {
        findingsList.getChildren().clear();
        if (vm.findings.isEmpty()) {
            findingsList.getChildren().add(new Label("No findings about external stores in the selected namespaces.",
                    new FontIcon(Feather.CHECK_CIRCLE)));
        }
        for (Finding f : vm.findings) {
            findingsList.getChildren().add(new FindingRow(f, ctx, true));
        }
    }

    private void renderOperators() {
        operatorCards.getChildren().clear();
        for (StoreDetection.Status s : vm.operators) {
            Label name = new Label(s.product().title);
            name.getStyleClass().add("operator-name");
            Label state = new Label(s.installed() ? (s.usable() ? "Installed" : "Installed, wrong version")
                    : "Not installed", new FontIcon(s.installed() ? (s.usable() ? Feather.CHECK_CIRCLE
                    : Feather.ALERT_TRIANGLE) : Feather.MINUS_CIRCLE));
            state.getStyleClass().addAll("operator-state", s.installed() ? (s.usable() ? "operator-ok"
                    : "operator-warn") : "operator-missing");
            Label versions = new Label(s.installed() ? "Serves " + s.product().group + " "
                    + String.join(", ", s.servedVersions()) : "Kustodian generates " + s.product().group + "/"
                    + s.product().wantedVersion);
            versions.getStyleClass().add("operator-versions");
            versions.setWrapText(true);
            VBox card = new VBox(4, name, state, versions);
            if (!s.installed() || !s.usable()) {
                Button copy = new Button(s.installed() ? "Copy advice" : "Copy install command",
                        new FontIcon(Feather.COPY));
                copy.setOnAction(e -> ctx.dialogs().copyToClipboard(s.installed() ? s.advice()
                        : s.product().installCommand));
                Label how = new Label(s.installed() ? s.advice() : s.product().installCommand);
                how.getStyleClass().add("operator-install");
                how.setWrapText(true);
                how.setMaxHeight(48);
                card.getChildren().addAll(how, copy);
            }
            card.getStyleClass().add("operator-card");
            card.setPrefWidth(330);
            card.setId("operator-" + s.product().name().toLowerCase());
            operatorCards.getChildren().add(card);
        }
    }

    private void buildObjectTable() {
        objectTable.setId("stores-objects");
        objectTable.getColumns().addAll(List.of(Columns.of("Kind", 170, StoreInventory.StoreObject::kind),
                Columns.of("Namespace", 130, StoreInventory.StoreObject::namespace),
                Columns.of("Name", 180, StoreInventory.StoreObject::name),
                Columns.of("Summary", 300, StoreInventory.StoreObject::summary)));
        objectTable.setItems(sorted(vm.objects, objectTable));
        objectTable.setPlaceholder(new Label("No store objects in the cluster (or none in the selected namespaces)."));
        objectTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showObject(b));
    }

    private void buildSecretTable() {
        secretTable.setId("stores-secrets");
        secretTable.getColumns().addAll(List.of(Columns.of("Namespace", 110, StoreInventory.Adoption::namespace),
                Columns.of("Secret", 190, StoreInventory.Adoption::name),
                Columns.of("Managed by", 120, a -> label(a.management())),
                Columns.of("Source", 190, StoreInventory.Adoption::by),
                Columns.of("Keys", 50, a -> String.valueOf(a.keys()))));
        secretTable.setItems(sorted(vm.secrets, secretTable));
        secretTable.setPlaceholder(new Label("No Secrets in the selected namespaces."));
        secretTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showSecret(b));
    }

    private void buildLintTable() {
        lintTable.setId("stores-lint-table");
        TableColumn<Bundle.Problem, String> sev = Columns.of("Severity", 90,
                p -> p.level());
        lintTable.getColumns().addAll(List.of(Columns.of("File:line", 260, p -> p.file() + ":" + p.line()), sev,
                Columns.of("Object", 200, p -> p.kind() + "/" + p.name()), Columns.of("Field", 200,
                        Bundle.Problem::field), Columns.of("Problem", 420, Bundle.Problem::message),
                Columns.of("Rule", 130, Bundle.Problem::rule)));
        lintTable.setItems(vm.lintProblems);
        lintTable.setPlaceholder(new Label("No lint results yet: use \"Lint a folder…\"."));
    }

    private static <S> javafx.collections.transformation.SortedList<S> sorted(javafx.collections.ObservableList<S> l,
                                                                             TableView<S> table) {
        javafx.collections.transformation.SortedList<S> s = new javafx.collections.transformation.SortedList<>(l);
        s.comparatorProperty().bind(table.comparatorProperty());
        return s;
    }

    static String label(StoreInventory.Management m) {
        return switch (m) {
            case EXTERNAL_SECRET -> "ExternalSecret";
            case SEALED_SECRET -> "SealedSecret";
            case CSI_SYNC -> "CSI sync";
            case AKEYLESS -> "Akeyless operator";
            case SYSTEM -> "Kubernetes";
            case PLAIN -> "Plain";
        };
    }

    private void showObject(StoreInventory.StoreObject o) {
        objectDetail.getChildren().clear();
        if (o == null) {
            objectDetail.getChildren().add(muted("Select a store object to see its details."));
            return;
        }
        Label t = new Label(o.kind() + " " + o.qualifiedName());
        t.getStyleClass().add("detail-title");
        objectDetail.getChildren().addAll(t, muted(o.apiVersion()), new Label(o.summary()));
        if (o.kind().equals("SecretStore") || o.kind().equals("ClusterSecretStore")) {
            Button es = new Button("New ExternalSecret from this store…", new FontIcon(Feather.DOWNLOAD_CLOUD));
            es.setOnAction(e -> ctx.openWizard(ExternalSecretWizard.ID, new ObjectRef(o.kind(), o.namespace(),
                    o.name())));
            objectDetail.getChildren().add(es);
        }
    }

    private void showSecret(StoreInventory.Adoption a) {
        secretDetail.getChildren().clear();
        if (a == null) {
            secretDetail.getChildren().add(muted("Select a Secret: plain Secrets can be migrated to a store."));
            return;
        }
        Label t = new Label("Secret " + a.namespace() + "/" + a.name());
        t.getStyleClass().add("detail-title");
        secretDetail.getChildren().addAll(t, muted(a.type() + ", " + a.keys() + " key(s)"),
                new Label("Managed by: " + label(a.management()) + (a.by().isEmpty() ? "" : " (" + a.by() + ")")));
        if (a.management() == StoreInventory.Management.PLAIN) {
            Label why = new Label("Its value exists only in the cluster (and wherever its manifest is kept). Move"
                    + " it to an external store, or seal it so the manifest is safe to commit.");
            why.setWrapText(true);
            ObjectRef ref = new ObjectRef("Secret", a.namespace(), a.name());
            Button migrate = new Button("Migrate to a store…", new FontIcon(Feather.SHUFFLE));
            migrate.setId("stores-migrate");
            migrate.setOnAction(e -> ctx.openWizard(MigrateSecretWizard.ID, ref));
            Button es = new Button("ExternalSecret for it…", new FontIcon(Feather.DOWNLOAD_CLOUD));
            es.setOnAction(e -> ctx.openWizard(ExternalSecretWizard.ID, ref));
            Button seal = new Button("Seal it…", new FontIcon(Feather.LOCK));
            seal.setOnAction(e -> ctx.openWizard(SealedSecretWizard.ID, ref));
            secretDetail.getChildren().addAll(why, new HBox(8, migrate, es, seal));
        }
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("detail-muted");
        l.setWrapText(true);
        return l;
    }

    /** Lints a folder through the executor; results go to the Lint tab. */
    public void lint(Path folder) {
        ctx.tasks().submit("Linting " + folder, (p, c) -> StoresViewModel.lint(List.of(folder)), r -> {
            vm.showLint(folder, r);
            tabs.getSelectionModel().select(lintTab);
        }, e -> ctx.dialogs().showError("Lint failed", "Could not lint " + folder + ": " + e.getMessage()));
    }

    /** Selects the Secret with this name (after refresh selection is kept by identity of namespace/name). */
    void reselect(String secretKey, String objectKey) {
        if (secretKey != null) {
            vm.secrets.stream().filter(a -> (a.namespace() + "/" + a.name()).equals(secretKey)).findFirst()
                    .ifPresent(a -> secretTable.getSelectionModel().select(a));
        }
        if (objectKey != null) {
            vm.objects.stream().filter(o -> (o.kind() + " " + o.qualifiedName()).equals(objectKey)).findFirst()
                    .ifPresent(o -> objectTable.getSelectionModel().select(o));
        }
    }

    String selectedSecretKey() {
        var a = secretTable.getSelectionModel().getSelectedItem();
        return a == null ? null : a.namespace() + "/" + a.name();
    }

    String selectedObjectKey() {
        var o = objectTable.getSelectionModel().getSelectedItem();
        return o == null ? null : o.kind() + " " + o.qualifiedName();
    }

}
