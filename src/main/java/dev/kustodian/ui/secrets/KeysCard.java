package dev.kustodian.ui.secrets;

import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.ui.framework.Card;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.Map;

/**
 * The selected secret's keys: name, size, the masked value, Reveal (one key, fetched on demand, hidden again after
 * 30 s) and Copy. Values are shown only while the reveal model holds one.
 */
final class KeysCard extends Card {
    /** Value labels of the shown key rows, by key. */
    private final Map<String, Label> valueLabels = new HashMap<>();
    private final RevealViewModel rv;

    KeysCard(SecretRow r, RevealViewModel rv) {
        super("Keys (" + r.keyCount() + ", " + SecretsViewModel.size(r.totalBytes()) + ")");
        this.rv = rv;
        VBox box = new VBox(8);
        if (r.secret().keys().isEmpty()) {
            box.getChildren().add(new Label("No keys."));
        } else {
            box.getChildren().add(keys(r));
        }
        Label note = new Label();
        note.setId("reveal-message");
        note.setWrapText(true);
        note.textProperty().bind(rv.message);
        ChangeListener<Boolean> style = (o, a, b) -> {
            note.getStyleClass().removeAll("reveal-error", "reveal-info");
            note.getStyleClass().add(Boolean.TRUE.equals(b) ? "reveal-error" : "reveal-info");
        };
        rv.messageIsError.addListener(style);
        style.changed(null, null, rv.messageIsError.get());
        Label unavailable = new Label();
        unavailable.setId("reveal-unavailable");
        unavailable.setWrapText(true);
        unavailable.getStyleClass().add("finding-why");
        unavailable.textProperty().bind(Bindings.when(rv.available)
                .then("").otherwise(Bindings.concat("Reveal is off: ", rv.unavailableReason)));
        unavailable.visibleProperty().bind(rv.available.not());
        unavailable.managedProperty().bind(unavailable.visibleProperty());
        box.getChildren().addAll(note, unavailable);
        getChildren().add(box);
        showRevealed();
    }

    private GridPane keys(SecretRow r) {
        GridPane g = new GridPane();
        g.setId("secret-keys");
        g.setHgap(8);
        g.setVgap(6);
        int row = 0;
        for (SecretInfo.SecretKeyInfo k : r.secret().keys()) {
            Label key = new Label(k.name());
            key.getStyleClass().add("field-label");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label size = new Label(SecretsViewModel.size(k.size()) + (k.binary() ? " · binary" : ""));
            size.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(SecretsView.MASK);
            value.getStyleClass().add("secret-value");
            value.setId("value-" + SecretsView.nodeId(k.name()));
            value.setWrapText(true);
            value.setMaxWidth(360);
            valueLabels.put(k.name(), value);
            Button reveal = new Button("Reveal", new FontIcon(Feather.EYE));
            reveal.getStyleClass().add("reveal-button");
            reveal.setId("reveal-" + SecretsView.nodeId(k.name()));
            reveal.disableProperty().bind(rv.available.not());
            reveal.setOnAction(e -> {
                if (k.name().equals(rv.revealedKey.get())) {
                    rv.hide();
                } else {
                    rv.reveal(k.name());
                }
            });
            Button copy = new Button("Copy", new FontIcon(Feather.COPY));
            copy.getStyleClass().add("copy-button");
            copy.setId("copy-" + SecretsView.nodeId(k.name()));
            copy.disableProperty().bind(rv.available.not());
            copy.setOnAction(e -> rv.copy(k.name()));
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(Bindings.when(rv.available)
                    .then("Fetches this one key with a GET and shows it for 30 s")
                    .otherwise(Bindings.concat("Reveal is off: ", rv.unavailableReason)));
            reveal.setTooltip(tip);
            reveal.setMinWidth(Region.USE_PREF_SIZE);
            copy.setMinWidth(Region.USE_PREF_SIZE);
            value.setMinWidth(72);
            g.addRow(row++, key, size, value, reveal, copy);
        }
        return g;
    }

    /** Shows the revealed key's value in its row (all others masked) and toggles Reveal/Hide. */
    void showRevealed() {
        String key = rv.revealedKey.get();
        String text = rv.revealedText.get();
        valueLabels.forEach((k, label) -> {
            boolean shown = key != null && text != null && k.equals(key);
            label.setText(shown ? text : SecretsView.MASK);
            label.getStyleClass().remove("revealed");
            if (shown) {
                label.getStyleClass().add("revealed");
            }
        });
        for (Node n : lookupAll(".reveal-button")) {
            if (n instanceof Button b) {
                boolean shown = key != null && b.getId() != null && b.getId().equals("reveal-" + SecretsView.nodeId(key));
                b.setText(shown ? "Hide" : "Reveal");
                b.setGraphic(new FontIcon(shown ? Feather.EYE_OFF : Feather.EYE));
            }
        }
    }
}
