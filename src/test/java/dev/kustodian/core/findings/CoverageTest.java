package dev.kustodian.core.findings;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {

    private static ClusterSnapshot withGaps(VisibilityGap... gaps) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder(new SourceInfo(SourceInfo.Kind.SNAPSHOT, "t", "", "",
                Instant.EPOCH, null));
        b.gaps.addAll(List.of(gaps));
        return b.build();
    }

    private static FindingRule rule(String id, Set<String> reads) {
        return new FindingRule() {
            public String id() {
                return id;
            }

            public String description() {
                return id;
            }

            public List<Finding> evaluate(AnalysisContext context) {
                return List.of();
            }

            public Set<String> reads() {
                return reads;
            }
        };
    }

    @Test
    void aCompleteSnapshotBlindsNoRule() {
        Coverage c = Coverage.of(withGaps(), List.of(rule("A", Coverage.EVERYTHING)));
        assertThat(c.complete()).isTrue();
        assertThat(c.gaps()).isEmpty();
    }

    @Test
    void aGapBlindsTheRulesThatReadItEverywhereOrInSomeNamespaces() {
        Coverage c = Coverage.of(withGaps(new VisibilityGap("secrets", "", 403, "needs list on secrets"),
                        new VisibilityGap("pods", "shop", 403, "needs list on pods in shop")),
                List.of(rule("SECRETS", Set.of("secrets")), rule("PODS", Coverage.WORKLOADS),
                        rule("RBAC", Coverage.RBAC), rule("ANY", Coverage.EVERYTHING)));
        assertThat(c.gaps()).extracting(Coverage.Gap::kind).containsExactly("Secret", "Pod");
        assertThat(c.notEvaluated()).extracting(Coverage.NotEvaluated::rule).containsExactly("SECRETS", "PODS", "ANY");
        assertThat(c.notEvaluated().get(0).partial()).isFalse();
        assertThat(c.notEvaluated().get(1).partial()).isTrue();
        assertThat(c.notEvaluated().get(1).reason()).startsWith("partly evaluated: pods");
        assertThat(c.notEvaluated().get(2).resources()).containsExactly("pods", "secrets");
        assertThat(c.complete()).isFalse();
    }

    @Test
    void anUnreadableSnapshotFileLeavesEveryRulePartlyEvaluated() {
        Coverage c = Coverage.of(withGaps(new VisibilityGap("file", "", 0, "x.yaml: not YAML")),
                List.of(rule("SECRETS", Set.of("secrets"))));
        assertThat(c.notEvaluated()).singleElement().satisfies(n -> assertThat(n.partial()).isTrue());
    }

    @Test
    void everyRegisteredRuleSaysWhatItReads() {
        assertThat(dev.kustodian.core.analysis.Analysis.allRules()).allSatisfy(r -> assertThat(r.reads()).as(r.id()).isNotEqualTo(Coverage.EVERYTHING));
    }
}
