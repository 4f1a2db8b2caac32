package dev.kustodian.ui.framework;

import javafx.scene.control.TextInputControl;

/** A page view with a filter field (Ctrl+F focuses it). */
public interface FilterablePane {
    TextInputControl filterField();
}
