package dev.kustodian.ui.encryption;

import dev.kustodian.ui.wizard.DisplayField;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The "Rewrite all secrets" step: Count, Rewrite, Cancel, a progress bar and the status ({@link RewriteRunner}). */
public final class RewriteField extends DisplayField {
    private final RewriteRunner runner;
    private VBox box;

    public RewriteField(String id, String label, String help, RewriteRunner runner) {
        super(id, label, help);
        this.runner = runner;
    }

    public RewriteRunner runner() {
        return runner;
    }

    @Override
    protected Node control() {
        if (box == null) {
            Button count = new Button("Count Secrets", new FontIcon(Feather.HASH));
            count.setId("rewrite-count");
            count.setOnAction(e -> runner.count());
            Button start = new Button("Rewrite all Secrets…", new FontIcon(Feather.REFRESH_CW));
            start.setId("rewrite-start");
            start.getStyleClass().add("accent");
            start.setOnAction(e -> runner.start());
            Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
            cancel.setId("rewrite-cancel");
            cancel.setOnAction(e -> runner.cancel());
            count.disableProperty().bind(runner.running.or(
                    javafx.beans.binding.Bindings.createBooleanBinding(() -> !runner.available())));
            start.disableProperty().bind(runner.running.or(runner.count.isNull()));
            cancel.disableProperty().bind(runner.running.not());
            ProgressBar bar = new ProgressBar();
            bar.setId("rewrite-progress");
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.progressProperty().bind(runner.progress);
            Label status = new Label();
            status.setId("rewrite-status");
            status.setWrapText(true);
            status.textProperty().bind(runner.status);
            box = new VBox(8, new HBox(8, count, start, cancel), bar, status);
        }
        return box;
    }
}
