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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming writers write the same bytes as the writer that built the whole report first (a Jackson tree or one
 * string, removed in issue 11), in every format, on the demo cluster (a snapshot of it committed in
 * src/test/resources/reports/demo-cluster.yaml), on a generated cluster and on findings with every character the
 * formats escape: the golden files in src/test/resources/reports/ were written by that writer from these same
 * inputs (those of the generated cluster and of the random findings gzipped: 13 MB as text). Regenerate them after
 * an intended change of a format or of the rules with {@code -Dtest.extraArgs=-Dkustodian.updateGolden=true} and
 * review the diff. Also: the writers do stream (no single write carries the whole report).
 */
class StreamingReportWriterTest {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    /** The formats that existed before streaming; the policy report formats are checked against their CRD schemas. */
    static final List<ReportFormat> FORMATS = List.of(ReportFormat.TABLE, ReportFormat.JSON, ReportFormat.SARIF,
            ReportFormat.MARKDOWN, ReportFormat.HTML);
    private static final Path GOLDEN = Path.of("src/test/resources/reports");
    private static List<Finding> demo;
    private static List<Finding> generated;

    /** A report and the name of its golden files ({@code NAME.txt.golden}, {@code NAME.json.golden}, ... or .gz). */
    record Case(String name, Report report, boolean gzipped) {
        Case(String name, Report report) {
            this(name, report, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void load() throws Exception {
        Path snapshot = Path.of(StreamingReportWriterTest.class.getResource("/reports/demo-cluster.yaml").toURI());
        try (ClusterSession s = ClusterLoader.open(SourceSpec.snapshot(snapshot), Progress.NONE, new Cancellation())) {
            demo = dev.kustodian.core.analysis.Analysis.of(s.snapshot(), Clock.fixed(AT, ZoneOffset.UTC)).findings();
        }
        generated = dev.kustodian.core.analysis.Analysis.of(ScanBenchmark.synthetic(20, 2_000, 300),
                Clock.fixed(AT, ZoneOffset.UTC)).findings();
    }

    private static Report report(List<Finding> findings, String source) {
        return Report.of(findings, source, AT, dev.kustodian.core.analysis.Analysis.allRules());
    }

    /**
     * The demo cluster with and without system findings, a generated cluster, an empty and a small report, one that
     * names its CIS benchmark (its own header, summary field and SARIF run property) and random findings made of
     * the characters the formats escape or pad.
     */
    static List<Case> cases() {
        return List.of(new Case("demo", report(demo, "demo cluster (embedded)")),
                new Case("demo-no-system", report(demo.stream().filter(f -> !f.system()).toList(),
                        "demo cluster (embedded)")),
                new Case("generated", report(generated, "snapshot: synthetic <500 & \"ns\">"), true),
                new Case("empty", new Report(List.of(), "x", AT, null)),
                new Case("sample", ReportWriterTest.sample()),
                new Case("sample-cis", ReportWriterTest.sample().withCisBenchmark("eks-1.8.0")),
                new Case("escaped", escapedCharacters(), true));
    }

    @Test
    void inputsHaveWhatTheyAreThereFor() {
        assertThat(demo).hasSizeGreaterThan(50).anyMatch(Finding::system).anyMatch(f -> f.fix() != null);
        assertThat(generated).hasSizeGreaterThan(2_000);
        assertThat(ReportWriterTest.sample().withCisBenchmark("eks-1.8.0").cisBenchmark()).isEqualTo("eks-1.8.0");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameBytesAsTheGoldenFiles(Case c) throws IOException {
        sameBytesAsTheGoldenFiles(c, FORMATS);
    }

    void sameBytesAsTheGoldenFiles(Case c, List<ReportFormat> formats) throws IOException {
        for (ReportFormat f : formats) {
            String name = c.name() + "." + f.extension() + (c.gzipped() ? ".gz" : ".golden");
            String streamed = utf8Safe(ReportWriter.toString(c.report(), f));
            if (Boolean.getBoolean("kustodian.updateGolden")) {
                OutputStream file = Files.newOutputStream(GOLDEN.resolve(name));
                try (OutputStream out = c.gzipped() ? new GZIPOutputStream(file) : file) {
                    out.write(streamed.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                byte[] golden = golden(name);
                if (c.gzipped()) {
                    golden = new GZIPInputStream(new ByteArrayInputStream(golden)).readAllBytes();
                }
                assertThat(streamed).as(name).isEqualTo(new String(golden, StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = StreamingReportWriterTest.class.getResourceAsStream("/reports/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    /**
     * The text with each lone surrogate (the table pads and cuts by char, so it can split an emoji of the random
     * findings) written as {@code \\uD83D}: UTF-8 cannot carry it, the rest of the text stays as it is.
     */
    static String utf8Safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                sb.append(ch).append(s.charAt(++i));
            } else if (Character.isSurrogate(ch)) {
                sb.append(String.format("\\u%04X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Random findings made of the characters the formats escape or pad: |, <, >, &, quotes, newlines, unicode. */
    private static Report escapedCharacters() {
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
        return new Report(findings, text(rnd, pieces, 1, 20), AT,
                Map.of("RULE-1", "Rule one <b>", "RULE-2", "two | \"quoted\""));
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
        for (ReportFormat f : FORMATS) {
            Path file = dir.resolve("report." + f.extension());
            SafeFiles.writeAtomically(file, w -> ReportWriter.write(r, f, w));
            assertThat(Files.readAllBytes(file)).as(f.id()).isEqualTo(golden("sample." + f.extension() + ".golden"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(FORMATS.size()); // no temporary file left behind
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
