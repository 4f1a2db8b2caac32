package dev.kustodian.ui.secrets;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.ui.framework.Page;
import dev.kustodian.ui.framework.Screenshots;
import dev.kustodian.ui.app.SessionOpener;
import dev.kustodian.ui.app.ShellView;
import dev.kustodian.ui.reports.ReportsPage;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Secrets and Reports pages in use, on the demo cluster (1600×1000, light): {@code 2-secrets-tls.png} (a TLS
 * secret selected), {@code 2-secrets-readers.png} (the readers of a secret with their paths) and
 * {@code 7-reports-detail.png} (a finding selected). Runs only with {@code -Dkustodian.screenshots=true}:
 * <pre>mvn -B -q -o test -Dtest='*ScreenshotGenerator' -Dtest.extraArgs=-Dkustodian.screenshots=true</pre>
 */
@ExtendWith(ApplicationExtension.class)
class SecretsScreenshotGenerator {
    @Test
    void render(FxRobot robot) {
        Path out = Screenshots.folder();
        List<ClusterSession> opened = new ArrayList<>();
        SessionOpener opener = (spec, progress, cancel) -> {
            ClusterSession s = Screenshots.demo(progress, cancel);
            opened.add(s);
            return s;
        };
        ShellView shell = Screenshots.shell(robot, opener);
        Scene scene = shell.getScene();
        SecretsPage secrets = (SecretsPage) shell.page("secrets").orElseThrow();
        SecretsViewModel vm = secrets.viewModel();
        robot.interact(() -> shell.showPage(secrets));
        List<String> written = new ArrayList<>();
        // a TLS secret with certificate facts, preferring one that expires soon
        SecretRow tls = vm.filtered.stream().filter(r -> r.secret().tls() != null)
                .min(Comparator.comparing(r -> r.secret().tls().notAfter() == null ? java.time.Instant.MAX
                        : r.secret().tls().notAfter()))
                .or(() -> vm.filtered.stream().filter(r -> SecretInfo.TYPE_TLS.equals(r.type())).findFirst())
                .orElse(null);
        if (tls != null) {
            robot.interact(() -> vm.selected.set(tls));
            written.add(Screenshots.shoot(robot, scene, out.resolve("2-secrets-tls.png")));
        }
        // the secret with the most non-system readers that has a direct reader: the readers with their paths
        SecretRow readers = vm.filtered.stream().filter(r -> !r.namespace().startsWith("kube-"))
                .max(Comparator.comparingInt(SecretRow::readerCount)).orElse(null);
        if (readers != null) {
            robot.interact(() -> vm.selected.set(readers));
            robot.interact(() -> scrollTo(secrets.view(), "#secret-readers"));
            written.add(Screenshots.shoot(robot, scene, out.resolve("2-secrets-readers.png")));
        }
        Page reportsPage = shell.page("reports").orElseThrow();
        ReportsPage reports = (ReportsPage) reportsPage;
        robot.interact(() -> {
            shell.showPage(reportsPage);
            reports.viewModel().filtered.stream()
                    .filter(f -> f.fix() != null).findFirst()
                    .ifPresent(f -> reports.viewModel().selected.set(f));
        });
        written.add(Screenshots.shoot(robot, scene, out.resolve("7-reports-detail.png")));
        opened.forEach(ClusterSession::close);
        System.out.println("Screenshots written: " + written);
    }

    private static void scrollTo(Node view, String id) {
        view.applyCss();
        if (view instanceof javafx.scene.Parent p) {
            p.layout();
        }
        ScrollPane sp = (ScrollPane) view.lookup("#secret-detail-scroll");
        Node target = view.lookup(id);
        if (sp == null || target == null) {
            return;
        }
        Node content = sp.getContent();
        double y = content.sceneToLocal(target.localToScene(0, 0)).getY() - 40;
        double h = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
        sp.setVvalue(h <= 0 ? 0 : Math.min(1, Math.max(0, y / h)));
    }
}
