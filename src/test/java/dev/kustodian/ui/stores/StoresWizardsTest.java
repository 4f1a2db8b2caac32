package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.TestCertificates;
import dev.kustodian.core.externalsecrets.Validation;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.yaml.YamlReader;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.app.ShellView;
import dev.kustodian.ui.app.TestShell;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.WizardView;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.kustodian.ui.app.TestShell.preview;
import static org.assertj.core.api.Assertions.assertThat;

/** Walks every store wizard to the end in the real shell, saves to a folder, and validates the saved files. */
@ExtendWith(ApplicationExtension.class)
class StoresWizardsTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ShellView shell;

    @Start
    void start(Stage stage) {
        shell = TestShell.show(stage, dialogs);
    }

    private WizardView open(FxRobot robot, String id, ObjectRef target) {
        robot.interact(() -> shell.openWizard(id, target));
        assertThat(shell.currentWizard()).isNotNull();
        return shell.currentWizard();
    }

    private void set(FxRobot robot, WizardView view, Map<String, String> values) {
        robot.interact(() -> values.forEach((k, v) -> view.viewModel().form.field(k).orElseThrow().setFromText(v)));
    }

    /** Clicks Next through every step (each must be valid), then saves on the Review step. */
    private List<Path> walkAndSave(FxRobot robot, WizardView view, Path dir) throws IOException {
        while (!view.viewModel().isReviewStep()) {
            assertThat(robot.lookup("#wizard-next").queryButton().isDisabled())
                    .as("Next on step " + view.viewModel().step.get() + ": " + preview(robot)).isFalse();
            robot.clickOn("#wizard-next");
        }
        assertThat(view.viewModel().isReviewStep()).isTrue();
        dialogs.nextDirectory = dir;
        robot.clickOn("#wizard-save");
        assertThat(robot.lookup("#wizard-status").queryAs(Label.class).getText()).startsWith("Saved");
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** Every saved Kubernetes object validates against the bundled CRD schema and the provider rules. */
    private static void assertValid(List<Path> files) throws IOException {
        int checked = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".yaml") || name.equals("kustomization.yaml") || name.contains(".snippet.")
                    || name.equals(".sops.yaml")) {
                continue;
            }
            Map<String, Object> o = YamlReader.readMap(Files.readString(f), name);
            List<Bundle.Problem> problems = Validation.check(o);
            assertThat(problems).as(name).noneMatch(Bundle.Problem::error);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void secretStoreWizardTypedByHandWithPolicy(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("Generate").clickOn("External Secrets store…");
        WizardView view = shell.currentWizard();
        assertThat(preview(robot)).startsWith("# Nothing to generate yet");
        robot.clickOn("#field-name").write("vault");
        robot.clickOn("#field-namespace").write("team-a");
        robot.clickOn("#wizard-next");
        robot.clickOn("#field-vaultServer").write("https://vault.example:8200");
        // kubernetes auth needs a role: the error names the field by its label
        assertThat(view.viewModel().form.field("vaultRole").orElseThrow().messageText())
                .isEqualTo("Error: Missing Vault role: kubernetes auth logs in to a Vault role.");
        robot.clickOn("#field-vaultRole").write("team-a");
        assertThat(preview(robot)).contains("kind: SecretStore").contains("server: https://vault.example:8200");
        robot.clickOn("#wizard-next");
        robot.clickOn("#field-serviceAccount").write("backend");
        robot.clickOn("#wizard-next");
        robot.clickOn("#field-policy");
        robot.clickOn("#field-secrets-input").write("team-a/db").type(KeyCode.ENTER);
        assertThat(preview(robot)).contains("path \"secret/data/team-a/db\"");
        List<Path> files = walkAndSave(robot, view, dir);
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .contains("secretstore-vault.yaml", "kustomization.yaml").anyMatch(n -> n.endsWith(".hcl"));
        assertValid(files);
    }

    @Test
    void theKeysInsideTheCredentialsSecretCanBeNamed(FxRobot robot) {
        WizardView view = open(robot, SecretStoreWizard.ID, null);
        set(robot, view, Map.of("name", "aws", "namespace", "team-a", "provider", "aws", "region", "eu-west-1",
                "secretName", "aws-keys"));
        set(robot, view, Map.of("auth", "secret"));
        var form = view.viewModel().form;
        assertThat(form.field("keyAccessKeyId").orElseThrow().node().isVisible()).isTrue();
        assertThat(form.field("keyToken").orElseThrow().node().isVisible()).isFalse();
        // the defaults are the CLI's
        assertThat(preview(robot)).contains("name: aws-keys").contains("key: access-key-id")
                .contains("key: secret-access-key").doesNotContain("sessionTokenSecretRef");
        set(robot, view, Map.of("keyAccessKeyId", "AWS_ACCESS_KEY_ID", "keySecretAccessKey",
                "AWS_SECRET_ACCESS_KEY", "keySessionToken", "AWS_SESSION_TOKEN"));
        assertThat(preview(robot)).contains("key: AWS_ACCESS_KEY_ID").contains("key: AWS_SECRET_ACCESS_KEY")
                .contains("sessionTokenSecretRef").contains("key: AWS_SESSION_TOKEN");
        assertThat(view.viewModel().bundle.get().problems()).noneMatch(Bundle.Problem::error);
        // another provider's key fields do not leak into this one
        set(robot, view, Map.of("provider", "vault", "vaultServer", "https://v:8200"));
        set(robot, view, Map.of("auth", "token", "keyToken", "vault-token"));
        assertThat(form.field("keyAccessKeyId").orElseThrow().node().isVisible()).isFalse();
        assertThat(preview(robot)).contains("tokenSecretRef").contains("key: vault-token")
                .doesNotContain("AWS_ACCESS_KEY_ID");
    }

    @Test
    void secretStoreForEveryProviderAndAuthValidates(FxRobot robot, @TempDir Path dir) throws Exception {
        WizardView view = open(robot, SecretStoreWizard.ID, null);
        Map<String, Map<String, String>> providers = new LinkedHashMap<>();
        providers.put("aws", Map.of("region", "eu-central-1", "serviceAccount", "backend", "secretName", "aws-keys"));
        providers.put("vault", Map.of("vaultServer", "https://v:8200", "vaultRole", "r", "vaultRoleId", "id",
                "secretName", "vault-creds", "serviceAccount", "backend"));
        providers.put("akeyless", Map.of("secretName", "ak", "akeylessAccessId", "p-123",
                "akeylessK8sConf", "k8s"));
        providers.put("gcpsm", Map.of("gcpProject", "p", "serviceAccount", "backend", "secretName", "gcp-key"));
        providers.put("azurekv", Map.of("azureVaultUrl", "https://v.vault.azure.net", "azureTenantId", "t",
                "serviceAccount", "backend", "secretName", "sp"));
        int n = 0;
        for (var e : providers.entrySet()) {
            for (String auth : SecretStoreWizard.AUTH.get(e.getKey())) {
                for (String kind : List.of("SecretStore", "ClusterSecretStore")) {
                    Map<String, String> v = new LinkedHashMap<>(Map.of("kind", kind, "name", "s" + n,
                            "namespace", "team-a", "provider", e.getKey()));
                    v.putAll(e.getValue());
                    if (kind.equals("ClusterSecretStore")) {
                        v.put("secretNamespace", "team-a");
                        v.put("serviceAccountNamespace", "team-a");
                    }
                    set(robot, view, v);
                    set(robot, view, Map.of("auth", auth));
                    Bundle b = view.viewModel().bundle.get();
                    assertThat(b.problems()).as(e.getKey() + "/" + auth + "/" + kind).noneMatch(Bundle.Problem::error);
                    assertThat(b.combinedYaml()).contains("kind: " + kind);
                    n++;
                }
            }
        }
        assertThat(n).isEqualTo(2 * 15);
        assertValid(walkAndSave(robot, view, dir));
    }

    @Test
    void externalSecretPrefilledFromASecret(FxRobot robot, @TempDir Path dir) throws Exception {
        WizardView view = open(robot, ExternalSecretWizard.ID, new ObjectRef("Secret", "team-a", "db-credentials"));
        assertThat(view.viewModel().form.field("data", Fields.ListEditor.class).values())
                .containsExactlyInAnyOrder("password=team-a/db-credentials#password",
                        "username=team-a/db-credentials#username");
        robot.interact(() -> view.viewModel().form.field("store", Fields.Text.class).valueProperty().set("vault"));
        assertThat(preview(robot)).contains("kind: ExternalSecret").contains("secretKey: password");
        // an ESO webhook rule at its field
        set(robot, view, Map.of("creationPolicy", "Orphan", "deletionPolicy", "Delete"));
        assertThat(view.viewModel().form.field("deletionPolicy").orElseThrow().messageText()).isNotEmpty();
        set(robot, view, Map.of("deletionPolicy", "Retain"));
        List<Path> files = walkAndSave(robot, view, dir);
        assertThat(dir.resolve("externalsecret-db-credentials.yaml")).exists();
        assertValid(files);
    }

    @Test
    void secretProviderClassWithPodSnippetForAWorkload(FxRobot robot, @TempDir Path dir) throws Exception {
        WizardView view = open(robot, SecretProviderClassWizard.ID, null);
        set(robot, view, Map.of("name", "backend-secrets", "namespace", "team-a", "provider", "vault",
                "roleName", "backend", "vaultAddress", "https://vault:8200", "objects", "password=team-a/db#password"));
        set(robot, view, Map.of("workload", "Deployment/backend"));
        assertThat(view.viewModel().form.field("serviceAccount", Fields.Choice.class).valueProperty().get())
                .isEqualTo("backend");
        assertThat(preview(robot)).contains("secretPath: secret/data/team-a/db");
        List<Path> files = walkAndSave(robot, view, dir);
        Path snippet = dir.resolve("pod-volume-backend-secrets.snippet.yaml");
        assertThat(Files.readString(snippet)).contains("Deployment/backend").contains("secretProviderClass:"
                + " backend-secrets").contains("serviceAccountName: backend");
        assertValid(files);
        // azure only: array objects
        set(robot, view, Map.of("provider", "azure", "keyvaultName", "kv", "tenantId", "t", "objects", "db-pass"));
        assertThat(preview(robot)).contains("array:");
    }

    @Test
    void sealedSecretFromFilesShowsCiphertextOnly(FxRobot robot, @TempDir Path dir) throws Exception {
        Path cert = dir.resolve("in/cert.pem");
        Files.createDirectories(cert.getParent());
        Files.writeString(cert, TestCertificates.selfSigned("CN=sealed-secrets-test").pem());
        Path value = dir.resolve("in/password.txt");
        Files.writeString(value, "hunter2-very-secret");
        Path out = Files.createDirectories(dir.resolve("out"));
        WizardView view = open(robot, SealedSecretWizard.ID, new ObjectRef("Secret", "team-a", "db-credentials"));
        set(robot, view, Map.of("cert", cert.toString()));
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#field-from-file-input").write("password=" + value).type(KeyCode.ENTER);
        assertThat(preview(robot)).contains("kind: SealedSecret").contains("password: ")
                .doesNotContain("hunter2");
        List<Path> files = walkAndSave(robot, view, out);
        assertThat(Files.readString(out.resolve("sealedsecret-db-credentials.yaml"))).doesNotContain("hunter2");
        assertValid(files);
        // no cluster connection: fetching is refused with a clear message at the field
        set(robot, view, Map.of("cert-source", "cluster"));
        assertThat(view.viewModel().form.field("cert-source").orElseThrow().messageText())
                .contains("No cluster connection");
    }

    @Test
    void sopsConfigWizard(FxRobot robot, @TempDir Path dir) throws Exception {
        WizardView view = open(robot, SopsConfigWizard.ID, null);
        set(robot, view, Map.of("path", "^clusters/prod/", "age", "age1qqqexample", "rules", "age=age1catchall"));
        assertThat(preview(robot)).contains("encrypted_regex: ^(data|stringData)$");
        walkAndSave(robot, view, dir);
        String sops = Files.readString(dir.resolve(".sops.yaml"));
        assertThat(sops.indexOf("^clusters/prod/")).isLessThan(sops.indexOf("age1catchall"));
    }

    @Test
    void migrateSecretOpenedFromTheStoresPage(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> shell.viewModel());
        robot.clickOn("External stores");
        assertThat(robot.lookup("#operator-external_secrets").tryQuery()).isPresent();
        robot.clickOn("payments");
        robot.clickOn("stripe-keys");
        robot.clickOn("#stores-migrate");
        WizardView view = shell.currentWizard();
        assertThat(view.viewModel().wizard.id()).isEqualTo(MigrateSecretWizard.ID);
        assertThat(view.viewModel().form.field("secret", Fields.Choice.class).valueProperty().get())
                .isEqualTo("payments/stripe-keys");
        set(robot, view, Map.of("store", "vault", "upload", "cli"));
        assertThat(preview(robot)).contains("kind: ExternalSecret").contains("key: payments/stripe-keys")
                .contains("property: secret").contains("vault kv put");
        List<Path> files = walkAndSave(robot, view, dir);
        assertThat(dir.resolve("upload-payments-stripe-keys.sh")).exists();
        assertValid(files);
    }

    @Test
    void theFindingsTabListsTheAreasFindingsWithFixButtons(FxRobot robot) {
        robot.clickOn("External stores");
        robot.clickOn("#stores-tab-findings");
        List<javafx.scene.Node> rows = new java.util.ArrayList<>(robot.lookup("#stores-findings .finding-row").queryAll());
        assertThat(rows).isNotEmpty();
        assertThat(robot.lookup("#stores-findings .finding-title").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .anyMatch(t -> t.contains("application secrets are kept only in the cluster"));
        // every row is a finding of this area; the remediation is spelled out
        assertThat(robot.lookup("#stores-findings .finding-remediation").queryAll()).hasSize(rows.size());
        robot.clickOn(robot.lookup("#stores-findings .fix-button").queryButton());
        assertThat(shell.currentWizard()).isNotNull();
        assertThat(shell.currentWizard().viewModel().wizard.id()).isEqualTo(ExternalSecretWizard.ID);
    }

    @Test
    void clusterExternalSecretFromTheStoresPage(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("External stores");
        robot.clickOn("#stores-wizard-" + ClusterExternalSecretWizard.ID);
        WizardView view = shell.currentWizard();
        assertThat(view.viewModel().wizard.id()).isEqualTo(ClusterExternalSecretWizard.ID);
        set(robot, view, Map.of("name", "registry", "templateType", "kubernetes.io/dockerconfigjson",
                "namespaces", "team-a,payments", "namespaceLabels", "team=payments", "refreshTime", "1m",
                "store", "vault-shared", "storeKind", "ClusterSecretStore",
                "data", ".dockerconfigjson=shared/registry"));
        assertThat(preview(robot)).contains("kind: ClusterExternalSecret").contains("- team-a")
                .contains("team: payments").contains("key: shared/registry");
        List<Path> files = walkAndSave(robot, view, dir);
        assertThat(files.stream().map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("registry"));
        assertValid(files);
    }

    @Test
    void pushSecretPicksTheSecretFromTheSnapshot(FxRobot robot, @TempDir Path dir) throws Exception {
        WizardView view = open(robot, PushSecretWizard.ID, null);
        set(robot, view, Map.of("secret", "team-a/db-credentials"));
        assertThat(view.viewModel().form.field("data", Fields.ListEditor.class).values())
                .containsExactlyInAnyOrder("password=team-a/db-credentials#password",
                        "username=team-a/db-credentials#username");
        set(robot, view, Map.of("store", "vault", "updatePolicy", "IfNotExists"));
        assertThat(preview(robot)).contains("kind: PushSecret").contains("apiVersion: external-secrets.io/v1alpha1")
                .contains("name: db-credentials").contains("remoteKey: team-a/db-credentials");
        List<Path> files = walkAndSave(robot, view, dir);
        assertValid(files);
    }

    @Test
    void akeylessOperatorWithBothAuths(FxRobot robot, @TempDir Path dir) throws Exception {
        WizardView view = open(robot, AkeylessOperatorWizard.ID, null);
        set(robot, view, Map.of("namespace", "team-a", "store", "akeyless", "secretName", "ak-auth",
                "name", "db", "data", "password=/team-a/db#password"));
        assertThat(preview(robot)).contains("kind: AkeylessSecretStore").contains("kind: AkeylessSecret");
        set(robot, view, Map.of("auth", "kubernetes", "accessId", "p-123", "k8sConf", "k8s",
                "syncPolicy", "Periodic", "syncInterval", "30m"));
        assertThat(view.viewModel().bundle.get().problems()).noneMatch(Bundle.Problem::error);
        List<Path> files = walkAndSave(robot, view, dir);
        assertValid(files);
    }

    /** The screenshot answers of the new wizards load without unknown fields and generate without errors. */
    @Test
    void screenshotAnswersOfTheNewWizardsGenerate(FxRobot robot, @TempDir Path dir) throws Exception {
        for (String id : List.of(ClusterExternalSecretWizard.ID, PushSecretWizard.ID, AkeylessOperatorWizard.ID)) {
            WizardView view = open(robot, id, null);
            Path f = dir.resolve(id + ".answers");
            try (var in = StoresWizardsTest.class.getResourceAsStream("/screenshots/" + id + ".answers")) {
                assertThat(in).as(id).isNotNull();
                Files.write(f, in.readAllBytes());
            }
            List<List<String>> unknown = new java.util.ArrayList<>();
            robot.interact(() -> unknown.add(dev.kustodian.ui.wizard.WizardAnswers.load(id,
                    view.viewModel().form, f)));
            assertThat(unknown.get(0)).as(id).isEmpty();
            Bundle b = view.viewModel().bundle.get();
            assertThat(b.problems()).as(id).noneMatch(Bundle.Problem::error);
            assertThat(b.manifests()).as(id).isNotEmpty();
        }
    }

    /**
     * Answers files saved before the fields were keyed by the core requests used the CLI's flag names: they load
     * (converted), give the same result as the new keys, and the next save writes the request field keys.
     */
    @Test
    void oldFlagKeyedAnswersFilesAreConverted(FxRobot robot, @TempDir Path dir) throws Exception {
        Path old = dir.resolve("old.answers");
        Files.writeString(old, """
                wizard=secret-store
                kind=ClusterSecretStore
                name=vault
                provider=vault
                auth=kubernetes
                vault-server=https://vault.example:8200
                vault-role=shop
                service-account=eso
                service-account-namespace=external-secrets
                allowed-namespace=shop,payments
                policy=true
                secret=shop/db
                """);
        WizardView view = open(robot, SecretStoreWizard.ID, null);
        List<List<String>> unknown = new java.util.ArrayList<>();
        robot.interact(() -> unknown.add(dev.kustodian.ui.wizard.WizardAnswers.load(SecretStoreWizard.ID,
                view.viewModel().form, old)));
        assertThat(unknown.get(0)).isEmpty();
        var form = view.viewModel().form;
        assertThat(form.field("vaultServer", Fields.Text.class).valueProperty().get())
                .isEqualTo("https://vault.example:8200");
        assertThat(form.field("allowedNamespaces", Fields.ListEditor.class).values()).containsExactly("shop",
                "payments");
        assertThat(form.field("secrets", Fields.ListEditor.class).values()).containsExactly("shop/db");
        Bundle b = view.viewModel().bundle.get();
        assertThat(b.problems()).noneMatch(Bundle.Problem::error);
        assertThat(b.combinedYaml()).contains("kind: ClusterSecretStore").contains("server: https://vault.example:8200")
                .contains("- shop").contains("- payments");
        assertThat(b.previewText()).contains("path \"secret/data/shop/db\"");
        // saved again: the request field keys, no flag names
        Path saved = dir.resolve("new.answers");
        robot.interact(() -> {
            try {
                dev.kustodian.ui.wizard.WizardAnswers.save(SecretStoreWizard.ID, form, saved);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String text = Files.readString(saved);
        assertThat(text).contains("vaultServer=https\\://vault.example\\:8200").contains("allowedNamespaces=shop,payments")
                .doesNotContain("vault-server").doesNotContain("allowed-namespace");
        // and the converted file replays into a fresh wizard with the same result
        WizardView again = open(robot, SecretStoreWizard.ID, null);
        robot.interact(() -> dev.kustodian.ui.wizard.WizardAnswers.load(SecretStoreWizard.ID,
                again.viewModel().form, saved));
        assertThat(again.viewModel().bundle.get().previewText()).isEqualTo(b.previewText());
    }


}
