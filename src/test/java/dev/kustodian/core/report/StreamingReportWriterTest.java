package dev.kustodian.core.report;

import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.AnalysisContext;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.secrets.ScanBenchmark;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming writers write the same bytes as the writer that built the whole report first
 * ({@link LegacyReportWriter}), in every format, on the demo cluster, on a generated cluster and on findings with
 * every character the formats escape; and they do stream (no single write carries the whole report).
 */
class StreamingReportWriterTest {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private static List<Finding> demo;
    private static List<Finding> generated;

    @BeforeAll
    static void load() {
        try (ClusterSession s = ClusterLoader.open(SourceSpec.demo(), Progress.NONE, new Cancellation())) {
            demo = dev.kustodian.core.analysis.Analysis.of(s.snapshot(), Clock.fixed(AT, ZoneOffset.UTC)).findings();
        }
        generated = dev.kustodian.core.analysis.Analysis.of(ScanBenchmark.synthetic(20, 2_000, 300),
                Clock.fixed(AT, ZoneOffset.UTC)).findings();
    }

    private static Report report(List<Finding> findings, String source) {
        return Report.of(findings, source, AT, dev.kustodian.core.analysis.Analysis.allRules());
    }

    private static void assertSameBytes(Report r) {
        for (ReportFormat f : LegacyReportWriter.FORMATS) {
            String streamed = ReportWriter.toString(r, f);
            String legacy = LegacyReportWriter.toString(r, f);
            assertThat(streamed).as(f + " of " + r.source()).isEqualTo(legacy);
        }
    }

    @Test
    void demoClusterWithAndWithoutSystemFindings() {
        assertThat(demo).hasSizeGreaterThan(50).anyMatch(Finding::system).anyMatch(f -> f.fix() != null);
        assertSameBytes(report(demo, "demo cluster (embedded)"));
        assertSameBytes(report(demo.stream().filter(f -> !f.system()).toList(), "demo cluster (embedded)"));
    }

    @Test
    void generatedCluster() {
        assertThat(generated).hasSizeGreaterThan(2_000);
        assertSameBytes(report(generated, "snapshot: synthetic <500 & \"ns\">"));
    }

    @Test
    void emptyAndSmallReports() {
        assertSameBytes(new Report(List.of(), "x", AT, null));
        assertSameBytes(ReportWriterTest.sample());
    }

    /** A report that names its CIS benchmark carries the same new header, summary field and SARIF run property. */
    @Test
    void reportNamingItsCisBenchmark() {
        Report r = ReportWriterTest.sample().withCisBenchmark("eks-1.8.0");
        assertThat(r.cisBenchmark()).isEqualTo("eks-1.8.0");
        assertSameBytes(r);
    }

    /** Random findings made of the characters the formats escape or pad: |, <, >, &, quotes, newlines, unicode. */
    @Test
    void findingsWithEveryEscapedCharacter() {
        Random rnd = new Random(12);
        String[] pieces = {"a", "Z", "-", "|", "<", ">", "&", "\"", "'", "\n", "\t", "\\", "/", " ", "é", "…", "😀",
                "+", "%", "`", "*", "\u0001", "ü", "名"};
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Severity sev = Severity.values()[rnd.nextInt(Severity.values().length)];
            String area = List.of("secrets", "rbac", "encryption", "a|b<c").get(rnd.nextInt(4));
            ObjectRef o = new ObjectRef(text(rnd, pieces, 1, 8), rnd.nextBoolean() ? "" : text(rnd, pieces, 1, 12),
                    rnd.nextInt(5) == 0 ? "" : text(rnd, pieces, 1, 90));
            List<String> cis = rnd.nextBoolean() ? List.of() : List.of("5.1." + rnd.nextInt(9), "CIS 1.2." + i);
            Finding f = Finding.of("RULE-" + rnd.nextInt(12), area, sev, o, text(rnd, pieces, 0, 30),
                    text(rnd, pieces, 0, 50), text(rnd, pieces, 0, 30), cis);
            if (rnd.nextBoolean()) {
                f = f.withFix(text(rnd, pieces, 1, 6));
            }
            findings.add(rnd.nextInt(4) == 0 ? f.asSystem() : f);
        }
        assertSameBytes(new Report(findings, text(rnd, pieces, 1, 20), AT,
                Map.of("RULE-1", "Rule one <b>", "RULE-2", "two | \"quoted\"")));
    }

    private static String text(Random rnd, String[] pieces, int min, int max) {
        StringBuilder sb = new StringBuilder();
        int n = min + rnd.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            sb.append(pieces[rnd.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    /** Each write is small compared with the report: the writers stream instead of writing one whole string. */
    @Test
    void writersStreamInPieces() throws IOException {
        Report r = report(generated, "generated");
        for (ReportFormat f : ReportFormat.values()) {
            long[] total = {0};
            int[] largest = {0};
            Writer probe = new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    total[0] += len;
                    largest[0] = Math.max(largest[0], len);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            ReportWriter.write(r, f, probe);
            assertThat(total[0]).as(f + " total").isGreaterThan(500_000);
            assertThat(largest[0]).as(f + " largest single write").isLessThan(16_384);
        }
    }

    /** A report streamed into a file has the same bytes (UTF-8) as the whole report encoded at once. */
    @Test
    void streamedFileHasTheSameBytes(@TempDir Path dir) throws IOException {
        Report r = ReportWriterTest.sample();
        for (ReportFormat f : LegacyReportWriter.FORMATS) {
            Path file = dir.resolve("report." + f.extension());
            SafeFiles.writeAtomically(file, w -> ReportWriter.write(r, f, w));
            assertThat(Files.readAllBytes(file)).as(f.id())
                    .isEqualTo(LegacyReportWriter.toString(r, f).getBytes(StandardCharsets.UTF_8));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(LegacyReportWriter.FORMATS.size()); // no temporary file left behind
        }
    }

    /** A failure midway leaves the previous file as it was and no temporary file. */
    @Test
    void failureMidwayLeavesNoPartialFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "previous");
        assertThatThrownBy(() -> SafeFiles.writeAtomically(file, w -> {
            w.write("{\"findings\": [");
            throw new IOException("No space left on device");
        })).isInstanceOf(dev.kustodian.core.util.UserFacingException.class) // issue 16: the failure in words
                .hasMessageContaining("report.json").hasMessageContaining("the disk is full");
        assertThat(Files.readString(file)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
