package dev.kustodian.ui;

import dev.kustodian.ui.overview.OverviewPage;
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

    public static void register(PageRegistry pages) {
        pages.register(OverviewPage::new);
        pages.register(RolesPage::new);
        pages.register(dev.kustodian.ui.encryption.EncryptionPage::new);
    }

    public static void register(WizardRegistry wizards) {
        wizards.register(SecretReaderRoleWizard::new);
        wizards.register(RoleWizard::new);
        wizards.register(RightSizeWizard::new);
        wizards.register(dev.kustodian.ui.encryption.EncryptionConfigWizard::new);
        wizards.register(dev.kustodian.ui.encryption.EncryptionRotationWizard::new);
    }
}
