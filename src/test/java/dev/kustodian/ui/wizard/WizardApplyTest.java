package dev.kustodian.ui.wizard;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestSnapshots;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apply: the dry run comes first and its rejection stops everything (against fabric8's CRUD mock server, which
 * rejects server-side apply); an accepted dry run leads to a confirmation naming the context (danger for
 * production) and only then to the real apply (with a substituted applier, since the CRUD mock cannot accept one).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
@EnableKubernetesMockClient(crud = true)
class WizardApplyTest {
    private KubernetesClient client;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    private WizardViewModel wizard(boolean production) {
        ClusterSession session = new ClusterSession(SourceSpec.live(null, "prod-eu"),
                TestSnapshots.demoLike(SourceInfo.Kind.LIVE, "prod-eu"), client, "prod-eu");
        WizardViewModel vm = new WizardViewModel(new SecretReaderRoleWizard(), session,
                new ObjectRef("Secret", "team-a", "db-credentials"), new SameThreadTaskExecutor(), dialogs, production);
        vm.form().field("serviceAccount", Fields.Choice.class).valueProperty().set("backend");
        return vm;
    }

    @Test
    void rejectedDryRunIsShownAndNothingIsAsked() {
        // the CRUD mock server answers 404 to a server-side apply of an object it does not have
        WizardViewModel vm = wizard(true);
        assertThat(vm.canApply()).isTrue();
        vm.apply();
        assertThat(dialogs.ofKind("confirm")).isEmpty();
        assertThat(dialogs.ofKind("error")).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Dry run rejected");
            assertThat(e.message()).contains("Role/team-a/backend-secret-reader: dry run rejected: Not Found");
        });
        assertThat(vm.statusProperty().get()).isEqualTo("The dry run was rejected; nothing was applied.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    private final java.util.List<Boolean> calls = new java.util.ArrayList<>();

    private WizardViewModel acceptingWizard(boolean production) {
        WizardViewModel vm = wizard(production);
        vm.setApplier((c, bundle, dryRun, cancel) -> {
            calls.add(dryRun);
            return bundle.objects().stream().map(m -> new dev.kustodian.core.port.ClusterPort.ApplyOutcome(
                    m.kind() + "/" + m.namespace() + "/" + m.name(), true, dryRun ? "dry run accepted" : "applied"))
                    .toList();
        });
        return vm;
    }

    @Test
    void acceptedDryRunThenDeclinedConfirmationAppliesNothing() {
        WizardViewModel vm = acceptingWizard(true);
        dialogs.confirmAnswer = false;
        vm.apply();
        assertThat(calls).containsExactly(true);
        assertThat(dialogs.ofKind("confirm")).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("PRODUCTION: Apply to context prod-eu?");
            assertThat(c.message()).contains("accepted the dry run").contains("Role/team-a/backend-secret-reader");
            assertThat(c.danger()).isTrue();
        });
        assertThat(vm.statusProperty().get()).isEqualTo("Not applied.");
    }

    @Test
    void acceptedDryRunThenConfirmedApplies() {
        WizardViewModel vm = acceptingWizard(false);
        dialogs.confirmAnswer = true;
        vm.apply();
        assertThat(calls).containsExactly(true, false);
        assertThat(dialogs.ofKind("confirm")).singleElement().satisfies(c -> assertThat(c.danger()).isFalse());
        assertThat(dialogs.ofKind("error")).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Applied 2 object(s) to prod-eu.");
    }
}
