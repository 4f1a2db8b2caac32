package dev.kustodian.ui.framework;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A titled card (bordered panel) for dashboards. */
public class Card extends VBox {
    public Card(String title, Node... content) {
        super(8);
        getStyleClass().add("k-card");
        Css.add(this, "/dev/kustodian/ui/framework/common.css");
        Label t = new Label(title);
        t.getStyleClass().add("k-card-title");
        getChildren().add(t);
        getChildren().addAll(content);
    }
}
