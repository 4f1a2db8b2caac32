package dev.kustodian.ui.framework;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Shared table-column helpers: a column of a row's value, a text column whose cells wrap, and cells drawn by a
 * renderer.
 */
public final class Columns {
    private Columns() {
    }

    /** A column showing (and sorting by) {@code value} of each row. */
    public static <S, T> TableColumn<S, T> of(String title, double width, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A text column whose cells wrap at the column's width (rows grow to fit several lines). */
    public static <S> TableColumn<S, String> wrapping(String title, double width, Function<S, String> value) {
        TableColumn<S, String> c = of(title, width, value);
        c.setCellFactory(x -> wrappingCell(c));
        return c;
    }

    /** A cell whose text wraps at the column's width. */
    public static <S> TableCell<S, String> wrappingCell(TableColumn<S, String> column) {
        Text text = new Text();
        text.getStyleClass().add("wrapping-text");
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
        // the text is the cell's graphic for good (empty for an empty row): taking it out and putting it back on every
        // update had its styles matched again each time a large table's rows changed (a filter keystroke)
        TableCell<S, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                text.setText(empty || s == null ? "" : s);
                setText(null);
            }
        };
        cell.setGraphic(text);
        cell.setPrefHeight(Control.USE_COMPUTED_SIZE);
        cell.getStyleClass().add("wrapping-cell");
        return cell;
    }

    /**
     * Draws the column's cells with {@code render} (text, graphic, style classes); an empty row or a null value shows
     * nothing. {@code styleClasses} are the classes {@code render} may add: they are removed before each update (cells
     * are reused).
     */
    public static <S, T> void render(TableColumn<S, T> column, BiConsumer<TableCell<S, T>, T> render,
                                     String... styleClasses) {
        column.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(styleClasses);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                render.accept(this, item);
            }
        });
    }
}
