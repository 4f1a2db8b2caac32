package dev.kustodian.ui.framework;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An empty / error / partial state: what happened, why, and the next actions as buttons (UX.md). No stack traces.
 */
public final class EmptyState extends VBox {
    private final HBox actions = new HBox(8);

    public EmptyState(Ikon icon, String title, String message) {
        getStyleClass().add("empty-state");
        Css.add(this, "/dev/kustodian/ui/framework/common.css");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        FontIcon fi = new FontIcon(icon);
        fi.getStyleClass().add("empty-state-icon");
        Label t = new Label(title);
        t.getStyleClass().add("empty-state-title");
        t.setWrapText(true);
        Label m = new Label(message);
        m.getStyleClass().add("empty-state-message");
        m.setWrapText(true);
        m.setMaxWidth(640);
        actions.setAlignment(Pos.CENTER);
        getChildren().addAll(fi, t, m, actions);
    }

    public EmptyState action(String label, Runnable action) {
        Button b = new Button(label);
        b.setOnAction(e -> action.run());
        if (actions.getChildren().isEmpty()) {
            b.getStyleClass().add("accent");
        }
        actions.getChildren().add(b);
        return this;
    }
}
