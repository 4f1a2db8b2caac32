package dev.kustodian.ui.framework;

import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.feather.Feather;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paced steps run in order, each with a pulse of its own; a page kept hidden shows a background result in such a step
 * (or at its next show, whichever comes first), a page on screen at once.
 */
@ExtendWith(ApplicationExtension.class)
class PacedStepsTest {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final StackPane root = new StackPane();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(root, 400, 300);
        scene.addPostLayoutPulseListener(() -> events.add("pulse"));
        stage.setScene(scene);
        stage.show();
    }

    /** A page whose view is a label; {@code results} counts the results it was shown. */
    static final class ResultPage extends AbstractPage<Label, Object> {
        int results;

        ResultPage(PageContext ctx) {
            super(ctx, new PageInfo("result", "Result", Feather.EYE, 1), new Object(), (vm, c) -> new Label("result"));
        }

        @Override
        public void onSnapshot(dev.kustodian.core.model.ClusterSnapshot snapshot,
                               dev.kustodian.core.cluster.ClusterSession session) {
        }

        void arrive() {
            showResult(() -> results++);
        }

        /** A newer load shown at once (as the Overview does for a small one): older results are stale. */
        void newerLoadShownAtOnce() {
            latest().invalidate();
        }
    }

    /** A page whose view is in the window hidden, as the shell keeps a page prepared ahead or left for another. */
    private ResultPage keptHiddenPage(FxRobot robot) {
        ResultPage page = page();
        robot.interact(() -> {
            page.view().setVisible(false);
            root.getChildren().add(page.view());
        });
        return page;
    }

    private ResultPage page() {
        return new ResultPage(new TestPageContext(new AppState(), new SameThreadTaskExecutor(),
                new RecordingDialogService(), new WizardRegistry(), new ArrayList<>()));
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, condition); // waits for pulses; asserts no duration
    }

    private int pending(FxRobot robot) {
        int[] n = new int[1];
        robot.interact(() -> n[0] = PacedSteps.of(scene).pending());
        return n[0];
    }

    @Test
    void stepsRunInOrderEachWithAPulseOfItsOwn(FxRobot robot) throws Exception {
        robot.interact(() -> {
            int before = PacedSteps.of(scene).pending();
            PacedSteps steps = PacedSteps.of(scene);
            steps.add(() -> events.add("a"));
            steps.add(() -> {
                events.add("b");
                steps.add(() -> events.add("d")); // added by a step: after those added before it
            });
            steps.add(() -> events.add("c"));
            assertThat(events).as("nothing runs at once").doesNotContain("a");
            assertThat(PacedSteps.of(scene).pending()).isEqualTo(before + 3);
        });
        waitUntil(() -> events.contains("d"));

        List<String> ran = new ArrayList<>(events);
        List<String> stepsOnly = ran.stream().filter(e -> !e.equals("pulse")).toList();
        assertThat(stepsOnly).containsExactly("a", "b", "c", "d");
        for (int i = 0; i < stepsOnly.size() - 1; i++) {
            List<String> between = ran.subList(ran.indexOf(stepsOnly.get(i)) + 1, ran.indexOf(stepsOnly.get(i + 1)));
            assertThat(between).as("pulses between %s and %s", stepsOnly.get(i), stepsOnly.get(i + 1))
                    .contains("pulse");
        }
        assertThat(pending(robot)).isZero();
    }

    @Test
    void aPageKeptHiddenShowsItsResultInAPacedStepAndOnlyTheLatest(FxRobot robot) throws Exception {
        ResultPage page = keptHiddenPage(robot);
        robot.interact(() -> {
            page.arrive();
            page.arrive(); // a newer result before the step ran: one step, one application
            assertThat(page.results).as("not at once while hidden").isZero();
        });
        waitUntil(() -> pending(robot) == 0);
        robot.interact(() -> assertThat(page.results).isEqualTo(1));
    }

    @Test
    void aWaitingResultIsDroppedOnceThePageMovedOnToANewerLoad(FxRobot robot) throws Exception {
        ResultPage page = keptHiddenPage(robot);
        robot.interact(() -> {
            page.arrive();
            page.newerLoadShownAtOnce();
        });
        waitUntil(() -> pending(robot) == 0);
        robot.interact(() -> {
            assertThat(page.results).as("the stale result is not shown in its step").isZero();
            page.view().setVisible(true);
            assertThat(page.results).as("nor when shown").isZero();
        });
    }

    @Test
    void aPageKeptHiddenShowsAWaitingResultWhenShownFirst(FxRobot robot) throws Exception {
        ResultPage page = keptHiddenPage(robot);
        robot.interact(() -> {
            page.arrive();
            page.view().setVisible(true); // shown before its step: never the previous figures
            assertThat(page.results).isEqualTo(1);
        });
        waitUntil(() -> pending(robot) == 0);
        robot.interact(() -> assertThat(page.results).as("not again in the step").isEqualTo(1));
    }

    @Test
    void aPageOnScreenOrOutOfTheWindowShowsItsResultAtOnce(FxRobot robot) {
        ResultPage shown = page();
        ResultPage notInWindow = page();
        robot.interact(() -> {
            root.getChildren().add(shown.view());
            shown.arrive();
            notInWindow.view(); // created, never added to a scene
            notInWindow.arrive();
            assertThat(shown.results).isEqualTo(1);
            assertThat(notInWindow.results).isEqualTo(1);
            assertThat(PacedSteps.of(scene).pending()).isZero();
        });
    }
}
