package dev.kustodian.ui.app;

import dev.kustodian.ui.access.AccessPage;
import dev.kustodian.ui.overview.OverviewPage;
import dev.kustodian.ui.reports.ReportsPage;
import dev.kustodian.ui.secrets.SecretsPage;
import dev.kustodian.ui.roles.RightSizeWizard;
import dev.kustodian.ui.roles.RoleWizard;
import dev.kustodian.ui.roles.RolesPage;
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
        pages.register(OverviewPage::new);
        pages.register(RolesPage::new);
        pages.register(dev.kustodian.ui.encryption.EncryptionPage::new);
        pages.register(dev.kustodian.ui.stores.StoresPage::new);
        pages.register(AccessPage::new);
        pages.register(SecretsPage::new);
        pages.register(ReportsPage::new);
        pages.register(dev.kustodian.ui.onboarding.OnboardingPage::new);
        pages.register(dev.kustodian.ui.fleet.FleetPage::new);
    }

    public static void register(WizardRegistry wizards) {
        wizards.register(SecretReaderRoleWizard::new);
        wizards.register(RoleWizard::new);
        wizards.register(RightSizeWizard::new);
        wizards.register(dev.kustodian.ui.encryption.EncryptionConfigWizard::new);
        wizards.register(dev.kustodian.ui.encryption.EncryptionRotationWizard::new);
        wizards.register(dev.kustodian.ui.stores.SecretStoreWizard::new);
        wizards.register(dev.kustodian.ui.stores.ExternalSecretWizard::new);
        wizards.register(dev.kustodian.ui.stores.SecretProviderClassWizard::new);
        wizards.register(dev.kustodian.ui.stores.SealedSecretWizard::new);
        wizards.register(dev.kustodian.ui.stores.SopsConfigWizard::new);
        wizards.register(dev.kustodian.ui.stores.MigrateSecretWizard::new);
        wizards.register(dev.kustodian.ui.stores.ClusterExternalSecretWizard::new);
        wizards.register(dev.kustodian.ui.stores.PushSecretWizard::new);
        wizards.register(dev.kustodian.ui.stores.AkeylessOperatorWizard::new);
    }
}
