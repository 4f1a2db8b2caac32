package dev.kustodian.ui.app;

import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.Screenshots;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.ui.wizard.WizardAnswers;
import dev.kustodian.ui.wizard.WizardRegistry;
import dev.kustodian.ui.wizard.WizardView;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders every registered page and wizard at 1600×1000 into {@code screenshots/*.png} (light theme, plus the
 * Overview in dark). Runs only with {@code -Dkustodian.screenshots=true}:
 * <pre>mvn -B -q -o test -Dtest=ScreenshotGenerator -Dtest.extraArgs=-Dkustodian.screenshots=true</pre>
 * Uses the embedded demo cluster; while the demo loader is not available it falls back to the builder-made
 * {@code TestSnapshots.demoLike} cluster and says so on stdout.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotGenerator {
    @Test
    void renderAll(FxRobot robot) throws Exception {
        Path out = Screenshots.folder();
        List<ClusterSession> opened = new ArrayList<>();
        SessionOpener opener = (spec, progress, cancel) -> {
            ClusterSession s = spec.kind() == SourceSpec.Kind.SNAPSHOT ? ClusterLoader.open(spec, progress, cancel)
                    : Screenshots.demo(progress, cancel);
            opened.add(s);
            return s;
        };
        RecordingDialogService dialogs = new RecordingDialogService();
        ShellView shell = Screenshots.shell(robot, dialogs, opener, ContextSource.of(List.of(), null, false),
                Settings.inMemory());
        Scene scene = shell.getScene();
        List<String> written = new ArrayList<>();
        for (Page page : shell.pages()) {
            if (page.id().equals("fleet")) {
                continue; // FleetScreenshotGenerator renders it with several contexts (the demo alone has none)
            }
            robot.interact(() -> shell.showPage(page));
            written.add(Screenshots.shoot(robot, scene, out.resolve(String.format("%d-%s.png", page.order(), page.id()))));
        }
        // the External stores page's findings tab
        robot.interact(() -> shell.page("external-stores").ifPresent(p -> {
            shell.showPage(p);
            for (javafx.scene.Node n : scene.getRoot().lookupAll(".tab-pane")) {
                javafx.scene.control.TabPane tp = (javafx.scene.control.TabPane) n;
                tp.getTabs().stream().filter(t -> "stores-tab-findings".equals(t.getId())).findFirst()
                        .ifPresent(t -> tp.getSelectionModel().select(t));
            }
        }));
        written.add(Screenshots.shoot(robot, scene, out.resolve("5-external-stores-findings.png")));
        WizardRegistry wizards = Pages.wizards();
        for (String id : wizards.ids()) {
            robot.interact(() -> {
                Optional<WizardView> w = shell.openWizard(id, null);
                w.ifPresent(v -> replayAnswers(id, v));
            });
            written.add(Screenshots.shoot(robot, scene, out.resolve("wizard-" + id + ".png")));
        }
        robot.interact(() -> {
            shell.page("overview").ifPresent(shell::showPage);
            shell.viewModel().state.theme.set(AppState.Theme.DARK);
        });
        written.add(Screenshots.shoot(robot, scene, out.resolve("1-overview-dark.png")));
        robot.interact(() -> shell.viewModel().state.theme.set(AppState.Theme.LIGHT));
        // an error state, as the user sees it for an unreadable snapshot path
        robot.interact(() -> shell.viewModel().openSnapshot(Path.of("/home/admin/audit-2026-11.yaml")));
        written.add(Screenshots.shoot(robot, scene, out.resolve("error-unreadable-snapshot.png")));
        opened.forEach(ClusterSession::close);
        System.out.println("Screenshots written: " + written);
    }

    private static void replayAnswers(String wizardId, WizardView view) {
        try (InputStream in = ScreenshotGenerator.class.getResourceAsStream("/screenshots/" + wizardId + ".answers")) {
            if (in == null) {
                return;
            }
            Path tmp = Files.createTempFile("kustodian-answers", ".properties");
            try {
                Files.write(tmp, in.readAllBytes());
                WizardAnswers.load(wizardId, view.viewModel().form, tmp);
                // optional "step=N" (1-based): show that step instead of the first
                java.util.Properties p = new java.util.Properties();
                try (java.io.Reader r = Files.newBufferedReader(tmp)) {
                    p.load(r);
                }
                if (p.getProperty("step") != null) {
                    javafx.application.Platform.runLater(() ->
                            view.viewModel().goTo(Integer.parseInt(p.getProperty("step").trim()) - 1));
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
