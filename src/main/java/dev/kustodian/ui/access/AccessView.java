package dev.kustodian.ui.access;

import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.ui.framework.Css;
import dev.kustodian.ui.framework.EmptyState;
import dev.kustodian.ui.framework.FilterablePane;
import dev.kustodian.ui.framework.Labels;
import dev.kustodian.ui.framework.LazyTabs;
import dev.kustodian.ui.framework.PageContext;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Access page: master ({@link SubjectsPane}: ranked risky subjects, filters, the collapsed group of expected
 * system access) and detail tabs ({@link SubjectPane}: binding paths, effective rules, access matrix;
 * {@link WhoCanPane}; {@link SecretReadersPane}).
 */
public final class AccessView extends StackPane implements FilterablePane {
    private final AccessViewModel vm;
    private final BorderPane content = new BorderPane();
    private final StackPane overlay = new StackPane();
    private final SubjectsPane subjects;
    private final SubjectPane subject;
    private final TabPane detail = new TabPane();
    private final Tab subjectTab = new Tab("Subject");
    private final Tab whoTab = new Tab("Who can…");
    private final Tab secretTab = new Tab("Secret readers");

    public AccessView(AccessViewModel vm, PageContext ctx) {
        this.vm = vm;
        this.subjects = new SubjectsPane(vm, this::select);
        this.subject = new SubjectPane(vm, ctx);
        getStyleClass().add("access");
        Css.add(this, "/dev/kustodian/ui/access/access.css");
        content.setPadding(new Insets(16));
        content.setTop(header());
        SplitPane split = new SplitPane(subjects, detailPane());
        split.setDividerPositions(0.5);
        content.setCenter(split);
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        overlay.setVisible(false);
        getChildren().addAll(content, overlay);
        vm.analysis.addListener((o, a, b) -> showEmptyIfNothing());
        showEmptyIfNothing();
    }

    @Override
    public TextInputControl filterField() {
        return subjects.filterField();
    }

    /** Shows a progress state while analysing, an error state, or the page. */
    void setLoading(boolean loading, String error) {
        overlay.getChildren().clear();
        if (error != null) {
            overlay.getChildren().add(new EmptyState(Feather.ALERT_TRIANGLE, "Access could not be analysed", error));
        } else if (loading && vm.analysis.get() == null) {
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
        boolean none = vm.analysis.get() == null;
        overlay.getChildren().clear();
        if (none) {
            overlay.getChildren().add(new EmptyState(Feather.USERS, "Nothing loaded yet",
                    "Connect to a cluster, open a snapshot file or the demo cluster to see who can do what."));
        }
        overlay.setVisible(none);
        content.setVisible(!none);
    }

    private Node header() {
        return new VBox(2, Labels.pageTitle("Access"), Labels.subtitle("Who can do what: risky subjects ranked by"
                + " risk score, who-can queries, and who can read each secret."));
    }

    private Node detailPane() {
        detail.setId("access-detail");
        detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        subjectTab.setContent(subject);
        // the hidden tabs' panes are built when first shown: a TabPane styles and lays out every tab's content
        LazyTabs.contentWhenSelected(whoTab, () -> new WhoCanPane(vm, this::select));
        LazyTabs.contentWhenSelected(secretTab, () -> new SecretReadersPane(vm));
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

    private void select(SubjectRef s) {
        vm.selected.set(s);
        detail.getSelectionModel().select(subjectTab);
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
        subject.showPart(id);
    }

    /** Opens the secret readers view for {@code ns/name}. */
    public void showSecret(String key) {
        vm.selectedSecret.set(key);
        detail.getSelectionModel().select(secretTab);
    }
}
