package dev.kustodian.ui.framework;

import dev.kustodian.core.findings.Severity;
import javafx.scene.control.Label;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/** A severity chip: icon + word (colour is never the only signal). */
public final class SeverityChip extends Label {

    public SeverityChip(Severity severity) {
        super(severity.label(), new FontIcon(icon(severity)));
        getStyleClass().addAll("severity-chip", "severity-" + severity.name().toLowerCase(Locale.ROOT));
        Css.add(this, "/dev/kustodian/ui/framework/common.css");
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
