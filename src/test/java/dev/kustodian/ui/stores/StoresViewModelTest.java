package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.StoreInventory;
import dev.kustodian.core.externalsecrets.StoreInventoryTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoresViewModelTest {

    @Test
    void updateFiltersByNamespaceAndText() {
        StoresViewModel vm = new StoresViewModel();
        vm.update(StoreInventoryTest.snapshotForUi(), ns -> true);
        assertThat(vm.operators).hasSize(4);
        assertThat(vm.objects).hasSize(4);
        assertThat(vm.secrets).extracting(StoreInventory.Adoption::name).doesNotContain("token");
        assertThat(vm.plainCount()).isEqualTo(1);
        vm.filter.set("sealed");
        assertThat(vm.objects).singleElement().satisfies(o -> assertThat(o.kind()).isEqualTo("SealedSecret"));
        vm.update(StoreInventoryTest.snapshotForUi(), ns -> true); // a new inventory (new objects) under the filter
        assertThat(vm.objects).as("filtered by the new inventory's search text")
                .singleElement().satisfies(o -> assertThat(o.kind()).isEqualTo("SealedSecret"));
        vm.filter.set("");
        vm.update(StoreInventoryTest.snapshotForUi(), ns -> !ns.equals("a"));
        assertThat(vm.objects).isEmpty();
        assertThat(vm.secrets).isEmpty();
    }

    @Test
    void lintAFolderReportsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("es.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                ---
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata: {name: e, namespace: a}
                spec: {secretStoreRef: {name: s}, data: [{secretKey: k, remoteRef: {key: r}}]}
                """);
        StoresViewModel vm = new StoresViewModel();
        vm.showLint(dir, StoresViewModel.lint(List.of(dir)));
        assertThat(vm.lintProblems).anySatisfy(p -> {
            assertThat(p.file()).endsWith("es.yaml");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.rule()).isEqualTo("unserved-version");
        });
        assertThat(vm.lintSummary.get()).contains("1 error(s)");
    }
}
