package dev.kustodian.ui.framework;

import javafx.beans.binding.StringExpression;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Shared labels: a page's title and subtitle lines, a status line that takes no room while empty, and of detail grids
 * a field name that never shrinks and a value that wraps.
 */
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

    /** A page's title ("Secrets"), styled {@code page-title}. */
    public static Label pageTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("page-title");
        return l;
    }

    /** A subtitle line under a page's or a detail's title, styled {@code page-subtitle}. */
    public static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("page-subtitle");
        return l;
    }

    /** A subtitle line that wraps (a sentence or two). */
    public static Label wrappedSubtitle(String text) {
        Label l = subtitle(text);
        l.setWrapText(true);
        return l;
    }

    /** A subtitle line with an id whose text follows {@code text} (a view model's header or summary). */
    public static Label subtitle(String id, ObservableValue<String> text) {
        Label l = subtitle("");
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    /** A wrapping line with an id and a style class that shows {@code text} and takes no room while it is empty. */
    public static Label hiddenWhenEmpty(String id, String styleClass, StringExpression text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
