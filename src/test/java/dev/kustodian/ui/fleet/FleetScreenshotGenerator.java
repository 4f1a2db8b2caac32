package dev.kustodian.ui.fleet;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.ui.app.ContextSource;
import dev.kustodian.ui.app.SessionOpener;
import dev.kustodian.ui.app.Settings;
import dev.kustodian.ui.app.ShellView;
import dev.kustodian.ui.framework.KubeContexts;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code 9-fleet.png}: the Fleet page after "Scan all" over four kubeconfig contexts, each reachable one being the demo
 * cluster and "lab-offline" refusing the connection, with the last in-cluster scan read from the reports the scanner
 * published to prod-eu (1600×1000, light). Runs only with
 * {@code -Dkustodian.screenshots=true}:
 * <pre>mvn -B -q -o test -Dtest=FleetScreenshotGenerator -Dtest.extraArgs=-Dkustodian.screenshots=true</pre>
 */
@ExtendWith(ApplicationExtension.class)
class FleetScreenshotGenerator {
    @Test
    void render(FxRobot robot) {
        Path out = Screenshots.folder();
        FleetFixture fixture = new FleetFixture();
        Map<String, String> servers = new LinkedHashMap<>();
        fixture.list().forEach(e -> servers.put(e.name(), e.server()));
        List<ClusterSession> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        SessionOpener opener = (spec, progress, cancel) -> {
            if (spec.kind() == SourceSpec.Kind.LIVE && FleetFixture.UNREACHABLE.equals(spec.context())) {
                return fixture.load(spec.context(), progress, cancel); // throws: refused
            }
            ClusterSession s = Screenshots.demo(progress, cancel);
            opened.add(s);
            return s;
        };
        // the contexts as listed, their published in-cluster reports from the fixture (prod-eu has some)
        ContextSource source = ContextSource.of(fixture.list().stream().map(KubeContexts.Entry::name).toList(),
                "staging", true, servers, fixture::connect);
        ShellView shell = Screenshots.shell(robot, new RecordingDialogService(), opener, source, Settings.inMemory());
        Scene scene = shell.getScene();
        FleetPage fleet = (FleetPage) shell.page("fleet").orElseThrow();
        robot.interact(() -> shell.showPage(fleet));
        robot.interact(fleet::scanAll);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<FleetViewModel.Row> t = (TableView<FleetViewModel.Row>) scene.lookup("#fleet-table");
            t.getSelectionModel().select(0); // prod-eu: its detail line shows the published in-cluster scan
        });
        String file = Screenshots.shoot(robot, scene, out.resolve("9-fleet.png"));
        opened.forEach(ClusterSession::close);
        System.out.println("Screenshots written: [" + file + "]");
    }
}
