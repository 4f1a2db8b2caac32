package dev.kustodian.ui.app;

import dev.kustodian.ui.access.AccessPage;
import dev.kustodian.ui.encryption.EncryptionConfigWizard;
import dev.kustodian.ui.encryption.EncryptionPage;
import dev.kustodian.ui.encryption.EncryptionRotationWizard;
import dev.kustodian.ui.fleet.FleetPage;
import dev.kustodian.ui.onboarding.OnboardingPage;
import dev.kustodian.ui.overview.OverviewPage;
import dev.kustodian.ui.reports.ReportsPage;
import dev.kustodian.ui.roles.RightSizeWizard;
import dev.kustodian.ui.roles.RoleWizard;
import dev.kustodian.ui.roles.RolesPage;
import dev.kustodian.ui.secrets.SecretsPage;
import dev.kustodian.ui.stores.StoresPage;
import dev.kustodian.ui.stores.AkeylessOperatorWizard;
import dev.kustodian.ui.stores.ClusterExternalSecretWizard;
import dev.kustodian.ui.stores.ExternalSecretWizard;
import dev.kustodian.ui.stores.MigrateSecretWizard;
import dev.kustodian.ui.stores.PushSecretWizard;
import dev.kustodian.ui.stores.SealedSecretWizard;
import dev.kustodian.ui.stores.SecretProviderClassWizard;
import dev.kustodian.ui.stores.SecretStoreWizard;
import dev.kustodian.ui.stores.SopsConfigWizard;
import dev.kustodian.ui.wizard.SecretReaderRoleWizard;
import dev.kustodian.ui.wizard.WizardRegistry;

/**
 * THE list of pages and wizards. Adding a page or a wizard is one line here (plus its class).
 */
public final class Pages {
    private Pages() {
    }

    /** The app's pages. */
    public static PageRegistry pages() {
        PageRegistry r = new PageRegistry();
        register(r);
        return r;
    }

    /** The app's wizards. */
    public static WizardRegistry wizards() {
        WizardRegistry r = new WizardRegistry();
        register(r);
        return r;
    }

    public static void register(PageRegistry pages) {
        // each page is created when first shown: the first frame builds only the shell
        pages.register(OverviewPage.INFO, OverviewPage::new);
        pages.register(RolesPage.INFO, RolesPage::new);
        pages.register(EncryptionPage.INFO, EncryptionPage::new);
        pages.register(StoresPage.INFO, StoresPage::new);
        pages.register(AccessPage.INFO, AccessPage::new);
        pages.register(SecretsPage.INFO, SecretsPage::new);
        pages.register(ReportsPage.INFO, ReportsPage::new);
        pages.register(OnboardingPage.INFO, OnboardingPage::new);
        pages.register(FleetPage.INFO, FleetPage::new);
    }

    public static void register(WizardRegistry wizards) {
        // registered by id: a wizard is created when it is opened (or its title is first needed for the menu)
        wizards.register(SecretReaderRoleWizard.ID, SecretReaderRoleWizard::new);
        wizards.register(RoleWizard.ID, RoleWizard::new);
        wizards.register(RightSizeWizard.ID, RightSizeWizard::new);
        wizards.register(EncryptionConfigWizard.ID, EncryptionConfigWizard::new);
        wizards.register(EncryptionRotationWizard.ID, EncryptionRotationWizard::new);
        wizards.register(SecretStoreWizard.ID, SecretStoreWizard::new);
        wizards.register(ExternalSecretWizard.ID, ExternalSecretWizard::new);
        wizards.register(SecretProviderClassWizard.ID, SecretProviderClassWizard::new);
        wizards.register(SealedSecretWizard.ID, SealedSecretWizard::new);
        wizards.register(SopsConfigWizard.ID, SopsConfigWizard::new);
        wizards.register(MigrateSecretWizard.ID, MigrateSecretWizard::new);
        wizards.register(ClusterExternalSecretWizard.ID, ClusterExternalSecretWizard::new);
        wizards.register(PushSecretWizard.ID, PushSecretWizard::new);
        wizards.register(AkeylessOperatorWizard.ID, AkeylessOperatorWizard::new);
    }
}
