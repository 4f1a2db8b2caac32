package dev.kustodian.core.findings;

import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.SourceInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RulesTest {
    private static final ClusterSnapshot EMPTY = ClusterSnapshot.builder(
            new SourceInfo(SourceInfo.Kind.SNAPSHOT, "test", "", "", Instant.EPOCH, null)).build();

    private record FixedRule(String id, List<Finding> findings) implements FindingRule {
        @Override
        public String description() {
            return id;
        }

        @Override
        public List<Finding> evaluate(AnalysisContext context) {
            return findings;
        }
    }

    private static Finding finding(String rule, Severity severity, String name) {
        return Finding.of(rule, "test", severity, new ObjectRef("Secret", "ns", name), "t " + name, "e", "r", List.of());
    }

    @Test
    void findingsOfAllRulesComeOutInOneStableOrderAndAFailingRuleIsOneInfoFinding() {
        List<FindingRule> rules = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "R-" + (char) ('A' + i % 26) + i;
            rules.add(new FixedRule(id, List.of(finding(id, Severity.values()[i % Severity.values().length], "s" + i),
                    finding(id, Severity.LOW, "z" + i), finding(id, Severity.LOW, "a" + i))));
        }
        rules.add(new FindingRule() {
            @Override
            public String id() {
                return "R-BROKEN";
            }

            @Override
            public String description() {
                return "throws";
            }

            @Override
            public List<Finding> evaluate(AnalysisContext context) {
                throw new IllegalStateException("boom");
            }
        });
        List<Finding> first = Rules.evaluate(AnalysisContext.of(EMPTY), rules);
        assertThat(first).hasSize(40 * 3 + 1);
        for (int i = 0; i < 5; i++) {
            assertThat(Rules.evaluate(AnalysisContext.of(EMPTY), rules)).containsExactlyElementsOf(first);
        }
        for (int i = 1; i < first.size(); i++) {
            Finding a = first.get(i - 1);
            Finding b = first.get(i);
            assertThat(a.severity().compareTo(b.severity())).as("%s before %s", a.id(), b.id()).isGreaterThanOrEqualTo(0);
            if (a.severity() == b.severity() && a.rule().equals(b.rule())) {
                assertThat(a.id()).isLessThan(b.id());
            }
        }
        assertThat(first).filteredOn(f -> f.rule().equals("KUSTODIAN-RULE-ERROR")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.title()).contains("R-BROKEN");
                    assertThat(f.explanation()).doesNotContain("boom");
                });
    }

    /** A derived value. */
    private record Slow(int n) {
    }

    /** Another derived value. */
    private record Quick(int n) {
    }

    @Test
    void differentDerivedValuesAreComputedConcurrentlyAndEachOnlyOnce() throws Exception {
        AnalysisContext ctx = AnalysisContext.of(EMPTY);
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch quickDone = new CountDownLatch(1);
        AtomicInteger slowComputations = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // Slow waits inside its computation until Quick has been computed on another thread: with one lock for
            // all derived values Quick would wait for Slow and the latch would never open.
            Future<Boolean> slow = pool.submit(() -> {
                boolean[] opened = new boolean[1];
                ctx.derived(Slow.class, s -> {
                    slowComputations.incrementAndGet();
                    slowStarted.countDown();
                    try {
                        opened[0] = quickDone.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new Slow(1);
                });
                return opened[0];
            });
            assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Slow> sameValue = pool.submit(() -> ctx.derived(Slow.class, s -> {
                slowComputations.incrementAndGet();
                return new Slow(2);
            }));
            Future<Quick> quick = pool.submit(() -> ctx.derived(Quick.class, s -> new Quick(3)));
            assertThat(quick.get(30, TimeUnit.SECONDS)).isEqualTo(new Quick(3));
            quickDone.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS)).as("Quick was computed while Slow was being computed").isTrue();
            assertThat(sameValue.get(30, TimeUnit.SECONDS)).isEqualTo(new Slow(1));
            assertThat(slowComputations).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mergingRuleListsSortedOnTheirOwnGivesTheOrderOfOneStableSortOfTheirConcatenation() {
        java.util.Random random = new java.util.Random(12);
        String[] rules = {"SEC-A", "SEC-B", "RBAC-C", "ENC-D"};
        for (int round = 0; round < 200; round++) {
            List<List<Finding>> lists = new ArrayList<>();
            List<Finding> all = new ArrayList<>();
            for (int l = random.nextInt(6); l > 0; l--) {
                List<Finding> list = new ArrayList<>();
                for (int n = random.nextInt(40); n > 0; n--) {
                    // rules shared by several lists, equal ids (same rule, object) and titles that tell them apart
                    Finding f = finding(rules[random.nextInt(rules.length)],
                            Severity.values()[random.nextInt(Severity.values().length)], "s" + random.nextInt(8));
                    list.add(new Finding(f.id(), f.rule(), f.area(), f.severity(), "t" + round + "-" + all.size(),
                            f.explanation(), f.object(), f.cis(), f.remediation(), f.system(), f.fix()));
                    all.add(list.get(list.size() - 1));
                }
                list.sort(Rules.ORDER);
                lists.add(list);
            }
            all.sort(Rules.ORDER);
            assertThat(Rules.merge(lists)).containsExactlyElementsOf(all);
        }
    }
}
