package dev.kustodian.ui.access;

import dev.kustodian.core.rbac.Grant;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.ui.framework.Pickers;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Consumer;

/** "Who can…": a verb/resource/subresource/name/namespace query and the subjects allowed, with their paths. */
final class WhoCanPane extends VBox {
    private final TreeView<String> results = new TreeView<>();

    WhoCanPane(AccessViewModel vm, Consumer<SubjectRef> open) {
        super(8);
        ComboBox<String> verb = new ComboBox<>();
        verb.setId("who-verb");
        verb.setEditable(true);
        verb.getItems().setAll("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection",
                "impersonate", "escalate", "bind", "approve", "sign", "*");
        verb.valueProperty().bindBidirectional(vm.whoVerb);
        verb.setPrefWidth(120);
        TextField resource = field("who-resource", "resource[.group][/name] or /url", 14);
        resource.textProperty().bindBidirectional(vm.whoResource);
        TextField sub = field("who-subresource", "subresource", 7);
        sub.textProperty().bindBidirectional(vm.whoSubresource);
        TextField name = field("who-name", "name (any)", 8);
        name.textProperty().bindBidirectional(vm.whoName);
        ComboBox<String> ns = Pickers.measureFirstRows(new ComboBox<>(vm.namespaceChoices));
        ns.setId("who-namespace");
        ns.valueProperty().bindBidirectional(vm.whoNamespace);
        Button run = new Button("Who can?", new FontIcon(Feather.SEARCH));
        run.setId("who-run");
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.runWhoCan());
        resource.setOnAction(e -> vm.runWhoCan());
        name.setOnAction(e -> vm.runWhoCan());
        sub.setOnAction(e -> vm.runWhoCan());
        FlowPane bar = new FlowPane(6, 6, verb, resource, sub, name, new Label("in"), ns, run);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label msg = new Label();
        msg.setId("who-message");
        msg.setWrapText(true);
        msg.textProperty().bind(vm.whoMessage);
        results.setId("who-results");
        results.setShowRoot(false);
        vm.whoCan.addListener((ListChangeListener<RbacEngine.SubjectAccess>) c ->
                results.setRoot(whoRoot(vm.whoCan)));
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                TreeItem<String> item = results.getSelectionModel().getSelectedItem();
                while (item != null && item.getParent() != null && item.getParent() != results.getRoot()) {
                    item = item.getParent();
                }
                if (item != null) {
                    int i = results.getRoot().getChildren().indexOf(item);
                    if (i >= 0 && i < vm.whoCan.size()) {
                        open.accept(vm.whoCan.get(i).subject());
                    }
                }
            }
        });
        Label hint = new Label("Double-click a subject to open its view.");
        hint.getStyleClass().add("muted");
        VBox.setVgrow(results, Priority.ALWAYS);
        getChildren().addAll(bar, msg, results, hint);
        setPadding(new Insets(10));
    }

    private static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
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
}
