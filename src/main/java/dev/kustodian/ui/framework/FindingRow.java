package dev.kustodian.ui.framework;

import dev.kustodian.core.findings.Finding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One finding as a row: severity chip, title, object and CIS ids, why it matters (and optionally the remediation),
 * and a Fix button when the finding names a wizard. Shared by every page that lists findings.
 */
public final class FindingRow extends HBox {

    public FindingRow(Finding f, PageContext ctx, boolean withRemediation) {
        super(10);
        Css.add(this, "/dev/kustodian/ui/framework/common.css");
        Label t = new Label(f.title());
        t.getStyleClass().add("finding-title");
        t.setWrapText(true);
        Label obj = new Label(f.object().display() + cisText(f, ctx));
        obj.getStyleClass().add("finding-object");
        Label why = new Label(f.explanation());
        why.setWrapText(true);
        why.getStyleClass().add("finding-why");
        VBox text = new VBox(2, t, obj, why);
        if (withRemediation && f.remediation() != null && !f.remediation().isBlank()) {
            Label fix = new Label("Fix: " + f.remediation());
            fix.setWrapText(true);
            fix.getStyleClass().add("finding-remediation");
            text.getChildren().add(fix);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        SeverityChip chip = new SeverityChip(f.severity());
        chip.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(chip, text);
        setAlignment(Pos.TOP_LEFT);
        getStyleClass().add("finding-row");
        if (f.fix() != null) {
            Button fix = fixButton(f, ctx);
            fix.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().add(fix);
        }
    }

    /** "Fix…": opens the finding's wizard for its object; disabled (with a tooltip) when no such wizard exists. */
    /** " · CIS 5.1.2 (cis-1.12)": the finding's CIS ids and the benchmark they are numbered in; "" without ids. */
    public static String cisText(Finding f, PageContext ctx) {
        String bench = ctx == null ? null : ctx.state().cisBenchmark();
        return f.cis().isEmpty() ? "" : " · CIS " + String.join(", ", f.cis()) + (bench == null ? "" : " (" + bench + ")");
    }

    public static Button fixButton(Finding f, PageContext ctx) {
        boolean registered = ctx.hasWizard(f.fix());
        Button fix = new Button("Fix…", new FontIcon(Feather.TOOL));
        fix.getStyleClass().add("fix-button");
        fix.setDisable(!registered);
        fix.setTooltip(new Tooltip(registered ? "Open the " + f.fix() + " wizard for " + f.object().display()
                : "The " + f.fix() + " wizard is not available in this version; see the remediation text."));
        fix.setOnAction(e -> ctx.openWizard(f.fix(), f.object()));
        return fix;
    }
}
