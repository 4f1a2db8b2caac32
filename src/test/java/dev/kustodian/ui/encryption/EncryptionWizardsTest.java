package dev.kustodian.ui.encryption;

import dev.kustodian.core.encryption.EncryptionConfig;
import dev.kustodian.core.encryption.EncryptionConfigBuilder;
import dev.kustodian.core.encryption.EncryptionConfigParser;
import dev.kustodian.core.encryption.KeyGenerator;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.yaml.YamlWriter;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.app.ShellView;
import dev.kustodian.ui.app.TestShell;
import dev.kustodian.ui.wizard.Fields;
import dev.kustodian.ui.wizard.WizardView;
import dev.kustodian.ui.wizard.WizardViewModel;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static dev.kustodian.ui.app.TestShell.preview;
import static org.assertj.core.api.Assertions.assertThat;

/** Both encryption wizards walked to the end in the real shell: key shown once, preview masked, files 0600. */
@ExtendWith(ApplicationExtension.class)
class EncryptionWizardsTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ShellView shell;

    @Start
    void start(Stage stage) {
        shell = TestShell.show(stage, dialogs);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void encryptionConfigWizardShowsTheKeyOnceMasksThePreviewAndSaves0600(FxRobot robot, @TempDir Path dir)
            throws Exception {
        WizardView[] view = new WizardView[1];
        robot.interact(() -> view[0] = shell.openWizard(EncryptionConfigWizard.ID, null).orElseThrow());
        WizardViewModel vm = view[0].viewModel();
        EncryptionConfigWizard wizard = (EncryptionConfigWizard) vm.wizard;
        KeyOnceField key = wizard.keyField();
        String secret = key.secret();
        assertThat(java.util.Base64.getDecoder().decode(secret)).hasSize(32);
        List<String> previews = new ArrayList<>();
        previews.add(preview(robot));
        assertThat(preview(robot)).contains("kind: EncryptionConfiguration", "secretbox:", EncryptionConfigBuilder.MASK,
                "--encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml");

        // resources step: configmaps too; provider: aesgcm shows its warning inline, then back to secretbox
        robot.interact(() -> vm.form.field("configmaps", Fields.Check.class).valueProperty().set(true));
        robot.interact(vm::next);
        robot.interact(() -> vm.form.field("provider", Fields.Choice.class).valueProperty()
                .set(EncryptionConfigWizard.AESGCM));
        assertThat(vm.form.field("provider").orElseThrow().messageText()).contains("200,000 writes");
        robot.interact(() -> vm.form.field("keyName", Fields.Text.class).valueProperty().set("bad:name"));
        assertThat(vm.form.field("keyName").orElseThrow().messageText()).startsWith("Error:").contains("':'");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        robot.interact(() -> {
            vm.form.field("keyName", Fields.Text.class).valueProperty().set("key1");
            vm.form.field("provider", Fields.Choice.class).valueProperty().set(EncryptionConfigWizard.SECRETBOX);
        });
        previews.add(preview(robot));
        robot.interact(vm::next);

        // key step: shown once, then masked for good when leaving the step
        assertThat(key.displayedText()).isEqualTo(KeyOnceField.HIDDEN);
        robot.interact(() -> robot.lookup("#key-once-reveal").queryButton().fire());
        assertThat(key.displayedText()).isEqualTo(secret);
        previews.add(preview(robot));
        robot.interact(vm::next);
        assertThat(key.displayedText()).isEqualTo(KeyOnceField.HIDDEN);
        assertThat(key.wasShown()).isTrue();
        robot.interact(vm::back);
        assertThat(robot.lookup("#key-once-reveal").queryButton().isDisabled()).isTrue();
        robot.interact(vm::next);
        previews.add(preview(robot));
        robot.interact(vm::next);
        assertThat(vm.isReviewStep()).isTrue();
        previews.add(preview(robot));
        assertThat(previews).allSatisfy(p -> assertThat(p).doesNotContain(secret));
        assertThat(robot.lookup("#wizard-save").queryButton().isDisabled()).isFalse();
        // only files for the nodes: nothing to copy as YAML or to apply to the API
        assertThat(robot.lookup("#wizard-copy").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#wizard-apply").queryButton().isDisabled()).isTrue();

        Path out = dir.resolve("enc");
        robot.interact(() -> assertThat(view[0].saveTo(out)).isTrue());
        Path config = out.resolve("encryption-config.yaml");
        assertThat(mode(config)).isEqualTo("rw-------");
        String yaml = Files.readString(config);
        assertThat(yaml).contains(secret).contains("- secrets", "- configmaps", "name: key1");
        EncryptionConfigParser.Result parsed = EncryptionConfigParser.parse(yaml, "saved");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.config().resources().get(0).providers()).extracting(p -> p.type().field())
                .containsExactly("secretbox", "identity");
        assertThat(out.resolve("kube-apiserver-encryption-snippet.yaml")).exists();
        assertThat(out.resolve("STEPS.txt")).exists();
        assertThat(mode(out.resolve("STEPS.txt"))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve("kube-apiserver-encryption-snippet.yaml"))).doesNotContain(secret);
        // answers never hold the key
        Path answers = dir.resolve("a.answers");
        robot.interact(() -> vm.saveAnswers(answers));
        assertThat(Files.readString(answers)).doesNotContain(secret).contains("keyName=key1");
        // saving again asks before replacing; declining keeps the files
        dialogs.confirmAnswer = false;
        robot.interact(() -> assertThat(view[0].saveTo(out)).isFalse());
        assertThat(Files.readString(config)).isEqualTo(yaml);
    }

    @Test
    void kmsV2NeedsNoKeyAndValidatesItsFields(FxRobot robot) {
        WizardView[] view = new WizardView[1];
        robot.interact(() -> view[0] = shell.openWizard(EncryptionConfigWizard.ID, null).orElseThrow());
        WizardViewModel vm = view[0].viewModel();
        robot.interact(() -> {
            vm.form.field("provider", Fields.Choice.class).valueProperty().set(EncryptionConfigWizard.KMS);
            vm.form.field("kmsName", Fields.Text.class).valueProperty().set("vault");
            vm.form.field("kmsEndpoint", Fields.Text.class).valueProperty().set("tcp://10.0.0.1:1");
        });
        assertThat(vm.form.field("kmsEndpoint").orElseThrow().messageText()).startsWith("Error:").contains("unix");
        robot.interact(() -> vm.form.field("kmsEndpoint", Fields.Text.class).valueProperty()
                .set("unix:///var/run/kms.sock"));
        assertThat(vm.bundle.get().hasErrors()).isFalse();
        assertThat(preview(robot)).contains("kms:", "apiVersion: v2", "name: vault", "timeout: 3s")
                .doesNotContain("secretbox:");
    }

    static Path currentConfig(Path dir, String keyName) throws Exception {
        EncryptionConfig c = new EncryptionConfigBuilder()
                .keyProvider(EncryptionConfig.ProviderType.AESGCM,
                        new EncryptionConfig.Key(keyName, KeyGenerator.generate(keyName).secretBase64())).config();
        Path f = dir.resolve("current.yaml");
        SafeFiles.writePrivate(f, YamlWriter.write(EncryptionConfigBuilder.toYaml(c, false))
                .getBytes(StandardCharsets.UTF_8), true);
        return f;
    }

    @Test
    void rotationWizardWritesEveryStepFile0600AndNeverShowsAKey(FxRobot robot, @TempDir Path dir) throws Exception {
        Path current = currentConfig(dir, "key1");
        String oldSecret = EncryptionConfigParser.parse(Files.readString(current), "c").config().resources().get(0)
                .providers().get(0).keys().get(0).secret();
        WizardView[] view = new WizardView[1];
        robot.interact(() -> view[0] = shell.openWizard(EncryptionRotationWizard.ID, null).orElseThrow());
        WizardViewModel vm = view[0].viewModel();
        EncryptionRotationWizard wizard = (EncryptionRotationWizard) vm.wizard;
        String newSecret = wizard.keyField().secret();
        assertThat(preview(robot)).startsWith("# Nothing to generate yet");
        robot.interact(() -> vm.form.field("currentConfig", Fields.Text.class).valueProperty()
                .set(dir.resolve("missing.yaml").toString()));
        // the sentence of `kustodian encryption validate` for the same path
        assertThat(vm.form.field("currentConfig").orElseThrow().messageText())
                .contains(dir.resolve("missing.yaml") + ": the EncryptionConfiguration file does not exist. Check the path.");
        robot.interact(() -> vm.form.field("currentConfig", Fields.Text.class).valueProperty().set(current.toString()));
        assertThat(vm.bundle.get().hasErrors()).isFalse();
        robot.interact(vm::next);
        // a name already in the file is refused at the field
        robot.interact(() -> vm.form.field("keyName", Fields.Text.class).valueProperty().set("key1"));
        assertThat(vm.form.field("keyName").orElseThrow().messageText()).contains("already used");
        robot.interact(() -> vm.form.field("keyName", Fields.Text.class).valueProperty().set("key2"));
        robot.interact(() -> robot.lookup("#key-once-reveal").queryButton().fire());
        assertThat(wizard.keyField().displayedText()).isEqualTo(newSecret);
        String shownPreview = preview(robot);
        robot.interact(vm::next);
        // rewrite step: without a cluster connection it explains why and stays disabled
        Button count = robot.lookup("#rewrite-count").queryButton();
        assertThat(count.isDisabled()).isTrue();
        assertThat(robot.lookup("#rewrite-start").queryButton().isDisabled()).isTrue();
        assertThat(wizard.rewriteField().runner().status.get()).contains("needs a live cluster connection");
        robot.interact(vm::next);
        assertThat(vm.isReviewStep()).isTrue();
        for (String p : List.of(shownPreview, preview(robot))) {
            assertThat(p).doesNotContain(newSecret).doesNotContain(oldSecret)
                    .contains("rotation-1-add-key.yaml", "rotation-2-new-key-first.yaml",
                            "rotation-3-remove-old-key.yaml", "ROTATION-STEPS.txt", EncryptionConfigBuilder.MASK);
        }
        Path out = dir.resolve("rotation");
        robot.interact(() -> assertThat(view[0].saveTo(out)).isTrue());
        for (String f : List.of("rotation-1-add-key.yaml", "rotation-2-new-key-first.yaml",
                "rotation-3-remove-old-key.yaml")) {
            assertThat(mode(out.resolve(f))).as(f).isEqualTo("rw-------");
            assertThat(EncryptionConfigParser.parse(Files.readString(out.resolve(f)), f).errors()).as(f).isEmpty();
        }
        // step 1: new key second (old writes); step 2: new key first; step 3: old key gone
        EncryptionConfig s1 = EncryptionConfigParser.parse(Files.readString(out.resolve("rotation-1-add-key.yaml")),
                "1").config();
        assertThat(s1.resources().get(0).providers().get(0).keys()).extracting(EncryptionConfig.Key::name)
                .containsExactly("key1");
        assertThat(s1.resources().get(0).providers().get(1).keys().get(0).secret()).isEqualTo(newSecret);
        assertThat(Files.readString(out.resolve("rotation-2-new-key-first.yaml"))).contains(newSecret, oldSecret);
        assertThat(Files.readString(out.resolve("rotation-3-remove-old-key.yaml"))).contains(newSecret)
                .doesNotContain(oldSecret);
        String steps = Files.readString(out.resolve("ROTATION-STEPS.txt"));
        assertThat(steps).contains("Step 1", "Step 2", "Step 3: Rewrite all Secrets", "Step 4", "confirm:")
                .doesNotContain(newSecret).doesNotContain(oldSecret);
    }
}
