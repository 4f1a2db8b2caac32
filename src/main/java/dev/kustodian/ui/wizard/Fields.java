package dev.kustodian.ui.wizard;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** The field kinds of the form builder: text, choice (optionally editable, with live suggestions), checkbox, list. */
public final class Fields {
    private Fields() {
    }

    /** A field whose value is one string (its answer text is that string). */
    public abstract static class StringValued extends FormField {
        protected final StringProperty value = new SimpleStringProperty("");

        StringValued(String id, String label, String help) {
            super(id, label, help);
        }

        public StringProperty valueProperty() {
            return value;
        }

        @Override
        public Object value() {
            return value.get() == null ? "" : value.get();
        }

        @Override
        public void setFromText(String text) {
            value.set(text == null ? "" : text);
        }

        @Override
        public String toText() {
            return value.get();
        }

        @Override
        public Observable observable() {
            return value;
        }
    }

    /** A single-line text field. */
    public static final class Text extends StringValued {
        private final TextField field = new TextField();

        Text(String id, String label, String help, String prompt) {
            super(id, label, help);
            field.setPromptText(prompt);
            field.textProperty().bindBidirectional(value);
        }

        @Override
        protected Node control() {
            return field;
        }
    }

    /**
     * A choice: a combo box whose items come from a supplier (re-read when {@code dependsOn} changes, e.g. the
     * service accounts of the chosen namespace). Editable choices accept names not in the list.
     */
    public static final class Choice extends StringValued {
        private final ComboBox<String> combo = new ComboBox<>();
        private final Supplier<List<String>> items;

        Choice(String id, String label, String help, Supplier<List<String>> items, boolean editable) {
            super(id, label, help);
            this.items = items;
            combo.setEditable(editable);
            combo.setMaxWidth(Double.MAX_VALUE);
            refreshItems();
            if (editable) {
                combo.getEditor().textProperty().addListener((o, a, b) -> value.set(b == null ? "" : b));
            }
            combo.valueProperty().addListener((o, a, b) -> {
                if (b != null && !b.equals(value.get())) {
                    value.set(b);
                }
            });
            value.addListener((o, a, b) -> {
                if (b != null && !b.equals(combo.getValue())) {
                    combo.setValue(b);
                }
                if (editable && b != null && !b.equals(combo.getEditor().getText())) {
                    combo.getEditor().setText(b);
                }
            });
        }

        /** Re-reads the items when {@code other} changes. */
        public Choice dependsOn(FormField other) {
            other.observable().addListener(o -> refreshItems());
            return this;
        }

        public void refreshItems() {
            String keep = value.get();
            combo.getItems().setAll(items.get());
            if (keep != null && !keep.isEmpty()) {
                combo.setValue(keep);
            }
        }

        public List<String> items() {
            return List.copyOf(combo.getItems());
        }

        @Override
        protected Node control() {
            return combo;
        }
    }

    /** A checkbox. */
    public static final class Check extends FormField {
        private final BooleanProperty value = new SimpleBooleanProperty();
        private final CheckBox box;

        Check(String id, String label, String help, boolean initial) {
            super(id, label, help);
            box = new CheckBox(label);
            value.set(initial);
            box.selectedProperty().bindBidirectional(value);
        }

        public BooleanProperty valueProperty() {
            return value;
        }

        @Override
        public Object value() {
            return value.get();
        }

        @Override
        public void setFromText(String text) {
            value.set(Boolean.parseBoolean(text == null ? "" : text.trim()));
        }

        @Override
        public String toText() {
            return Boolean.toString(value.get());
        }

        @Override
        public Observable observable() {
            return value;
        }

        @Override
        protected Node control() {
            return box;
        }
    }

    /** A list editor: an editable combo with suggestions + Add, the list below with Remove. */
    public static final class ListEditor extends FormField {
        private final ObservableList<String> value = FXCollections.observableArrayList();
        private final ComboBox<String> input = new ComboBox<>();
        private final Supplier<List<String>> suggestions;

        ListEditor(String id, String label, String help, Supplier<List<String>> suggestions) {
            super(id, label, help);
            this.suggestions = suggestions;
            input.setEditable(true);
            input.setPromptText("name, then Add (or Enter)");
            refreshItems();
        }

        public ListEditor dependsOn(FormField other) {
            other.observable().addListener(o -> refreshItems());
            return this;
        }

        public void refreshItems() {
            input.getItems().setAll(suggestions.get());
        }

        public ObservableList<String> values() {
            return value;
        }

        /** Adds an item (trimmed, ignored when blank or already present). */
        public void add(String item) {
            String s = item == null ? "" : item.trim();
            if (!s.isEmpty() && !value.contains(s)) {
                value.add(s);
            }
        }

        @Override
        public Object value() {
            return List.copyOf(value);
        }

        @Override
        public void setFromText(String text) {
            value.clear();
            if (text != null) {
                Arrays.stream(text.split(",")).forEach(this::add);
            }
        }

        @Override
        public String toText() {
            return String.join(",", value);
        }

        @Override
        public Observable observable() {
            return value;
        }

        @Override
        protected Node control() {
            ListView<String> list = new ListView<>(value);
            list.setPrefHeight(140);
            list.getStyleClass().add("list-editor-items");
            Button add = new Button("Add", new FontIcon(Feather.PLUS));
            add.setId("field-" + id() + "-add");
            Runnable doAdd = () -> {
                add(input.getEditor().getText());
                input.getEditor().clear();
                input.setValue(null);
            };
            add.setOnAction(e -> doAdd.run());
            // Enter in the editor, or picking a suggestion, commits the combo's value: add it
            input.setOnAction(e -> {
                String v = input.getValue();
                if (v != null && !v.isBlank()) {
                    add(v);
                    javafx.application.Platform.runLater(() -> {
                        input.setValue(null);
                        input.getEditor().clear();
                    });
                }
            });
            Button remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
            remove.setId("field-" + id() + "-remove");
            remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
            remove.setOnAction(e -> value.removeAll(List.copyOf(list.getSelectionModel().getSelectedItems())));
            input.setId("field-" + id() + "-input");
            HBox.setHgrow(input, Priority.ALWAYS);
            input.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(6, input, add, remove);
            return new VBox(6, row, list);
        }
    }
}
