package dev.kustodian.ui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {

    @Test
    void productionLookingNames() {
        assertThat(Settings.looksLikeProduction("prod")).isTrue();
        assertThat(Settings.looksLikeProduction("prod-eu")).isTrue();
        assertThat(Settings.looksLikeProduction("gke_acme_europe-west1_production")).isTrue();
        assertThat(Settings.looksLikeProduction("eks-prd-1")).isTrue();
        assertThat(Settings.looksLikeProduction("LIVE")).isTrue();
        assertThat(Settings.looksLikeProduction("dev")).isFalse();
        assertThat(Settings.looksLikeProduction("product-catalog-staging")).isFalse();
        assertThat(Settings.looksLikeProduction("delivery")).isFalse();
    }

    @Test
    void marksArePersisted(@TempDir Path dir) {
        Path file = dir.resolve("settings");
        Settings s = new Settings(file);
        s.setProduction("customer-a", true);
        s.setProduction("prod-sandbox", false);
        s.setTheme("dark");
        Settings again = new Settings(file);
        assertThat(again.isProduction("customer-a")).isTrue();
        assertThat(again.isProduction("prod-sandbox")).isFalse();
        assertThat(again.isProduction("prod-eu")).isTrue();
        assertThat(again.isProduction("dev")).isFalse();
        assertThat(again.theme()).isEqualTo("dark");
    }
}
