package dev.kustodian.ui.access;

import dev.kustodian.core.rbac.Reader;
import dev.kustodian.ui.framework.Columns;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The readers of one secret: every subject that can read it, directly or indirectly, with how and through what. */
final class SecretReadersPane extends VBox {
    private final AccessViewModel vm;
    private final TableView<AccessViewModel.ReaderRow> table = new TableView<>();
    private final Label note = new Label();

    SecretReadersPane(AccessViewModel vm) {
        super(8);
        this.vm = vm;
        ComboBox<String> secret = new ComboBox<>(vm.secretChoices);
        secret.setId("secret-picker");
        secret.setPromptText("Pick a secret (namespace/name)");
        secret.valueProperty().bindBidirectional(vm.selectedSecret);
        secret.setPrefWidth(320);
        HBox bar = new HBox(8, new Label("Secret"), secret);
        bar.setAlignment(Pos.CENTER_LEFT);
        buildTable();
        note.setId("secret-readers-note");
        note.setWrapText(true);
        vm.secretReaders.addListener((ListChangeListener<Reader>) c -> updateNote());
        vm.hiddenSystemReaders.addListener((o, a, b) -> updateNote());
        vm.selectedSecret.addListener((o, a, b) -> updateNote());
        getChildren().addAll(bar, note, table);
        setPadding(new Insets(10));
        updateNote(); // built when its tab is first shown: a secret may be picked already
    }

    private void buildTable() {
        table.setId("secret-readers");
        TableColumn<AccessViewModel.ReaderRow, String> subject = Columns.wrapping("Subject", 170,
                r -> r.subject().kind() + "\n"
                        + (r.subject().namespace().isEmpty() ? "" : r.subject().namespace() + "/") + r.subject().name()
                        + (r.system() ? "\n(system)" : ""));
        subject.setMinWidth(180);
        table.getColumns().add(subject);
        TableColumn<AccessViewModel.ReaderRow, Boolean> access = Columns.of("Access", 95,
                AccessViewModel.ReaderRow::direct);
        access.setMinWidth(95);
        Columns.render(access, (cell, direct) -> {
            cell.setText(direct ? "Direct" : "Indirect");
            cell.setGraphic(new FontIcon(direct ? Feather.EYE : Feather.CORNER_DOWN_RIGHT));
        });
        table.getColumns().add(access);
        TableColumn<AccessViewModel.ReaderRow, String> how = Columns.wrapping("How", 190,
                r -> String.join("\n", r.how()));
        how.setMinWidth(175);
        table.getColumns().add(how);
        table.getColumns().add(Columns.wrapping("Path (binding → role → rule)", 380,
                r -> String.join("\n", r.paths())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(vm.readerRows);
        table.setPlaceholder(new Label("Pick a secret to see every subject that can read it."));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private void updateNote() {
        String s = vm.selectedSecret.get();
        if (s == null) {
            note.setText("");
            return;
        }
        long direct = vm.secretReaders.stream().filter(Reader::direct).map(Reader::subject).distinct().count();
        long indirect = vm.secretReaders.stream().filter(r -> !r.direct()).map(Reader::subject).distinct().count();
        int hidden = vm.hiddenSystemReaders.get();
        note.setText(direct + " subject(s) can read " + s + " directly, " + indirect + " indirectly"
                + (hidden > 0 ? "; " + hidden + " expected system path(s) not listed (tick \"Show system "
                + "access\" to list them)." : "."));
    }
}
