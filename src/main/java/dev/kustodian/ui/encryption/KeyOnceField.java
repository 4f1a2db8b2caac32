package dev.kustodian.ui.encryption;

import dev.kustodian.core.encryption.KeyGenerator;
import dev.kustodian.ui.wizard.DisplayField;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The generated key of an encryption wizard: 32 bytes from the DRBG {@link java.security.SecureRandom}
 * ({@link KeyGenerator}), held in memory only. It is SHOWN ONCE: "Show the key once" reveals it in a read-only field
 * (to copy into a password manager); hiding it, or leaving the step, masks it for good. Its form value is empty, so
 * answers files never hold it, and previews show only the mask.
 */
public final class KeyOnceField extends DisplayField {
    static final String HIDDEN = "•••••••••••••••••••••••••••••••••••••••••••• (32 bytes, base64)";
    private String secret = KeyGenerator.generate("key").secretBase64();
    private final IntegerProperty generation = new SimpleIntegerProperty();
    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final BooleanProperty used = new SimpleBooleanProperty();
    private final TextField keyText = new TextField(HIDDEN);
    private final Button reveal = new Button("Show the key once", new FontIcon(Feather.EYE));
    private final Button regenerate = new Button("Generate another key", new FontIcon(Feather.REFRESH_CW));
    private final Label state = new Label();
    private VBox box;

    public KeyOnceField(String id, String label, String help) {
        super(id, label, help);
        keyText.setEditable(false);
        keyText.setId("key-once-text");
        keyText.getStyleClass().add("key-once-text");
        reveal.setId("key-once-reveal");
        regenerate.setId("key-once-regenerate");
        reveal.setOnAction(e -> toggle());
        regenerate.setOnAction(e -> regenerate());
        state.setWrapText(true);
        state.getStyleClass().add("field-help");
        updateState();
    }

    /** The key material (for the generator only; never display or log it). */
    public String secret() {
        return secret;
    }

    public boolean isShown() {
        return shown.get();
    }

    /** True once the key has been shown and hidden again: it cannot be shown a second time. */
    public boolean wasShown() {
        return used.get();
    }

    /** The text the key field displays right now. */
    public String displayedText() {
        return keyText.getText();
    }

    /** Shows the key (first time) or hides it for good. */
    public void toggle() {
        if (shown.get()) {
            hide();
        } else if (!used.get()) {
            shown.set(true);
            keyText.setText(secret);
            updateState();
        }
    }

    /** Hides the key; after it has been shown once it cannot be shown again. */
    public void hide() {
        if (shown.get()) {
            shown.set(false);
            used.set(true);
        }
        keyText.setText(HIDDEN);
        updateState();
    }

    /** Replaces the key with a fresh one (which can be shown once again). */
    public void regenerate() {
        hide();
        secret = KeyGenerator.generate("key").secretBase64();
        used.set(false);
        generation.set(generation.get() + 1);
        updateState();
    }

    private void updateState() {
        reveal.setText(shown.get() ? "Hide it (for good)" : "Show the key once");
        reveal.setDisable(!shown.get() && used.get());
        state.setText(shown.get()
                ? "Copy it now into your password manager or vault; it will not be shown again. The saved file holds it (0600)."
                : used.get() ? "The key was shown once and is now hidden for good. It is in the saved file only (0600)."
                : "Generated in memory with SecureRandom (DRBG). Not shown yet, not saved yet, never logged.");
    }

    @Override
    public Observable observable() {
        return generation;
    }

    @Override
    protected Node control() {
        if (box == null) {
            HBox.setHgrow(keyText, Priority.ALWAYS);
            HBox row = new HBox(8, keyText, reveal, regenerate);
            box = new VBox(6, row, state);
            box.getStyleClass().add("key-once");
            // leaving the step (the field leaves the scene) masks the key for good
            box.sceneProperty().addListener((o, a, b) -> {
                if (b == null) {
                    hide();
                }
            });
        }
        return box;
    }
}
