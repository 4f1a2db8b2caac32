package dev.kustodian.ui.wizard;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;

/** A field that only shows something (guidance, a report): it holds no value, so its value is always "". */
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

    @Override
    public final Observable observable() {
        return none;
    }
}
