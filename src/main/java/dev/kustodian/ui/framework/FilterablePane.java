package dev.kustodian.ui.framework;

import javafx.beans.property.Property;
import javafx.scene.control.TextInputControl;

/** A page view with a filter field (Ctrl+F focuses it). */
public interface FilterablePane {
    TextInputControl filterField();

    /** Sets up a page's filter field: its id, its prompt (naming what it filters, with "(Ctrl+F)") and its text. */
    static <F extends TextInputControl> F filter(F field, String id, String prompt, Property<String> text) {
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(text);
        return field;
    }
}
