package dev.kustodian.core.rbac;

import dev.kustodian.core.cluster.SnapshotFileLoader;
import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.secrets.SecretReader;
import dev.kustodian.core.secrets.SecretReadersSource;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RbacSecretReadersProviderTest {
    private final AnalysisContext ctx = dev.kustodian.core.analysis.Analysis.context(SnapshotFileLoader.load(
            Path.of("src/test/resources/snapshots/readers"), Progress.NONE, new Cancellation()), java.time.Clock.systemUTC());

    @Test
    void theEngineIsTheSecretReadersSource() {
        SecretReadersSource source = SecretReadersSource.of(ctx);
        assertThat(source.available()).isTrue();
        List<SecretReader> readers = source.readers("shop", "db");
        assertThat(readers).extracting(SecretReader::display)
                .contains("ServiceAccount/ops/backup", "User/alice");
        SecretReader backup = readers.stream().filter(r -> r.subjectName().equals("backup")).findFirst().orElseThrow();
        assertThat(backup.verbs()).containsExactlyInAnyOrder("list", "watch");
        assertThat(backup.canListOrWatch()).isTrue();
        assertThat(backup.paths()).containsExactly("ClusterRoleBinding/backup-lists-secrets → ClusterRole/secret-lister");
        SecretReader alice = readers.stream().filter(r -> r.subjectName().equals("alice")).findFirst().orElseThrow();
        assertThat(alice.verbs()).containsExactly("get");
        assertThat(alice.canListOrWatch()).isFalse();
    }

    @Test
    void secretsWithoutNamedGrantsShareTheirNamespacesList() {
        SecretReadersSource source = SecretReadersSource.of(ctx);
        SecretReaders engine = SecretReaders.of(ctx);
        assertThat(engine.hasNamedReaders("shop", "db")).isTrue();
        assertThat(source.readers("shop", "db")).isNotSameAs(source.readers("shop", "no-such-secret"));
        assertThat(source.readers("shop", "no-such-secret")).isSameAs(source.readers("shop", "another-one"))
                .extracting(SecretReader::display).doesNotContain("User/alice").contains("ServiceAccount/ops/backup");
        assertThat(source.readers("shop", "db")).isSameAs(source.readers("shop", "db"));
    }

    @Test
    void theListReaderRuleFiresForTheNonSystemListerOnly() {
        List<Finding> findings = Rules.evaluate(ctx, dev.kustodian.core.analysis.Analysis.allRules());
        assertThat(findings).filteredOn(f -> f.rule().equals("SEC-READERS-LIST"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.title() + f.explanation()).contains("backup"))
                .noneSatisfy(f -> assertThat(f.title() + f.explanation()).contains("alice"));
    }
}
