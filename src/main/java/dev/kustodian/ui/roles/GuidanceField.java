package dev.kustodian.ui.roles;

import dev.kustodian.ui.wizard.DisplayField;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** The live guidance of the role wizard: the current warnings, updated on every change. Its value is always "". */
public final class GuidanceField extends DisplayField {
    private final VBox box = new VBox(4);
    private List<String> current = List.of();

    public GuidanceField(String id, String label, String help) {
        super(id, label, help);
        box.getStyleClass().add("guidance-box");
        show(List.of());
    }

    /** Replaces the shown warnings. */
    public void show(List<String> warnings) {
        current = List.copyOf(warnings);
        box.getChildren().clear();
        if (warnings.isEmpty()) {
            Label ok = new Label("No warnings for the current picks.", new FontIcon(Feather.CHECK_CIRCLE));
            ok.getStyleClass().add("guidance-ok");
            box.getChildren().add(ok);
            return;
        }
        for (String w : warnings) {
            Label l = new Label(w, new FontIcon(Feather.ALERT_TRIANGLE));
            l.setWrapText(true);
            l.getStyleClass().add("field-warning");
            box.getChildren().add(l);
        }
    }

    public List<String> warnings() {
        return current;
    }

    @Override
    protected Node control() {
        box.setId("field-" + id() + "-box");
        return box;
    }
}
