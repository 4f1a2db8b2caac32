package dev.kustodian.core.analysis;

import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.encryption.EncryptionRules;
import dev.kustodian.core.externalsecrets.StoreRules;
import dev.kustodian.core.findings.FindingRule;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.RbacFindingRules;
import dev.kustodian.core.secrets.SecretRules;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisTest {
    private static ClusterSnapshot demo;

    @BeforeAll
    static void load() {
        try (ClusterSession s = ClusterLoader.open(SourceSpec.demo(), Progress.NONE, new Cancellation())) {
            demo = s.snapshot();
        }
    }

    @Test
    void oneRbacEngineServesTheFindingsAndEveryIndex() {
        long before = RbacEngine.builds();
        Analysis a = Analysis.of(demo);
        assertThat(RbacEngine.builds() - before).as("nothing is computed before it is asked for").isZero();
        assertThat(a.findings()).isNotEmpty();
        assertThat(a.findingsComputed()).isTrue();
        RbacEngine engine = a.rbac();
        assertThat(a.rbac()).isSameAs(engine);
        assertThat(a.secretReaders()).isSameAs(a.secretReaders());
        assertThat(a.risks().hits()).isNotEmpty();
        assertThat(a.usage().all()).hasSize(demo.secrets().size());
        assertThat(a.readersSource().available()).isTrue();
        assertThat(a.findings()).isSameAs(a.findings());
        assertThat(RbacEngine.builds() - before).isEqualTo(1);
    }

    @Test
    void theFindingsAreNumberedInTheClustersBenchmarkOnce() {
        Analysis a = Analysis.of(demo);
        assertThat(a.cisBenchmark()).isEqualTo("cis-1.11").isEqualTo(Analysis.cisBenchmarkOf(demo)); // v1.31
        List<dev.kustodian.core.findings.Finding> numbered = a.findingsInItsBenchmark();
        assertThat(numbered).isEqualTo(dev.kustodian.core.findings.CisBenchmarks.translateAll(a.findings(), "cis-1.11"))
                .isSameAs(a.findingsInItsBenchmark());
        assertThat(numbered).as("some finding carries a CIS id numbered in cis-1.11").anyMatch(f -> !f.cis().isEmpty());
    }

    @Test
    void everyAreaIsWiredExplicitlyAndTheReaderRulesRun() {
        List<String> ids = Analysis.allRules().stream().map(FindingRule::id).toList();
        for (Rules.RuleProvider p : List.of(new SecretRules(), new RbacFindingRules(), new EncryptionRules(),
                new StoreRules())) {
            assertThat(ids).containsAll(p.rules().stream().map(FindingRule::id).toList());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        // the reader rules depend on the RBAC engine as the readers source: no service file can turn them off
        assertThat(Analysis.of(demo).findings()).extracting(f -> f.rule())
                .contains(SecretRules.READERS_LIST, SecretRules.READERS_MANY);
    }

    @Test
    void findingsAreWhatEveryRuleFindsOnTheSameSnapshotAndClock() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-06-01T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        assertThat(Analysis.of(demo, clock).findings())
                .containsExactlyElementsOf(Rules.evaluate(Analysis.context(demo, clock), Analysis.allRules()));
    }
}
