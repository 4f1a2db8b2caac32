package dev.kustodian.core.findings;

import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo cluster shows every area's findings once, without duplicates from controllers and their pods. */
class DemoFindingsTest {
    private static List<Finding> findings;

    @BeforeAll
    static void load() {
        try (ClusterSession s = ClusterLoader.open(SourceSpec.demo(), Progress.NONE, new Cancellation())) {
            findings = dev.kustodian.core.analysis.Analysis.of(s.snapshot()).findings();
        }
    }

    @Test
    void findingIdsAreUnique() {
        Map<String, Long> ids = findings.stream().collect(Collectors.groupingBy(Finding::id, Collectors.counting()));
        assertThat(ids).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    }

    @Test
    void controlledWorkloadsAreReportedOnTheirOwner() {
        assertThat(findings).filteredOn(f -> f.rule().equals("RBAC-SA-TOKEN-MOUNT")
                        || f.rule().equals("SEC-VALUE-OUTSIDE-SECRET"))
                .isNotEmpty()
                .noneMatch(f -> f.object().kind().equals("ReplicaSet") || f.object().kind().equals("Pod"));
        assertThat(findings).filteredOn(f -> f.rule().equals("SEC-VALUE-OUTSIDE-SECRET")
                        && f.object().name().equals("payments-api"))
                .hasSize(1);
    }

    @Test
    void everyAreaHasFindingsAndCisIdsAreBare() {
        assertThat(findings.stream().map(Finding::area).collect(Collectors.toSet()))
                .contains("secrets", "rbac", "encryption", "external-stores");
        assertThat(findings).flatExtracting(Finding::cis).allSatisfy(c -> assertThat(c).matches("[0-9][0-9.]*"));
    }

    @Test
    void theDemoTriggersEveryExternalStoreRule() {
        var rules = findings.stream().map(Finding::rule).collect(Collectors.toSet());
        assertThat(rules).contains("EXT-NOT-ADOPTED", "EXT-STATIC-STORE-CREDENTIALS", "EXT-CLUSTER-STORE-ALL-NAMESPACES",
                "EXT-STORE-MISSING");
        assertThat(findings).filteredOn(f -> f.rule().equals("EXT-STORE-MISSING")).singleElement()
                .satisfies(f -> assertThat(f.object().display()).isEqualTo("ExternalSecret/shop/shop-api-token"));
    }

    @Test
    void theDemoTriggersEverySecretRuleThatCanFireOnIt() {
        var rules = findings.stream().map(Finding::rule).collect(Collectors.toSet());
        // SEC-NO-EXTERNAL-STORE cannot fire here: the demo has the ESO CRDs installed, as the foundation asks
        assertThat(rules).contains("SEC-ENV", "SEC-SA-TOKEN-LEGACY", "SEC-SA-AUTOMOUNT", "SEC-UNUSED",
                "SEC-DANGLING-REF", "SEC-VALUE-OUTSIDE-SECRET", "SEC-TLS-EXPIRED", "SEC-TLS-EXPIRING",
                "SEC-REGISTRY-CREDS-INLINE", "SEC-READERS-LIST", "SEC-READERS-MANY", "SEC-DEFAULT-NAMESPACE",
                "SEC-SHARED-VALUE", "SEC-NOT-ROTATED");
    }
}
