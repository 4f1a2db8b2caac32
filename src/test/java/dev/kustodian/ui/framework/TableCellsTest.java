package dev.kustodian.ui.framework;

import dev.kustodian.core.findings.Severity;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The large tables' shared cells: a severity chip cell and a wrapping text cell keep their graphic for good and only
 * change what it shows (a filter keystroke updates every visible row; a graphic taken out and put back had its styles
 * matched again each time).
 */
@ExtendWith(ApplicationExtension.class)
class TableCellsTest {
    record Row(String name, Severity severity) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private TableView<Row> table;

    @Start
    void start(Stage stage) {
        TestPageContext.lightTheme();
        table = new TableView<>(rows);
        TableColumn<Row, String> name = Columns.wrapping("Name", 200, Row::name);
        TableColumn<Row, Severity> severity = Columns.of("Severity", 140, Row::severity);
        severity.setCellFactory(c -> new SeverityChip.Cell<>(true));
        table.getColumns().add(name);
        table.getColumns().add(severity);
        stage.setScene(new Scene(table, 500, 400));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private List<TableCell<Row, ?>> cells(String styleClassOfColumn) {
        List<TableCell<Row, ?>> out = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            TableCell<Row, ?> c = (TableCell<Row, ?>) n;
            if (c.getTableColumn() != null && c.getTableColumn().getText().equals(styleClassOfColumn)
                    && c.getIndex() >= 0 && c.getIndex() < rows.size() && c.isVisible()
                    && c.getTableRow() != null && c.getTableRow().isVisible()) {
                out.add(c);
            }
        }
        return out;
    }

    private Paint background(SeverityChip chip) {
        return chip.getBackground().getFills().get(0).getFill();
    }

    @Test
    void aSeverityCellKeepsOneChipAndShowsEachRowsSeverity(FxRobot robot) {
        robot.interact(() -> rows.setAll(new Row("a", Severity.CRITICAL), new Row("b", Severity.LOW),
                new Row("c", null), new Row("d", Severity.HIGH)));
        Map<TableCell<Row, ?>, Node> chips = new IdentityHashMap<>();
        Map<Severity, Paint> colours = new java.util.EnumMap<>(Severity.class);
        robot.interact(() -> {
            for (TableCell<Row, ?> c : cells("Severity")) {
                Severity s = rows.get(c.getIndex()).severity();
                SeverityChip chip = (SeverityChip) c.getGraphic();
                if (s == null) {
                    assertThat(chip == null || !chip.isVisible()).as("no chip shown without a severity").isTrue();
                    continue;
                }
                chips.put(c, chip);
                assertThat(chip.isVisible()).isTrue();
                assertThat(chip.getText()).isEqualTo(s.label());
                assertThat(chip.getPseudoClassStates()).contains(PseudoClass.getPseudoClass(
                        s.name().toLowerCase(java.util.Locale.ROOT)));
                assertThat(chip.getPseudoClassStates()).hasSize(1);
                colours.put(s, background(chip));
            }
        });
        assertThat(colours).containsOnlyKeys(Severity.CRITICAL, Severity.LOW, Severity.HIGH);
        assertThat(Set.copyOf(colours.values())).as("each severity its own colours, from the style sheet").hasSize(3);

        // the rows change (a filter): every cell shows its new row's severity in the chip it already had
        robot.interact(() -> rows.setAll(new Row("d", Severity.HIGH), new Row("a", Severity.CRITICAL),
                new Row("e", Severity.LOW), new Row("f", Severity.MEDIUM)));
        robot.interact(() -> {
            for (TableCell<Row, ?> c : cells("Severity")) {
                SeverityChip chip = (SeverityChip) c.getGraphic();
                Severity s = rows.get(c.getIndex()).severity();
                if (chips.containsKey(c)) {
                    assertThat(chip).as("the same chip, not a new one").isSameAs(chips.get(c));
                }
                assertThat(chip.isVisible()).isTrue();
                assertThat(chip.severity()).isEqualTo(s);
                assertThat(chip.getText()).isEqualTo(s.label());
                assertThat(chip.getPseudoClassStates()).containsExactly(PseudoClass.getPseudoClass(
                        s.name().toLowerCase(java.util.Locale.ROOT)));
                if (colours.containsKey(s)) {
                    assertThat(background(chip)).isEqualTo(colours.get(s));
                }
            }
        });

        // the rows go away: the chips of now empty rows are hidden, not left showing the old severity
        robot.interact(() -> rows.setAll(new Row("a", Severity.CRITICAL)));
        robot.interact(() -> {
            for (TableCell<Row, ?> c : chips.keySet()) {
                if (c.isEmpty()) {
                    assertThat(c.getGraphic() == null || !c.getGraphic().isVisible()).isTrue();
                }
            }
        });
    }

    @Test
    void aStandaloneChipShowsItsSeverity() {
        SeverityChip chip = new SeverityChip(Severity.MEDIUM);
        assertThat(chip.getText()).isEqualTo(Severity.MEDIUM.label());
        assertThat(chip.getPseudoClassStates()).containsExactly(PseudoClass.getPseudoClass("medium"));
        chip.setSeverity(Severity.INFO);
        assertThat(chip.getText()).isEqualTo(Severity.INFO.label());
        assertThat(chip.getPseudoClassStates()).containsExactly(PseudoClass.getPseudoClass("info"));
        assertThat(((org.kordamp.ikonli.javafx.FontIcon) chip.getGraphic()).getIconCode())
                .isEqualTo(SeverityChip.icon(Severity.INFO));
    }

    @Test
    void aWrappingCellKeepsItsTextNodeAndEmptiesItForAnEmptyRow(FxRobot robot) {
        robot.interact(() -> rows.setAll(new Row("first row", Severity.LOW), new Row("second", Severity.LOW)));
        Map<TableCell<Row, ?>, Node> texts = new IdentityHashMap<>();
        robot.interact(() -> {
            for (TableCell<Row, ?> c : cells("Name")) {
                assertThat(c.getGraphic()).isInstanceOf(Text.class);
                assertThat(((Text) c.getGraphic()).getText()).isEqualTo(rows.get(c.getIndex()).name());
                texts.put(c, c.getGraphic());
            }
        });
        assertThat(texts).hasSize(2);
        robot.interact(() -> rows.setAll(new Row("other", Severity.LOW)));
        robot.interact(() -> {
            for (Map.Entry<TableCell<Row, ?>, Node> e : texts.entrySet()) {
                TableCell<Row, ?> c = e.getKey();
                assertThat(c.getGraphic()).as("the same text node").isSameAs(e.getValue());
                assertThat(((Text) c.getGraphic()).getText())
                        .isEqualTo(c.isEmpty() ? "" : rows.get(c.getIndex()).name());
            }
        });
    }
}
