package dev.kustodian.ui.wizard;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.port.FakeClusterPort;
import dev.kustodian.ui.framework.RecordingDialogService;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import dev.kustodian.ui.framework.TestSnapshots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apply (against a fake of the cluster port): the dry run comes first and its rejection stops everything; an
 * accepted dry run leads to a confirmation naming the context (danger for production) and only then to the real
 * apply.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class WizardApplyTest {
    private final FakeClusterPort cluster = new FakeClusterPort("prod-eu");
    private final RecordingDialogService dialogs = new RecordingDialogService();

    private WizardViewModel wizard(boolean production) {
        ClusterSession session = ClusterSession.over(SourceSpec.live(null, "prod-eu"),
                TestSnapshots.demoLike(SourceInfo.Kind.LIVE, "prod-eu"), cluster, "prod-eu");
        WizardViewModel vm = new WizardViewModel(new SecretReaderRoleWizard(), session,
                new ObjectRef("Secret", "team-a", "db-credentials"), new SameThreadTaskExecutor(), dialogs, production);
        vm.form.field("serviceAccount", Fields.Choice.class).valueProperty().set("backend");
        return vm;
    }

    @Test
    void rejectedDryRunIsShownAndNothingIsAsked() {
        cluster.rejectingDryRuns("Not Found");
        WizardViewModel vm = wizard(true);
        assertThat(vm.canApply()).isTrue();
        vm.apply();
        assertThat(dialogs.ofKind("confirm")).isEmpty();
        assertThat(dialogs.ofKind("error")).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Dry run rejected");
            assertThat(e.message()).contains("Role/team-a/backend-secret-reader: dry run rejected: Not Found");
        });
        assertThat(vm.status.get()).isEqualTo("The dry run was rejected; nothing was applied.");
        assertThat(vm.busy.get()).isFalse();
        assertThat(cluster.applies()).containsExactly(true); // the dry run only
    }

    @Test
    void acceptedDryRunThenDeclinedConfirmationAppliesNothing() {
        WizardViewModel vm = wizard(true);
        dialogs.confirmAnswer = false;
        vm.apply();
        assertThat(cluster.applies()).containsExactly(true);
        assertThat(dialogs.ofKind("confirm")).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("PRODUCTION: Apply to context prod-eu?");
            assertThat(c.message()).contains("accepted the dry run").contains("Role/team-a/backend-secret-reader");
            assertThat(c.danger()).isTrue();
        });
        assertThat(vm.status.get()).isEqualTo("Not applied.");
    }

    @Test
    void acceptedDryRunThenConfirmedApplies() {
        WizardViewModel vm = wizard(false);
        dialogs.confirmAnswer = true;
        vm.apply();
        assertThat(cluster.applies()).containsExactly(true, false);
        assertThat(dialogs.ofKind("confirm")).singleElement().satisfies(c -> assertThat(c.danger()).isFalse());
        assertThat(dialogs.ofKind("error")).isEmpty();
        assertThat(vm.status.get()).isEqualTo("Applied 2 object(s) to prod-eu.");
    }
}
