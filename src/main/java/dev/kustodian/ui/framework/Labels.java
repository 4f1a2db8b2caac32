package dev.kustodian.ui.framework;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Shared labels of detail grids: a field name that never shrinks and a value that wraps. */
public final class Labels {
    private Labels() {
    }

    /** A field name ("Subject", "Not after"): full width, styled {@code field-label}. */
    public static Label key(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("field-label");
        return l;
    }

    /** A field value that wraps (null shows as nothing). */
    public static Label value(String s) {
        Label l = new Label(s == null ? "" : s);
        l.setWrapText(true);
        return l;
    }
}
