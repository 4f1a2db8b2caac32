package dev.kustodian.ui.encryption;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.encryption.EtcdCliFixture;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ObjectMeta;
import dev.kustodian.core.model.PodSpecInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.WorkloadInfo;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Encryption page: posture + Fix, file analysis, and etcd / snapshot verification against a real etcd. */
@ExtendWith(ApplicationExtension.class)
class EncryptionPageTest {
    private final AppState state = new AppState();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> openedWizards = new ArrayList<>();
    private EncryptionPage page;

    static WorkloadInfo apiserver(String name, String... args) {
        List<String> cmd = new ArrayList<>(List.of("kube-apiserver", "--etcd-servers=https://127.0.0.1:2379"));
        cmd.addAll(List.of(args));
        PodSpecInfo.Container c = new PodSpecInfo.Container("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.31.0",
                false, null, null, null, cmd, false);
        PodSpecInfo spec = new PodSpecInfo("default", null, null, null, List.of(c), null, true, "cp-1");
        ObjectMeta meta = new ObjectMeta("kube-system", name, null,
                Map.of("component", "kube-apiserver", "tier", "control-plane"), null, null, null, null);
        return new WorkloadInfo("Pod", meta, spec, "Running");
    }

    @Start
    void start(Stage stage) {
        TestPageContext.lightTheme();
        WizardRegistry wizards = new WizardRegistry().register(EncryptionConfigWizard::new)
                .register(EncryptionRotationWizard::new);
        TestPageContext ctx = new TestPageContext(state, new SameThreadTaskExecutor(), dialogs, wizards, openedWizards);
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.DEMO, "demo", "", "v1.31.2",
                Instant.EPOCH, null));
        b.workloads.add(apiserver("kube-apiserver-cp-1", "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
                "--etcd-certfile", "/etc/kubernetes/pki/apiserver-etcd-client.crt"));
        ClusterSession session = new ClusterSession(SourceSpec.demo(), b.build(), null, "demo");
        state.session.set(session);
        page = ctx.show(stage, new EncryptionPage(ctx));
    }

    private static String texts(FxRobot robot, String container) {
        StringBuilder sb = new StringBuilder();
        for (Label l : robot.lookup(container + " .label").queryAllAs(Label.class)) {
            sb.append(l.getText()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void postureShowsTheApiserverFlagsAndTheFindingOpensTheWizard(FxRobot robot) {
        assertThat(texts(robot, "#enc-apiservers")).contains("kube-apiserver-cp-1 on cp-1",
                "NO --encryption-provider-config");
        assertThat(robot.lookup("#enc-metrics").queryAs(Label.class).getText()).contains("not read");
        // the etcd panel is pre-filled from the API server's etcd flags
        assertThat(robot.lookup("#enc-endpoints").queryAs(TextField.class).getText()).isEqualTo("https://127.0.0.1:2379");
        assertThat(robot.lookup("#enc-cacert").queryAs(TextField.class).getText())
                .isEqualTo("/etc/kubernetes/pki/etcd/ca.crt");
        assertThat(robot.lookup("#enc-cert").queryAs(TextField.class).getText())
                .isEqualTo("/etc/kubernetes/pki/apiserver-etcd-client.crt");
        assertThat(robot.lookup("#enc-etcd-hint").queryAs(Label.class).getText())
                .startsWith("Pre-filled from kube-apiserver-cp-1");
        Button fix = robot.lookup("#enc-findings .fix-button").queryButton();
        assertThat(fix.isDisabled()).isFalse();
        robot.interact(fix::fire);
        assertThat(openedWizards).hasSize(1);
        assertThat(openedWizards.get(0)).startsWith(EncryptionConfigWizard.ID);
        robot.interact(() -> robot.lookup("#enc-open-rotation-wizard").queryButton().fire());
        assertThat(openedWizards).last().isEqualTo(EncryptionRotationWizard.ID);
    }

    @Test
    void analysesFilesWithFieldPathsAndCoverage(FxRobot robot, @TempDir Path dir) throws Exception {
        Path upstream = dir.resolve("upstream.yaml");
        try (InputStream in = getClass().getResourceAsStream("/encryption/upstream-doc-example.yaml")) {
            Files.write(upstream, in.readAllBytes());
        }
        dialogs.nextFile = upstream;
        robot.interact(() -> robot.lookup("#enc-open-file").queryButton().fire());
        String errors = texts(robot, "#enc-errors");
        assertThat(errors).contains("resources[2].providers[0].aescbc.keys[0].secret:", "got 28",
                "resources[3].providers[0].aescbc.keys[0].secret:", "got 25");
        assertThat(robot.lookup("#enc-file-summary").queryAs(Label.class).getText())
                .contains("2 error(s): kube-apiserver would refuse to start");

        Path current = EncryptionWizardsTest.currentConfig(dir, "key1");
        String secret = Files.readString(current).lines().filter(l -> l.contains("secret:")).findFirst().orElseThrow()
                .replaceAll(".*secret: *", "").trim();
        dialogs.nextFile = current;
        robot.interact(() -> robot.lookup("#enc-open-file").queryButton().fire());
        assertThat(texts(robot, "#enc-errors")).isEmpty();
        assertThat(robot.lookup("#enc-file-summary").queryAs(Label.class).getText())
                .isEqualTo("Valid. Secrets are written with aesgcm.");
        assertThat(page.viewModel().coverage()).singleElement().satisfies(r -> {
            assertThat(r.resources()).isEqualTo("secrets");
            assertThat(r.writer()).isEqualTo("aesgcm");
            assertThat(r.writeKey()).isEqualTo("key1");
        });
        String observations = texts(robot, "#enc-observations");
        assertThat(observations).contains("200,000 writes", "identity is listed for reading");
        // nothing on the page shows key material
        StringBuilder all = new StringBuilder();
        for (Node n : robot.lookup(".label").queryAll()) {
            all.append(((Label) n).getText()).append('\n');
        }
        assertThat(all.toString()).doesNotContain(secret);
    }

    @Test
    void verifiesEtcdAndASnapshotAgainstARealEtcd(FxRobot robot, @TempDir Path dir) throws Exception {
        try (EtcdCliFixture etcd = EtcdCliFixture.start(dir, true)) {
            Path config = etcd.writeConfig(dir.resolve("enc.yaml"));
            robot.interact(() -> {
                robot.lookup("#enc-endpoints").queryAs(TextField.class).setText(etcd.endpoint());
                robot.lookup("#enc-cacert").queryAs(TextField.class).setText(etcd.ca().toString());
                robot.lookup("#enc-cert").queryAs(TextField.class).setText(etcd.cert().toString());
                robot.lookup("#enc-key").queryAs(TextField.class).setText(etcd.key().toString());
                robot.lookup("#enc-verify-config").queryAs(TextField.class).setText(config.toString());
                robot.lookup("#enc-verify-etcd").queryButton().fire();
            });
            String status = robot.lookup("#enc-verify-status").queryAs(Label.class).getText();
            assertThat(status).isEqualTo("5 of 12 secrets written with secretbox key key2 (current), 3 with aesgcm "
                    + "key key1, 1 with aescbc key key0, 1 with kms v2 vault (key id k-1), 2 in plaintext");
            String report = texts(robot, "#enc-report");
            assertThat(report).contains(etcd.endpoint() + ": client certificate required (good)",
                    "key proved", "not in the given config").doesNotContain("PLAINTEXT-VALUE");
            assertThat(robot.lookup("#enc-verify-cancel").queryButton().isDisabled()).isTrue();

            Path snap = dir.resolve("snap.db");
            etcd.snapshot(snap);
            dialogs.nextFile = snap;
            robot.interact(() -> robot.lookup("#enc-verify-snapshot").queryButton().fire());
            assertThat(robot.lookup("#enc-verify-status").queryAs(Label.class).getText())
                    .startsWith("5 of 12 secrets written with secretbox key key2 (current)");
            assertThat(texts(robot, "#enc-report")).doesNotContain("PLAINTEXT-VALUE");
        }
        // not a snapshot: a clear sentence, no stack trace
        Path junk = Files.writeString(dir.resolve("junk.db"), "not bbolt");
        dialogs.nextFile = junk;
        robot.interact(() -> robot.lookup("#enc-verify-snapshot").queryButton().fire());
        assertThat(robot.lookup("#enc-verify-status").queryAs(Label.class).getText()).contains("junk.db")
                .doesNotContain("Exception");
    }
}
