package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Report} as a plain-text table, JSON, SARIF 2.1.0, Markdown or a standalone HTML page. Used by
 * the CLI ({@code kustodian scan}) and the GUI's export. Everything written comes from findings, which hold names,
 * never values.
 *
 * <p>Every format streams straight to the {@link Writer}, finding by finding, in the order of the report: no
 * whole-report string or JSON tree is built (JSON and SARIF go through Jackson's {@link JsonGenerator}). Each format
 * is one class ({@link TableReport}, {@link JsonReport}, {@link SarifReport}, {@link MarkdownReport},
 * {@link HtmlReport}, and {@link PolicyReports} for the two Kubernetes report formats) with one method per section; a new section is a new method called from that format's
 * {@code write}.
 */
public final class ReportWriter {

    static final String TOOL = "Kustodian";
    static final String TOOL_URI = "https://github.com/kustodian/kustodian";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes the report to {@code out} as it goes, then flushes {@code out} (which stays open). */
    public static void write(Report report, ReportFormat format, Writer out) throws IOException {
        switch (format) {
            case TABLE -> TableReport.write(report, out);
            case JSON -> JsonReport.write(report, out);
            case SARIF -> SarifReport.write(report, out);
            case MARKDOWN -> MarkdownReport.write(report, out);
            case HTML -> HtmlReport.write(report, out);
            case POLICYREPORT, OPENREPORTS -> PolicyReports.write(report, format.policyApi(), out);
        }
        out.flush();
    }

    /** The whole report as one string: for previews and small reports; files and stdout use {@link #write}. */
    public static String toString(Report report, ReportFormat format) {
        StringWriter w = new StringWriter();
        try {
            write(report, format, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * A pretty-printing JSON generator over {@code out} (two-space indent, {@code " : "}, as Jackson's
     * {@code INDENT_OUTPUT}) that leaves {@code out} open when it is closed.
     */
    static JsonGenerator jsonGenerator(Writer out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** "critical", "high", ...: the severity's name in lower case (computed once, not per finding). */
    static String sev(Severity s) {
        return SEVERITY_IDS[s.ordinal()];
    }

    private static final String[] SEVERITY_IDS = java.util.Arrays.stream(Severity.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    /** "N finding(s): 0 critical, ... (S expected system findings) · source · time": the table's and HTML's footer. */
    static String summaryLine(Report r) {
        List<String> parts = new ArrayList<>();
        r.countsBySeverity().forEach((s, n) -> parts.add(n + " " + s.label().toLowerCase(Locale.ROOT)));
        long system = r.systemCount();
        return r.findings().size() + " finding(s): " + String.join(", ", parts)
                + (system > 0 ? " (" + system + " expected system findings)" : "")
                + (r.acceptedCount() > 0 ? " (" + r.acceptedCount() + " accepted)" : "")
                + (r.expiredCount() > 0 ? " (" + r.expiredCount() + " with an expired acceptance)" : "")
                + (r.coverage() != null && !r.coverage().complete() ? " · INCOMPLETE: " + r.coverage().gaps().size()
                + " visibility gap(s), " + r.coverage().notEvaluated().size() + " rule(s) not fully evaluated" : "")
                + " · " + r.source() + " · " + r.generatedAt()
                + (r.cisBenchmark() != null ? " · CIS ids: " + r.cisBenchmark() : "");
    }

    /** " (accepted)", " (acceptance expired)" or "": the mark after a finding's severity in text formats. */
    static String acceptedMark(Report r, Finding f) {
        Acceptance a = r.acceptance(f);
        return a == null ? "" : a.expired() ? " (acceptance expired)" : " (accepted)";
    }

    /** "Accepted risk: REASON (by WHO, until DATE)", or "Acceptance EXPIRED on DATE: ..." once it ran out. */
    static String acceptanceText(Acceptance a) {
        var e = a.entry();
        return (a.expired() ? "Acceptance expired on " + e.expires() + ": " : "Accepted risk: ") + e.reason()
                + " (by " + e.by() + ", until " + e.expires() + ")";
    }

    /** "No findings.", or when the scan could not see everything, a sentence that does not claim a clean cluster. */
    static String noFindings(Report r) {
        return r.coverage() != null && !r.coverage().gaps().isEmpty()
                ? "No findings in what could be seen (see the visibility gaps)." : "No findings.";
    }

    /** "Secret in every namespace", "Secret in namespace shop": where a gap is. */
    static String where(Coverage.Gap g) {
        return g.kind() + (g.namespace().isEmpty() ? " (every namespace / cluster-wide)" : " in namespace " + g.namespace());
    }

    /** A gap as one line of text: where, the HTTP status, why. */
    static String gapText(Coverage.Gap g) {
        return where(g) + ": " + (g.status() > 0 ? g.status() + " " : "") + g.reason();
    }

    /** A rule the gaps blinded, as one line of text. */
    static String notEvaluatedText(Coverage.NotEvaluated n) {
        return n.rule() + ": " + n.reason();
    }

    /** The findings grouped by area (areas sorted), each group in report order: references, not copies. */
    static Map<String, List<Finding>> byArea(Report r) {
        Map<String, List<Finding>> m = new TreeMap<>();
        r.findings().forEach(f -> m.computeIfAbsent(f.area(), k -> new ArrayList<>()).add(f));
        return m;
    }
}
