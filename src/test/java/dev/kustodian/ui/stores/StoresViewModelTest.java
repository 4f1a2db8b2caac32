package dev.kustodian.ui.stores;

import dev.kustodian.core.externalsecrets.StoreDetection;
import dev.kustodian.core.externalsecrets.StoreInventory;
import dev.kustodian.core.externalsecrets.StoreRules;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;
import javafx.collections.ListChangeListener;
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
    void dataComputedOffTheFxThreadCarriesTheAreasFindingsAndLeavesUnchangedOperatorCardsAlone() {
        var snap = StoreInventoryTest.snapshotForUi();
        Finding plainInA = Finding.of("STORE-PLAIN", StoreRules.AREA, Severity.MEDIUM, new ObjectRef("Secret", "a",
                "p"), "a plain secret", "why", "fix", List.of());
        Finding plainInB = Finding.of("STORE-PLAIN", StoreRules.AREA, Severity.MEDIUM, new ObjectRef("Secret", "b",
                "p"), "a plain secret", "why", "fix", List.of());
        Finding system = Finding.of("STORE-PLAIN", StoreRules.AREA, Severity.LOW, new ObjectRef("Secret", "a",
                "sys"), "expected", "why", "fix", List.of()).asSystem();
        Finding otherArea = Finding.of("RBAC-X", "rbac", Severity.HIGH, new ObjectRef("Role", "a", "r"), "rbac",
                "why", "fix", List.of());
        List<Finding> all = List.of(plainInA, plainInB, system, otherArea);
        StoresViewModel vm = new StoresViewModel();
        int[] operatorChanges = {0};
        vm.operators.addListener((ListChangeListener<StoreDetection.Status>) c -> operatorChanges[0]++);

        vm.show(StoresViewModel.compute(snap, all, ns -> true));
        assertThat(vm.findings).containsExactly(plainInA, plainInB);
        assertThat(vm.plainCount()).isEqualTo(1);
        assertThat(operatorChanges[0]).isEqualTo(1);

        vm.show(StoresViewModel.compute(snap, all, ns -> !ns.equals("a"))); // a namespace change
        assertThat(vm.findings).containsExactly(plainInB);
        assertThat(vm.secrets).isEmpty();
        assertThat(vm.plainCount()).isZero();
        assertThat(operatorChanges[0]).as("the same operators: their cards are not built again").isEqualTo(1);

        vm.show(StoresViewModel.compute(snap, null, ns -> true)); // before the analysis: findings left as shown
        assertThat(vm.findings).containsExactly(plainInB);
        assertThat(vm.plainCount()).isEqualTo(1);
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
