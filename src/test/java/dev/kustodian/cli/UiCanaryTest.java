package dev.kustodian.cli;

import dev.kustodian.ui.app.Pages;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.report.ReportFormat;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.reports.ReportsPage;
import dev.kustodian.ui.secrets.SecretRow;
import dev.kustodian.ui.secrets.SecretsFixture;
import dev.kustodian.ui.secrets.SecretsPage;
import dev.kustodian.ui.secrets.SecretsView;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GUI part of the secret-safety canary: the Secrets and Reports pages on the canary snapshot (secret values,
 * ConfigMap values, env literals and annotations are unique markers). Selecting every secret and every finding
 * (system ones included) and exporting every format must not put a marker into any Labeled, TextInputControl,
 * tooltip or exported file — except a revealed value while it is revealed, which must be gone after the auto-hide.
 */
@ExtendWith(ApplicationExtension.class)
class UiCanaryTest {
    /** The value of key password of secret shop/db in the canary YAML. */
    private static final String DB_PASSWORD = "CANARY-7f3a-DATA-PW-Xk29fLq81";

    @TempDir
    static Path dir;
    static Set<String> forbidden;

    private final AppState state = new AppState();
    private final SecretsFixture.ManualTimer timer = new SecretsFixture.ManualTimer();
    private final SecretsFixture.FakeClipboard clipboard = new SecretsFixture.FakeClipboard();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Stage stage;
    private StackPane root;

    @BeforeAll
    static void seed() throws IOException {
        try (InputStream in = UiCanaryTest.class.getResourceAsStream("/canary/secrets.yaml")) {
            assertThat(in).isNotNull();
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve("cluster"));
            Files.writeString(dir.resolve("cluster/secrets.yaml"), yaml);
            forbidden = CanaryTest.forbiddenStrings(yaml);
        }
        assertThat(forbidden).contains(DB_PASSWORD);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
    }

    @Test
    void secretsAndReportsPagesShowNoMarkerAndARevealedValueIsGoneAfterTheAutoHide(FxRobot robot) throws Exception {
        ClusterSession session = CanaryTest.openOrSkip(dir.resolve("cluster"));
        List<Finding> findings = dev.kustodian.core.analysis.Analysis.of(session.snapshot()).findings();
        PageContext ctx = SecretsFixture.context(state, new SameThreadTaskExecutor(), dialogs, Pages.wizards(),
                new ArrayList<>());
        SecretsPage[] secrets = new SecretsPage[1];
        ReportsPage[] reports = new ReportsPage[1];
        robot.interact(() -> {
            state.findings.set(findings);
            state.session.set(session);
            secrets[0] = new SecretsPage(ctx, timer, clipboard, java.time.Clock.systemUTC());
            reports[0] = new ReportsPage(ctx);
            secrets[0].onSnapshot(session.snapshot(), session);
            reports[0].onSnapshot(session.snapshot(), session);
            root = new StackPane(secrets[0].view());
            stage.setScene(new Scene(root, 1600, 1000));
            stage.show();
        });
        // --- Secrets: every secret selected in turn
        List<SecretRow> rows = new ArrayList<>(secrets[0].viewModel().filtered);
        assertThat(rows).extracting(SecretRow::name).contains("db", "shared-copy", "regcred");
        for (SecretRow r : rows) {
            robot.interact(() -> secrets[0].viewModel().selected.set(r));
            assertClean("Secrets page with " + r.key() + " selected", sceneText());
        }
        // --- reveal: a snapshot has no values, so the canary uses a fetcher double for shop/db
        SecretRow db = rows.stream().filter(r -> r.key().equals("shop/db")).findFirst().orElseThrow();
        robot.interact(() -> {
            secrets[0].viewModel().selected.set(db);
            secrets[0].viewModel().reveal.setFetcher((ns, name, key) ->
                    DB_PASSWORD.getBytes(StandardCharsets.UTF_8), null);
        });
        robot.clickOn("#reveal-password");
        String revealed = sceneText();
        assertThat(revealed).contains(DB_PASSWORD);
        Label value = robot.lookup("#value-password").queryAs(Label.class);
        assertThat(value.getText()).isEqualTo(DB_PASSWORD);
        // the marker is only in that one label
        assertClean("Secrets page while revealed, outside the value label",
                revealed.replaceFirst(java.util.regex.Pattern.quote(DB_PASSWORD), ""));
        robot.interact(timer::fireAll);
        assertThat(value.getText()).isEqualTo(SecretsView.MASK);
        assertClean("Secrets page after the auto-hide", sceneText());
        assertThat(secrets[0].viewModel().reveal.revealedText.get()).isNull();

        // --- Reports: every finding, system ones included, selected in turn; every export format
        robot.interact(() -> {
            root.getChildren().setAll(reports[0].view());
            reports[0].viewModel().includeSystem.set(true);
        });
        List<Finding> shown = new ArrayList<>(reports[0].viewModel().filtered);
        assertThat(shown).extracting(Finding::rule).contains("SEC-VALUE-OUTSIDE-SECRET", "SEC-SHARED-VALUE");
        for (Finding f : shown) {
            robot.interact(() -> reports[0].viewModel().selected.set(f));
            assertClean("Reports page with " + f.id() + " selected", sceneText());
        }
        for (ReportFormat fmt : ReportFormat.values()) {
            Path file = dir.resolve("ui-report." + fmt.extension());
            dialogs.nextFile = file;
            robot.interact(() -> robot.lookup("#export-format").queryAs(ComboBox.class).setValue(fmt));
            robot.clickOn("#export-button");
            assertThat(file).exists();
            assertClean("exported " + fmt.id() + " report", Files.readString(file));
        }
        dialogs.shown.forEach(s -> assertClean("dialog " + s.title(), s.title() + "\n" + s.message()));
        session.close();
    }

    private String sceneText() {
        StringBuilder b = new StringBuilder();
        walk(stage.getScene().getRoot(), b);
        return b.toString();
    }

    /** Every text a user can see: Labeled and text input texts, tooltips, table column titles, titled panes. */
    private static void walk(Node n, StringBuilder b) {
        if (n instanceof Labeled l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (n instanceof TextInputControl t) {
            b.append(t.getText()).append('\n').append(t.getPromptText()).append('\n');
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            b.append(c.getTooltip().getText()).append('\n');
        }
        if (n instanceof TableView<?> tv) {
            for (TableColumn<?, ?> col : tv.getColumns()) {
                b.append(col.getText()).append('\n');
            }
        }
        if (n instanceof TitledPane tp && tp.getContent() != null) {
            walk(tp.getContent(), b);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, b);
            }
        }
    }

    private static void assertClean(String what, String text) {
        for (String f : forbidden) {
            assertThat(text).as(what + " must not contain a canary value").doesNotContain(f);
        }
    }
}
