package dev.kustodian.ui.wizard;

import dev.kustodian.core.output.Bundle;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One field: an id (the key in {@link FormValues} and the problem path it answers to), a label, help, a control,
 * and an inline message under it (the rule's reason from {@code Bundle.problems()}).
 */
public abstract class FormField {
    private final String id;
    private final String label;
    private final String help;
    private final Set<String> paths = new TreeSet<>();
    private final Label message = new Label();
    private VBox node;

    protected FormField(String id, String label, String help) {
        this.id = id;
        this.label = label;
        this.help = help;
        paths.add(id);
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Problems whose path is this id, starts with "id." / "id[", or equals an alias are shown at this field. */
    public FormField alias(String problemPath) {
        paths.add(problemPath);
        return this;
    }

    /** The length of this field's id or alias that is the longest prefix of {@code path}, or -1. */
    int match(String path) {
        int best = prefix(id, path);
        for (String p : paths) {
            best = Math.max(best, prefix(p, path));
        }
        return best;
    }

    private static int prefix(String p, String path) {
        return path != null && (path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "["))
                ? p.length() : -1;
    }

    boolean answers(String path) {
        if (path == null) {
            return false;
        }
        for (String p : paths) {
            if (path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "[")) {
                return true;
            }
        }
        return false;
    }

    /** The current value: String, Boolean or List&lt;String&gt;. */
    public abstract Object value();

    /** Sets the value from its saved text form (answers files). */
    public abstract void setFromText(String text);

    /** The value as text for answers files. */
    public abstract String toText();

    /** What changes when the value changes. */
    public abstract Observable observable();

    protected abstract Node control();

    /** The labelled control with its inline message. */
    public Node node() {
        if (node == null) {
            Label l = new Label(label);
            l.getStyleClass().add("field-label");
            Node c = control();
            c.setId("field-" + id);
            node = new VBox(4, l);
            if (help != null && !help.isEmpty()) {
                Label h = new Label(help);
                h.getStyleClass().add("field-help");
                h.setWrapText(true);
                node.getChildren().add(h);
            }
            node.getChildren().addAll(c, message);
            node.getStyleClass().add("form-field");
        }
        return node;
    }

    /** Shows the problems that belong to this field (errors first); hides the message when there are none. */
    void showProblems(List<Bundle.Problem> all) {
        List<Bundle.Problem> mine = new ArrayList<>();
        for (Bundle.Problem p : all) {
            if (answers(p.path())) {
                mine.add(p);
            }
        }
        mine.sort((a, b) -> Boolean.compare(b.error(), a.error()));
        boolean any = !mine.isEmpty();
        message.setVisible(any);
        message.setManaged(any);
        message.getStyleClass().removeAll("field-error", "field-warning");
        if (any) {
            boolean error = mine.get(0).error();
            message.getStyleClass().add(error ? "field-error" : "field-warning");
            message.setGraphic(new FontIcon(error ? Feather.ALERT_OCTAGON : Feather.ALERT_TRIANGLE));
            message.setText((error ? "Error: " : "Warning: ")
                    + String.join(" ", mine.stream().map(Bundle.Problem::message).toList()));
        } else {
            message.setText("");
        }
    }

    public String messageText() {
        return message.isVisible() ? message.getText() : "";
    }

    boolean hasError(List<Bundle.Problem> all) {
        return all.stream().anyMatch(p -> p.error() && answers(p.path()));
    }
}
