package dev.kustodian.ui.secrets;

import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.rbac.SecretReaders;
import dev.kustodian.ui.framework.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Secrets view model without a scene: analysis, filters, header, age and size formats. */
class SecretsViewModelTest {

    @Test
    void readersComeFromTheRbacEngine() {
        ClusterSnapshot s = SecretsFixture.snapshot(SourceInfo.Kind.LIVE);
        SecretReaders r = SecretReaders.of(new AnalysisContext(s, SecretsFixture.CLOCK));
        assertThat(r.readers("shop", "db")).extracting(x -> x.subject().display()).contains("ServiceAccount/shop/ci");
        SecretsViewModel.Inventory inv = SecretsViewModel.analyse(dev.kustodian.core.analysis.Analysis.of(s, SecretsFixture.CLOCK), SecretsFixture.findings(s), SecretsFixture.CLOCK,
                null);
        assertThat(inv.readers()).isNotNull();
        SecretRow db = inv.rows().stream().filter(x -> x.name().equals("db")).findFirst().orElseThrow();
        assertThat(db.readerCount()).isEqualTo(1);
        assertThat(db.findings()).extracting(f -> f.rule()).contains("SEC-NOT-ROTATED");
        SecretRow token = inv.rows().stream().filter(x -> x.name().equals("legacy-token")).findFirst().orElseThrow();
        assertThat(token.readerCount()).isZero(); // only system components read kube-system
    }

    @Test
    void filtersAndHeader() {
        ClusterSnapshot s = SecretsFixture.snapshot(SourceInfo.Kind.LIVE);
        SecretsViewModel vm = new SecretsViewModel(new RevealViewModel(new SameThreadTaskExecutor(),
                new SecretsFixture.ManualTimer(), new SecretsFixture.FakeClipboard()));
        vm.setInventory(SecretsViewModel.analyse(dev.kustodian.core.analysis.Analysis.of(s, SecretsFixture.CLOCK), SecretsFixture.findings(s), SecretsFixture.CLOCK, null));
        assertThat(vm.filtered).hasSize(5);
        assertThat(vm.types).contains(SecretsViewModel.ALL_TYPES, "kubernetes.io/tls", "Opaque");
        vm.filterText.set("PASSWORD"); // key names match, case-insensitive
        assertThat(vm.filtered).extracting(SecretRow::name).containsExactly("db");
        assertThat(vm.header.get()).startsWith("5 secrets · 1 shown");
        vm.filterText.set("");
        vm.setNamespaceFilter(ns -> ns.equals("payments"));
        assertThat(vm.filtered).extracting(SecretRow::name).containsExactly("web-tls");
    }

    @Test
    void selectionIsDroppedWhenFilteredOutAndKeptOnRefresh() {
        ClusterSnapshot s = SecretsFixture.snapshot(SourceInfo.Kind.LIVE);
        SecretsViewModel vm = new SecretsViewModel(new RevealViewModel(new SameThreadTaskExecutor(),
                new SecretsFixture.ManualTimer(), new SecretsFixture.FakeClipboard()));
        SecretsViewModel.Inventory inv = SecretsViewModel.analyse(dev.kustodian.core.analysis.Analysis.of(s, SecretsFixture.CLOCK), SecretsFixture.findings(s), SecretsFixture.CLOCK, null);
        vm.setInventory(inv);
        vm.selected.set(vm.filtered.get(0));
        String key = vm.selected.get().key();
        vm.setInventory(SecretsViewModel.analyse(dev.kustodian.core.analysis.Analysis.of(s, SecretsFixture.CLOCK), SecretsFixture.findings(s), SecretsFixture.CLOCK, null));
        assertThat(vm.selected.get().key()).isEqualTo(key);
        vm.filterText.set("no-such-secret");
        assertThat(vm.selected.get()).isNull();
    }

    @Test
    void formats() {
        java.time.Instant now = SecretsFixture.NOW;
        assertThat(SecretsViewModel.age(now.minusSeconds(600), now)).isEqualTo("10m");
        assertThat(SecretsViewModel.age(now.minusSeconds(7200), now)).isEqualTo("2h");
        assertThat(SecretsViewModel.age(now.minus(java.time.Duration.ofDays(40)), now)).isEqualTo("40d");
        assertThat(SecretsViewModel.age(null, now)).isEmpty();
        assertThat(SecretsViewModel.size(900)).isEqualTo("900 B");
        assertThat(SecretsViewModel.size(2048)).isEqualTo("2.0 KiB");
        assertThat(RevealViewModel.render("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("héllo");
        assertThat(RevealViewModel.render(new byte[]{(byte) 0xff, 0})).isEqualTo("<binary, 2 bytes>");
    }
}
