package dev.kustodian.ui.wizard;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;

/**
 * A field that only shows something or runs an action (guidance, a report, a key shown once, a rewrite): it holds no
 * value and no answer, so its value and its text are always "".
 */
public abstract class DisplayField extends FormField {
    private final SimpleStringProperty none = new SimpleStringProperty("");

    protected DisplayField(String id, String label, String help) {
        super(id, label, help);
    }

    @Override
    public final Object value() {
        return "";
    }

    @Override
    public final void setFromText(String text) {
        // nothing to set
    }

    @Override
    public final String toText() {
        return "";
    }

    /** Never changes; a field whose shown content should re-run the preview returns its own observable. */
    @Override
    public Observable observable() {
        return none;
    }
}
