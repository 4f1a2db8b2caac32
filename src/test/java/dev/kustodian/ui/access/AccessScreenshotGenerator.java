package dev.kustodian.ui.access;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.rbac.Reader;
import dev.kustodian.core.rbac.SubjectRisk;
import dev.kustodian.ui.framework.Screenshots;
import dev.kustodian.ui.app.SessionOpener;
import dev.kustodian.ui.app.ShellView;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The Access page's screenshots on the demo cluster: {@code 3-access.png} (ranked subjects),
 * {@code 3-access-subject.png} (the top-ranked subject with its binding paths) and
 * {@code 3-access-secret-readers.png} (the readers of the secret with the most non-system readers). Runs only with
 * {@code -Dkustodian.screenshots=true}:
 * <pre>mvn -B -q -o test -Dtest='*ScreenshotGenerator' -Dtest.extraArgs=-Dkustodian.screenshots=true</pre>
 */
@ExtendWith(ApplicationExtension.class)
class AccessScreenshotGenerator {
    @Test
    void renderAccess(FxRobot robot) throws Exception {
        Path out = Screenshots.folder();
        ClusterSession[] session = new ClusterSession[1];
        SessionOpener opener = (spec, progress, cancel) -> {
            session[0] = Screenshots.demo(progress, cancel);
            return session[0];
        };
        ShellView shell = Screenshots.shell(robot, opener);
        Scene scene = shell.getScene();
        AccessPage page = (AccessPage) shell.page("access").orElseThrow();
        AccessView view = (AccessView) page.view();
        robot.interact(() -> shell.showPage(page));
        Screenshots.shoot(robot, scene, out.resolve("3-access.png"));

        AccessViewModel vm = page.viewModel();
        List<SubjectRisk> ranked = List.copyOf(vm.subjects);
        if (!ranked.isEmpty()) {
            robot.interact(() -> {
                view.showSubject(ranked.get(0).subject());
                view.showSubjectPart("part-paths");
            });
            Screenshots.shoot(robot, scene, out.resolve("3-access-subject.png"));
        }
        String secret = vm.secretChoices.stream()
                .max(Comparator.comparingLong(s -> nonSystemReaders(vm, s))).orElse(null);
        if (secret != null) {
            robot.interact(() -> view.showSecret(secret));
            Screenshots.shoot(robot, scene, out.resolve("3-access-secret-readers.png"));
        }
        if (session[0] != null) {
            session[0].close();
        }
    }

    private static long nonSystemReaders(AccessViewModel vm, String key) {
        String[] p = key.split("/", 2);
        return vm.analysis.get().readers().readers(p[0], p[1]).stream().filter(r -> !r.system())
                .map(Reader::subject).distinct().count();
    }
}
