package dev.kustodian.ui.access;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.wizard.FormValues;
import dev.kustodian.ui.wizard.Wizard;
import dev.kustodian.ui.wizard.WizardContext;
import dev.kustodian.ui.wizard.WizardForm;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Right-size…" opens wizard right-size pre-filled with the selected subject when that wizard is registered. */
@ExtendWith(ApplicationExtension.class)
class AccessRightSizeTest {
    private final AppState state = new AppState();
    private final List<String> openedWizards = new ArrayList<>();
    private AccessPage page;

    @Start
    void start(Stage stage) {
        WizardRegistry wizards = new WizardRegistry().register(StubRightSize::new);
        TestPageContext ctx = new TestPageContext(state, new SameThreadTaskExecutor(), new RecordingDialogService(),
                wizards, openedWizards);
        state.session.set(new ClusterSession(SourceSpec.demo(), AccessFixtures.snapshot(), null, "demo"));
        page = ctx.show(stage, new AccessPage(ctx));
    }

    @Test
    void rightSizeOpensTheWizardForTheSubject(FxRobot robot) {
        robot.interact(() -> ((AccessView) page.view()).showSubject(SubjectRef.serviceAccount("team-b", "deployer")));
        robot.clickOn("#right-size");
        assertThat(openedWizards).containsExactly("right-size ServiceAccount/team-b/deployer");
    }

    static final class StubRightSize implements Wizard {
        public String id() {
            return AccessViewModel.RIGHT_SIZE_WIZARD;
        }

        public String title() {
            return "Right-size";
        }

        public String description() {
            return "stub";
        }

        public void build(WizardForm form, WizardContext ctx) {
        }

        public Bundle generate(FormValues values, WizardContext ctx) {
            return null;
        }
    }
}
