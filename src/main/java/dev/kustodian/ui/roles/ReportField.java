package dev.kustodian.ui.roles;

import dev.kustodian.ui.wizard.DisplayField;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** A read-only result shown in a wizard step: a headline and a monospaced report. Its value is always "". */
public final class ReportField extends DisplayField {
    private final StringProperty headline = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");

    public ReportField(String id, String label, String help) {
        super(id, label, help);
    }

    public StringProperty headlineProperty() {
        return headline;
    }

    public StringProperty textProperty() {
        return text;
    }

    @Override
    protected Node control() {
        Label h = new Label();
        h.textProperty().bind(headline);
        h.setWrapText(true);
        h.getStyleClass().add("report-headline");
        h.setId("field-" + id() + "-headline");
        TextArea area = new TextArea();
        area.setEditable(false);
        area.textProperty().bind(text);
        area.getStyleClass().add("report-text");
        area.setPrefRowCount(24);
        area.setWrapText(false);
        area.setId("field-" + id() + "-text");
        return new VBox(6, h, area);
    }
}
