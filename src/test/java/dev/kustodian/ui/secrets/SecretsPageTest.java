package dev.kustodian.ui.secrets;

import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.port.FakeClusterPort;
import dev.kustodian.ui.framework.AppState;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestPageContext;
import dev.kustodian.ui.wizard.WizardRegistry;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Secrets page on a builder-made cluster: inventory, filters, detail (facts, uses, readers with paths,
 * findings), and the safe reveal against fabric8's mock server (value shown, auto-hide by the test timer, copy and
 * clipboard clear, 403).
 */
@ExtendWith(ApplicationExtension.class)
class SecretsPageTest {
    static final String VALUE = "s3cr3t-Pa55word-for-the-test";

    private final FakeClusterPort cluster = new FakeClusterPort("test");

    private final AppState state = new AppState();
    private final List<String> opened = new ArrayList<>();
    private final SecretsFixture.ManualTimer timer = new SecretsFixture.ManualTimer();
    private final SecretsFixture.FakeClipboard clipboard = new SecretsFixture.FakeClipboard();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private SecretsPage page;
    private Stage stage;
    private javafx.scene.layout.StackPane holder;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestPageContext.lightTheme();
    }

    @BeforeEach
    void secrets() {
        cluster.secret("shop", "db", Map.of("password", VALUE.getBytes(StandardCharsets.UTF_8),
                "username", "admin".getBytes(StandardCharsets.UTF_8)));
        cluster.secret("payments", "web-tls", Map.of("tls.key",
                new byte[]{(byte) 0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe, 0, 1}));
        cluster.failing("shop", "api-token", 403);
    }

    private void open(FxRobot robot, SourceSpec spec, FakeClusterPort c) {
        robot.interact(() -> {
            ClusterSnapshot s = SecretsFixture.snapshot(spec.kind() == SourceSpec.Kind.SNAPSHOT
                    ? SourceInfo.Kind.SNAPSHOT : SourceInfo.Kind.LIVE);
            state.findings.set(SecretsFixture.findings(s));
            state.session.set(SecretsFixture.session(spec, s, c));
            page = new SecretsPage(SecretsFixture.context(state, new SameThreadTaskExecutor(), dialogs,
                    new WizardRegistry(), opened), timer, clipboard, SecretsFixture.CLOCK);
            Parent view = (Parent) page.view();
            page.onSnapshot(state.snapshot(), state.session());
            holder = new javafx.scene.layout.StackPane(view);
            stage.setScene(new Scene(holder, 1600, 1000));
            stage.show();
        });
    }

    private void openLive(FxRobot robot) {
        open(robot, SourceSpec.live(null, "test"), cluster);
    }

    @SuppressWarnings("unchecked")
    private TableView<SecretRow> table(FxRobot robot) {
        return robot.lookup("#secrets-table").queryAs(TableView.class);
    }

    private void select(FxRobot robot, String ns, String name) {
        robot.interact(() -> page.viewModel().selected.set(page.viewModel().rows.stream()
                .filter(r -> r.namespace().equals(ns) && r.name().equals(name)).findFirst().orElseThrow()));
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void inventoryShowsEverySecretWithCountsReadersAndWorstFinding(FxRobot robot) {
        openLive(robot);
        TableView<SecretRow> t = table(robot);
        assertThat(t.getItems()).hasSize(5);
        assertThat(text(robot, "#secrets-header")).startsWith("5 secrets").contains("with findings");
        SecretRow db = t.getItems().stream().filter(r -> r.name().equals("db")).findFirst().orElseThrow();
        assertThat(db.keyCount()).isEqualTo(2);
        assertThat(db.usedByCount()).isEqualTo(1);
        // ServiceAccount shop/ci reads (get, list) every secret of shop through its RoleBinding
        assertThat(db.readerCount()).isGreaterThanOrEqualTo(1);
        assertThat(db.worst()).isNotNull();
        SecretRow token = t.getItems().stream().filter(r -> r.name().equals("legacy-token")).findFirst().orElseThrow();
        assertThat(token.managedBy().label()).isEqualTo("service-account token");
        // sorting by name through the table's sort order
        robot.interact(() -> {
            var nameCol = t.getColumns().stream().filter(c -> "Name".equals(c.getText())).findFirst().orElseThrow();
            t.getSortOrder().setAll(nameCol);
        });
        assertThat(t.getItems()).extracting(SecretRow::name)
                .containsExactly("api-token", "db", "legacy-token", "regcred", "web-tls");
    }

    @Test
    void textTypeAndNamespaceFiltersNarrowTheTable(FxRobot robot) {
        openLive(robot);
        robot.clickOn("#secrets-filter").write("tls");
        assertThat(table(robot).getItems()).extracting(SecretRow::name).containsExactly("web-tls");
        assertThat(text(robot, "#secrets-header")).contains("1 shown");
        robot.interact(() -> page.viewModel().filterText.set(""));
        robot.interact(() -> robot.lookup("#secrets-type-filter").queryAs(ComboBox.class)
                .setValue("kubernetes.io/dockerconfigjson"));
        assertThat(table(robot).getItems()).extracting(SecretRow::name).containsExactly("regcred");
        robot.interact(() -> page.viewModel().typeFilter.set(SecretsViewModel.ALL_TYPES));
        robot.interact(() -> state.namespaceFilter.setAll("shop"));
        assertThat(table(robot).getItems()).extracting(SecretRow::namespace).containsOnly("shop").hasSize(3);
        assertThat(page.filterField()).isSameAs(robot.lookup("#secrets-filter").query());
    }

    /** The texts of the labels in the empty detail pane (title, then message). */
    private List<String> emptyDetail(FxRobot robot) {
        return robot.lookup("#secret-detail-empty").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void emptyDetailSaysWhetherNothingIsSelectedOrTheFilterHidesEveryRow(FxRobot robot) {
        openLive(robot);
        assertThat(table(robot).getItems()).hasSize(5);
        // rows are shown: never "no visible secrets" beside them
        assertThat(emptyDetail(robot)).containsExactly("No secret selected",
                "Select a secret to see its keys, who uses it, who can read it and its findings.");
        robot.clickOn("#secrets-filter").write("no-such-secret");
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(emptyDetail(robot)).containsExactly("No secret matches the filter", "5 secrets are hidden by the"
                + " filter: clear the search, the type or the namespace filter to see them.");
        robot.interact(() -> page.viewModel().filterText.set(""));
        assertThat(emptyDetail(robot)).startsWith("No secret selected");
        // a selected secret hidden by the filter: the selection goes, the detail says why it is empty
        select(robot, "shop", "db");
        assertThat(robot.lookup("#secret-detail-empty").tryQuery()).isEmpty();
        robot.interact(() -> state.namespaceFilter.setAll("no-such-namespace"));
        assertThat(emptyDetail(robot)).startsWith("No secret matches the filter");
    }

    @Test
    void anEmptyClusterSaysItHasNoVisibleSecrets(FxRobot robot) {
        // before any load (and on a cluster whose secrets cannot be listed) the page has no row at all
        robot.interact(() -> {
            page = new SecretsPage(SecretsFixture.context(state, new SameThreadTaskExecutor(), dialogs,
                    new WizardRegistry(), opened), timer, clipboard, SecretsFixture.CLOCK);
            stage.setScene(new Scene(new javafx.scene.layout.StackPane((Parent) page.view()), 1600, 1000));
            stage.show();
        });
        assertThat(emptyDetail(robot)).containsExactly("No secret selected", "This cluster has no visible secrets.");
    }

    @Test
    void detailShowsFactsUsesReadersWithPathsAndFindings(FxRobot robot) {
        openLive(robot);
        select(robot, "payments", "web-tls");
        assertThat(text(robot, "#detail-title")).isEqualTo("web-tls");
        String facts = allText(robot, "#secret-facts");
        assertThat(facts).contains("CN=shop.example.com", "www.shop.example.com", "CN=Example CA",
                "2026-12-08", "expires in 10 day(s)");
        select(robot, "shop", "regcred");
        assertThat(allText(robot, "#secret-facts")).contains("ghcr.io, registry.example.com", "yes: a password");
        select(robot, "shop", "db");
        assertThat(allText(robot, "#secret-uses")).contains("Deployment/shop/web", "env (secretKeyRef)", "password");
        String readers = allText(robot, "#secret-readers");
        assertThat(readers).contains("ServiceAccount/shop/ci", "direct",
                "via RoleBinding/shop/ci-reads-secrets → Role/shop/secret-reader");
        assertThat(allText(robot, "#secret-findings")).contains("Fix:");
        // Move to external store: disabled while the migrate-secret wizard is not registered
        assertThat(robot.lookup("#migrate-button").queryButton().isDisabled()).isTrue();
        // values are masked by default
        assertThat(text(robot, "#value-password")).isEqualTo(SecretsView.MASK);
    }

    @Test
    void selectionSurvivesRefresh(FxRobot robot) {
        openLive(robot);
        select(robot, "shop", "regcred");
        robot.interact(() -> page.onSnapshot(state.snapshot(), state.session()));
        assertThat(page.viewModel().selected.get().name()).isEqualTo("regcred");
        assertThat(table(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("regcred");
    }

    @Test
    void revealShowsTheValueAndHidesItWhenTheTimerFires(FxRobot robot) {
        openLive(robot);
        select(robot, "shop", "db");
        robot.clickOn("#reveal-password");
        assertThat(cluster.calls()).containsExactly("reveal shop/db password"); // that one key of that one secret
        assertThat(text(robot, "#value-password")).isEqualTo(VALUE);
        assertThat(text(robot, "#value-username")).isEqualTo(SecretsView.MASK);
        assertThat(timer.pending()).isEqualTo(1);
        assertThat(timer.scheduled.get(0).delay()).isEqualTo(RevealViewModel.HIDE_AFTER);
        robot.interact(timer::fireAll);
        assertThat(text(robot, "#value-password")).isEqualTo(SecretsView.MASK);
        assertThat(page.viewModel().reveal.revealedText.get()).isNull();
        assertThat(page.viewModel().reveal.revealedKey.get()).isNull();
    }

    @Test
    void binaryValuesAreShownAsASize(FxRobot robot) {
        openLive(robot);
        select(robot, "payments", "web-tls");
        robot.clickOn("#reveal-tls_key");
        assertThat(text(robot, "#value-tls_key")).isEqualTo("<binary, 6 bytes>");
    }

    @Test
    void selectionChangeAndLeavingThePageHideTheValue(FxRobot robot) {
        openLive(robot);
        select(robot, "shop", "db");
        robot.clickOn("#reveal-password");
        assertThat(text(robot, "#value-password")).isEqualTo(VALUE);
        select(robot, "shop", "regcred");
        assertThat(page.viewModel().reveal.revealedText.get()).isNull();
        select(robot, "shop", "db");
        assertThat(text(robot, "#value-password")).isEqualTo(SecretsView.MASK);
        robot.clickOn("#reveal-password");
        assertThat(text(robot, "#value-password")).isEqualTo(VALUE);
        // navigation, as the app's window does it: the shell keeps the page's view in its page area, hidden
        robot.interact(() -> page.view().setVisible(false));
        assertThat(page.viewModel().reveal.revealedText.get()).isNull();
        assertThat(robot.from(page.view()).lookup("#value-password").queryAs(Label.class).getText())
                .isEqualTo(SecretsView.MASK);
        robot.interact(() -> page.view().setVisible(true));
        robot.clickOn("#reveal-password");
        assertThat(text(robot, "#value-password")).isEqualTo(VALUE);
        // navigation without the preparation (TestFX shells): the shell replaces the page's view in its page area
        robot.interact(() -> holder.getChildren().clear());
        assertThat(page.viewModel().reveal.revealedText.get()).isNull();
        assertThat(robot.from(page.view()).lookup("#value-password").queryAs(Label.class).getText())
                .isEqualTo(SecretsView.MASK);
    }

    @Test
    void copyPutsTheValueOnTheClipboardAndClearsItAfterTheTimer(FxRobot robot) {
        openLive(robot);
        select(robot, "shop", "db");
        robot.clickOn("#copy-password");
        assertThat(clipboard.text).isEqualTo(VALUE);
        assertThat(text(robot, "#value-password")).isEqualTo(SecretsView.MASK); // copy does not reveal
        assertThat(text(robot, "#reveal-message")).contains("cleared in 30 s").doesNotContain(VALUE);
        robot.interact(timer::fireAll);
        assertThat(clipboard.text).isNull();
        // the user copied something else meanwhile: that is left alone
        robot.clickOn("#copy-password");
        clipboard.text = "something the user copied";
        robot.interact(timer::fireAll);
        assertThat(clipboard.text).isEqualTo("something the user copied");
    }

    @Test
    void aForbiddenRevealSaysWhatToAskFor(FxRobot robot) {
        openLive(robot);
        select(robot, "shop", "api-token");
        robot.clickOn("#reveal-token");
        assertThat(text(robot, "#reveal-message"))
                .startsWith("You may not get secret api-token in shop: ask for get on secrets");
        assertThat(robot.lookup("#reveal-message").queryAs(Label.class).getStyleClass()).contains("reveal-error");
        assertThat(text(robot, "#value-token")).isEqualTo(SecretsView.MASK);
        assertThat(timer.pending()).isZero();
    }

    @Test
    void snapshotSourcesCannotReveal(FxRobot robot) {
        open(robot, SourceSpec.snapshot(java.nio.file.Path.of("/tmp/x.yaml")), null);
        select(robot, "shop", "db");
        Button reveal = robot.lookup("#reveal-password").queryButton();
        assertThat(reveal.isDisabled()).isTrue();
        assertThat(text(robot, "#reveal-unavailable")).contains("a snapshot file holds no secret values");
        assertThat(cluster.calls()).isEmpty();
    }

    /** Every Labeled text under the node with this id, joined. */
    static String allText(FxRobot robot, String id) {
        StringBuilder b = new StringBuilder();
        robot.lookup(id).queryAll().forEach(root -> walk(root, b));
        return b.toString();
    }

    private static void walk(javafx.scene.Node n, StringBuilder b) {
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (n instanceof javafx.scene.control.TitledPane tp && tp.getContent() != null) {
            walk(tp.getContent(), b);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, b));
        }
    }

}
