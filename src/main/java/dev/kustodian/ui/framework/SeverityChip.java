package dev.kustodian.ui.framework;

import dev.kustodian.core.findings.Severity;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A severity chip: icon + word (colour is never the only signal). The severity is a pseudo-class of the chip
 * ({@code .severity-chip:critical} ... {@code :info}), so that a table cell can show another severity in the same chip:
 * a pseudo-class change restyles the chip, where a new or re-added chip would have its styles matched again.
 */
public final class SeverityChip extends Label {
    private static final Map<Severity, PseudoClass> STATES = new EnumMap<>(Severity.class);

    static {
        for (Severity s : Severity.values()) {
            STATES.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)));
        }
    }

    private final FontIcon icon;
    private Severity severity;

    public SeverityChip(Severity severity) {
        icon = new FontIcon(icon(severity));
        setGraphic(icon);
        getStyleClass().add("severity-chip");
        Css.add(this, "/dev/kustodian/ui/framework/common.css");
        setSeverity(severity);
    }

    public Severity severity() {
        return severity;
    }

    /** Shows {@code s}: its word, its icon and its colours (a pseudo-class). */
    public void setSeverity(Severity s) {
        if (s == severity) {
            return;
        }
        if (severity != null) {
            pseudoClassStateChanged(STATES.get(severity), false);
        }
        severity = s;
        pseudoClassStateChanged(STATES.get(s), true);
        setText(s.label());
        icon.setIconCode(icon(s));
    }

    /**
     * A table cell showing a severity as a chip. The cell keeps one chip as its graphic for good and changes the
     * chip's severity, or hides it for an empty row or no severity: the rows of large tables are updated on every
     * filter keystroke, and taking a chip out of its cell and putting it back had its styles matched again each time.
     * {@code keepWidth}: the chip is never narrower than its text.
     */
    public static final class Cell<S> extends TableCell<S, Severity> {
        private final boolean keepWidth;
        private SeverityChip chip;

        public Cell(boolean keepWidth) {
            this.keepWidth = keepWidth;
        }

        @Override
        protected void updateItem(Severity s, boolean empty) {
            super.updateItem(s, empty);
            setText(null);
            if (empty || s == null) {
                if (chip != null) {
                    chip.setVisible(false);
                }
                return;
            }
            if (chip == null) {
                chip = new SeverityChip(s);
                if (keepWidth) {
                    chip.setMinWidth(Region.USE_PREF_SIZE);
                }
                setGraphic(chip);
            }
            chip.setSeverity(s);
            chip.setVisible(true);
        }
    }

    public static Feather icon(Severity s) {
        return switch (s) {
            case CRITICAL -> Feather.X_OCTAGON;
            case HIGH -> Feather.ALERT_OCTAGON;
            case MEDIUM -> Feather.ALERT_TRIANGLE;
            case LOW -> Feather.ALERT_CIRCLE;
            case INFO -> Feather.INFO;
        };
    }
}
