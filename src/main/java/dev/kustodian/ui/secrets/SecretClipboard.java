package dev.kustodian.ui.secrets;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The clipboard as the safe reveal needs it: put, read back (to clear only our own value), clear. FX thread. */
public interface SecretClipboard {
    void put(String text);

    /** The clipboard's current text, or null. */
    String current();

    void clear();

    static SecretClipboard system() {
        return new SecretClipboard() {
            @Override
            public void put(String text) {
                ClipboardContent c = new ClipboardContent();
                c.putString(text);
                Clipboard.getSystemClipboard().setContent(c);
            }

            @Override
            public String current() {
                Clipboard cb = Clipboard.getSystemClipboard();
                return cb.hasString() ? cb.getString() : null;
            }

            @Override
            public void clear() {
                Clipboard.getSystemClipboard().clear();
            }
        };
    }
}
