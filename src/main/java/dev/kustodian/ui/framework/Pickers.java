package dev.kustodian.ui.framework;

import javafx.scene.control.ComboBox;

/** Combo boxes over cluster-sized lists. */
public final class Pickers {
    /** How many of a picker's items its width is measured from (JavaFX measures every item unless told). */
    static final int ROWS_MEASURED = 50;

    private Pickers() {
    }

    /**
     * Makes {@code picker} as wide as the widest of its first {@value #ROWS_MEASURED} items instead of all of them:
     * a combo box without a fixed width builds and styles a cell for every item to find its width, on the FX thread,
     * each time its items change (500 namespaces of a large cluster: a blocked pulse). Lists of up to that many items
     * look the same.
     */
    public static <T> ComboBox<T> measureFirstRows(ComboBox<T> picker) {
        // the key ComboBoxListViewSkin reads (COMBO_BOX_ROWS_TO_MEASURE_WIDTH_KEY)
        picker.getProperties().put("comboBoxRowsToMeasureWidth", ROWS_MEASURED);
        return picker;
    }
}
