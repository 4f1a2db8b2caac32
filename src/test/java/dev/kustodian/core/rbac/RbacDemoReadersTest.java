package dev.kustodian.core.rbac;

import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.secrets.SecretReadersSource;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On the demo cluster the RBAC engine is the secrets rules' readers source and both reader rules fire. */
class RbacDemoReadersTest {
    static ClusterSession session;
    static AnalysisContext ctx;

    @BeforeAll
    static void load() {
        session = ClusterLoader.open(SourceSpec.demo(), Progress.NONE, new Cancellation());
        ctx = dev.kustodian.core.analysis.Analysis.context(session.snapshot(), java.time.Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theEngineIsTheReadersSourceOnTheDemo() {
        SecretReadersSource source = SecretReadersSource.of(ctx);
        assertThat(source.available()).isTrue();
        assertThat(source.getClass().getName()).startsWith(RbacSecretReadersProvider.class.getName());
    }

    @Test
    void bothReaderRulesFireOnTheDemo() {
        List<Finding> findings = Rules.evaluate(ctx, dev.kustodian.core.analysis.Analysis.allRules());
        List<Finding> list = findings.stream().filter(f -> f.rule().equals("SEC-READERS-LIST")).toList();
        assertThat(list).isNotEmpty();
        assertThat(list).anySatisfy(f -> assertThat(f.object().display() + " " + f.title() + " " + f.explanation())
                .contains("secrets-exporter"));
        assertThat(findings).filteredOn(f -> f.rule().equals("SEC-READERS-MANY")).isNotEmpty();
    }
}
