package dev.kustodian.ui.framework;

import dev.kustodian.core.findings.Severity;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** A severity chip: icon + word (colour is never the only signal). */
public final class SeverityChip extends Label {

    public SeverityChip(Severity severity) {
        super(severity.label(), new FontIcon(icon(severity)));
        getStyleClass().addAll("severity-chip", "severity-" + severity.name().toLowerCase(Locale.ROOT));
        Css.add(this, "/dev/kustodian/ui/framework/common.css");
    }

    /**
     * A table cell showing a severity as a chip; each cell keeps one chip per severity it has shown (scrolling and
     * filtering large tables reuse them instead of styling a new chip per update). {@code keepWidth}: the chip is
     * never narrower than its text.
     */
    public static final class Cell<S> extends TableCell<S, Severity> {
        private final Map<Severity, SeverityChip> chips = new EnumMap<>(Severity.class);
        private final boolean keepWidth;

        public Cell(boolean keepWidth) {
            this.keepWidth = keepWidth;
        }

        @Override
        protected void updateItem(Severity s, boolean empty) {
            super.updateItem(s, empty);
            setText(null);
            setGraphic(empty || s == null ? null : chips.computeIfAbsent(s, x -> {
                SeverityChip chip = new SeverityChip(x);
                if (keepWidth) {
                    chip.setMinWidth(Region.USE_PREF_SIZE);
                }
                return chip;
            }));
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
