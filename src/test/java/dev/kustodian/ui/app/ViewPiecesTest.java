package dev.kustodian.ui.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view attached in parts while prepared ahead: its larger parts leave as placeholders, come back a few per call,
 * parents first, and the view ends exactly as it was built (same nodes, same places, a split pane's items and divider
 * untouched); a part whose place the page's own code changed meanwhile is not put back.
 */
@ExtendWith(ApplicationExtension.class)
class ViewPiecesTest {

    @Test
    void partsLeaveAsPlaceholdersAndComeBackInTheirPlacesParentsFirst(FxRobot robot) {
        robot.interact(() -> {
            BorderPane view = view();
            SplitPane split = (SplitPane) view.getCenter();
            List<String> built = tree(view);

            ViewPieces pieces = ViewPieces.cut(view, 10);
            assertThat(pieces.remaining()).isGreaterThan(3);
            assertThat(tree(view)).as("the frame: fewer nodes than the view").hasSizeLessThan(built.size());
            assertThat(view.getTop()).as("a border pane's position holds a placeholder").isNotInstanceOf(HBox.class);
            assertThat(split.getItems()).as("a split pane's items stay (their dividers would reset)").hasSize(2)
                    .allSatisfy(n -> assertThat(n).isInstanceOfAny(VBox.class, ScrollPane.class));

            int calls = 0;
            List<Integer> sizes = new ArrayList<>();
            while (pieces.restoreNext()) {
                calls++;
                sizes.add(tree(view).size());
            }
            assertThat(calls).as("a few parts per call").isGreaterThan(1);
            assertThat(sizes).as("every call brings more of the view back").isSorted();
            assertThat(pieces.remaining()).isZero();
            assertThat(tree(view)).as("the view as it was built").isEqualTo(built);
            assertThat(split.getDividerPositions()).containsExactly(0.3);
        });
    }

    @Test
    void restoreAllPutsEveryPartBackAtOnce(FxRobot robot) {
        robot.interact(() -> {
            BorderPane view = view();
            List<String> built = tree(view);
            ViewPieces pieces = ViewPieces.cut(view, 10);
            pieces.restoreNext();
            pieces.restoreAll();
            assertThat(pieces.remaining()).isZero();
            assertThat(tree(view)).isEqualTo(built);
        });
    }

    @Test
    void aPlaceTheViewsCodeChangedMeanwhileKeepsWhatTheCodeSet(FxRobot robot) {
        robot.interact(() -> {
            BorderPane view = view();
            ScrollPane scroll = (ScrollPane) ((SplitPane) view.getCenter()).getItems().get(1);
            VBox detail = (VBox) scroll.getContent();
            ViewPieces pieces = ViewPieces.cut(view, 10);
            assertThat(detail.getChildren()).as("the detail's cards are out").noneMatch(n -> n instanceof StackPane);

            Label fresh = new Label("a result arrived");
            detail.getChildren().setAll(fresh); // e.g. a callback renders the detail again
            pieces.restoreAll();

            assertThat(detail.getChildren()).containsExactly(fresh);
        });
    }

    @Test
    void aSmallViewIsAttachedWhole(FxRobot robot) {
        robot.interact(() -> {
            VBox small = new VBox(new Label("a"), new Label("b"));
            List<String> built = tree(small);
            ViewPieces pieces = ViewPieces.cut(small, 40);
            assertThat(pieces.remaining()).isZero();
            assertThat(pieces.restoreNext()).isFalse();
            assertThat(tree(small)).isEqualTo(built);
        });
    }

    /** A page-like view: a header on top, a split pane of a list and a scrolled detail of cards and grids. */
    private static BorderPane view() {
        BorderPane view = new BorderPane();
        view.setTop(new HBox(8, new VBox(new Label("Title"), new Label("subtitle")), new Label("filter"),
                new Label("type")));
        VBox list = new VBox();
        for (int i = 0; i < 6; i++) {
            list.getChildren().add(new HBox(new Label("row " + i), new Label("value " + i)));
        }
        VBox detail = new VBox();
        for (int i = 0; i < 4; i++) {
            GridPane grid = new GridPane();
            for (int r = 0; r < 3; r++) {
                grid.add(new Label("key " + r), 0, r);
                grid.add(new Label("value " + r), 1, r);
            }
            detail.getChildren().add(new StackPane(new VBox(new Label("card " + i), grid)));
        }
        SplitPane split = new SplitPane(list, new ScrollPane(detail));
        split.setDividerPositions(0.3);
        view.setCenter(split);
        return view;
    }

    /** Every node of the view as built (a pane's children, a control's content), by identity and place. */
    private static List<String> tree(Node n) {
        List<String> out = new ArrayList<>();
        walk(n, "", out);
        return out;
    }

    private static void walk(Node n, String path, List<String> out) {
        out.add(path + " " + n.getClass().getSimpleName() + "@" + System.identityHashCode(n)
                + (n instanceof Label l ? " " + l.getText() : ""));
        List<Node> children = n instanceof SplitPane s ? s.getItems()
                : n instanceof ScrollPane s ? List.of(s.getContent())
                : n instanceof Parent p && !(n instanceof javafx.scene.control.Control) ? p.getChildrenUnmodifiable()
                : List.of();
        for (int i = 0; i < children.size(); i++) {
            walk(children.get(i), path + "/" + i, out);
        }
    }
}
