package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustodian.core.findings.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link FleetReport} ({@code kustodian scan --contexts/--all-contexts}) in every {@link ReportFormat}:
 * <ul>
 *   <li>table, Markdown, HTML: the context × area matrix (findings by severity, one row per context with its
 *   status), then one section per context that is the single scan's report of that context (the same per-format
 *   writers) or the sentence saying why it could not be scanned;</li>
 *   <li>JSON: {@code {"contexts": [{"context", "server", "status", "message", "summary", "findings", "gaps",
 *   "notEvaluated"}], "summary": {fleet totals}}}, each context's summary/findings/gaps the objects of
 *   {@code scan -o json} ({@code summary} null when the context could not be scanned);</li>
 *   <li>SARIF: one run per context ({@code automationDetails.id} {@code kustodian/fleet/CONTEXT/}, the context in the
 *   run's properties); a context that could not be scanned is a run with a failed invocation and no results.</li>
 * </ul>
 * Streams like {@link ReportWriter}: each context's findings are written straight from its report.
 */
public final class FleetReportWriter {
    private static final String NL = System.lineSeparator();
    private static final String NONE = "-";

    private FleetReportWriter() {
    }

    /** Writes the fleet report to {@code out} as it goes, then flushes {@code out} (which stays open). */
    public static void write(FleetReport fleet, ReportFormat format, Writer out) throws IOException {
        switch (format) {
            case TABLE -> table(fleet, out);
            case JSON -> json(fleet, out);
            case SARIF -> sarif(fleet, out);
            case MARKDOWN -> markdown(fleet, out);
            case HTML -> html(fleet, out);
            case POLICYREPORT, OPENREPORTS -> throw new IllegalArgumentException(format.id()
                    + " objects belong to the cluster they describe: write them per context (scan --context NAME).");
        }
        out.flush();
    }

    /** "0/2/3/1/0": a matrix cell, findings by severity from critical to info. */
    static String cell(Map<Severity, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            parts.add(String.valueOf(counts.getOrDefault(Severity.values()[i], 0)));
        }
        return String.join("/", parts);
    }

    /** The legend of the cells. */
    static String legend() {
        List<String> parts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            parts.add(Severity.values()[i].label().toLowerCase(Locale.ROOT));
        }
        return "Each cell: findings by severity, " + String.join("/", parts) + ".";
    }

    /** "ok", "ok (incomplete)", "unreachable"...: the status column. */
    static String statusText(FleetReport.Entry e) {
        return e.status().id() + (e.ok() && e.incomplete() ? " (incomplete)" : "");
    }

    /** "N finding(s) in K context(s): 0 critical, ... · 2 ok, 1 unreachable · time": the fleet's summary line. */
    static String summaryLine(FleetReport f) {
        List<String> sev = new ArrayList<>();
        f.countsBySeverity().forEach((s, n) -> sev.add(n + " " + s.label().toLowerCase(Locale.ROOT)));
        List<String> st = new ArrayList<>();
        f.countsByStatus().forEach((s, n) -> {
            if (n > 0) {
                st.add(n + " " + s.id());
            }
        });
        int incomplete = f.incomplete().size();
        return f.totalFindings() + " finding(s) in " + f.contexts().size() + " context(s): " + String.join(", ", sev)
                + " · contexts: " + String.join(", ", st)
                + (incomplete > 0 ? " · INCOMPLETE: " + incomplete + " context(s) with visibility gaps" : "")
                + " · " + f.generatedAt();
    }

    /** One row of the matrix: context, status, server, one cell per area, total. */
    private static List<String> row(FleetReport.Entry e, List<String> areas) {
        List<String> row = new ArrayList<>(List.of(e.context(), statusText(e), e.server()));
        for (String a : areas) {
            row.add(e.report() == null ? NONE : cell(e.counts(a)));
        }
        row.add(e.report() == null ? NONE : String.valueOf(e.report().findings().size()));
        return row;
    }

    private static List<String> header(List<String> areas) {
        List<String> h = new ArrayList<>(List.of("CONTEXT", "STATUS", "SERVER"));
        areas.forEach(a -> h.add(a.toUpperCase(Locale.ROOT)));
        h.add("TOTAL");
        return h;
    }

    // ---- table

    private static void table(FleetReport f, Writer out) throws IOException {
        List<String> areas = f.areas();
        List<List<String>> rows = new ArrayList<>();
        rows.add(header(areas));
        f.contexts().forEach(e -> rows.add(row(e, areas)));
        int[] w = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        out.write("KUSTODIAN FLEET SCAN: " + f.contexts().size() + " context(s). " + legend() + NL + NL);
        StringBuilder sb = new StringBuilder(256);
        for (List<String> r : rows) {
            sb.setLength(0);
            for (int i = 0; i < r.size(); i++) {
                sb.append(r.get(i));
                if (i < r.size() - 1) {
                    sb.append(" ".repeat(w[i] - r.get(i).length() + 2));
                }
            }
            out.append(sb.toString().stripTrailing()).append(NL);
        }
        for (FleetReport.Entry e : f.contexts()) {
            if (!e.message().isEmpty()) {
                out.write(NL + e.context() + ": " + e.message());
            }
        }
        out.write(NL);
        for (FleetReport.Entry e : f.contexts()) {
            out.write(NL + "== Context " + e.context() + (e.server().isEmpty() ? "" : " (" + e.server() + ")") + ": "
                    + statusText(e) + " ==" + NL);
            if (e.report() != null) {
                TableReport.write(e.report(), out);
            } else {
                out.write(e.message() + NL);
            }
        }
        out.write(NL + summaryLine(f) + NL);
    }

    // ---- JSON

    private static void json(FleetReport f, Writer out) throws IOException {
        try (JsonGenerator g = ReportWriter.jsonGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("contexts");
            for (FleetReport.Entry e : f.contexts()) {
                g.writeStartObject();
                g.writeStringField("context", e.context());
                g.writeStringField("server", e.server());
                g.writeStringField("status", e.status().id());
                g.writeStringField("message", e.message());
                if (e.report() != null) {
                    JsonReport.summary(g, e.report());
                    JsonReport.findings(g, e.report());
                    JsonReport.coverage(g, e.report());
                } else {
                    g.writeNullField("summary");
                    g.writeArrayFieldStart("findings");
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            jsonSummary(g, f);
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void jsonSummary(JsonGenerator g, FleetReport f) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("contexts", f.contexts().size());
        g.writeObjectFieldStart("byStatus");
        for (var e : f.countsByStatus().entrySet()) {
            g.writeNumberField(e.getKey().id(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("total", f.totalFindings());
        g.writeObjectFieldStart("bySeverity");
        for (var e : f.countsBySeverity().entrySet()) {
            g.writeNumberField(ReportWriter.sev(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("byArea");
        for (var e : f.countsByArea().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeBooleanField("complete", f.complete());
        g.writeStringField("generatedAt", f.generatedAt().toString());
        g.writeEndObject();
    }

    // ---- SARIF

    private static void sarif(FleetReport f, Writer out) throws IOException {
        try (JsonGenerator g = ReportWriter.jsonGenerator(out)) {
            SarifReport.start(g);
            for (FleetReport.Entry e : f.contexts()) {
                if (e.report() != null) {
                    SarifReport.run(g, e.report(), x -> runContext(x, e));
                } else {
                    failedRun(g, e, f);
                }
            }
            SarifReport.end(g);
        }
        out.write('\n');
    }

    /** A context that could not be scanned: the tool, a failed invocation saying why, no results. */
    private static void failedRun(JsonGenerator g, FleetReport.Entry e, FleetReport f) throws IOException {
        g.writeStartObject();
        SarifReport.tool(g, new Report(List.of(), e.context(), f.generatedAt(), Map.of()));
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", false);
        g.writeArrayFieldStart("toolExecutionNotifications");
        g.writeStartObject();
        g.writeStringField("level", "error");
        SarifReport.text(g, "message", "Context " + e.context() + " " + e.status().id() + ": " + e.message());
        g.writeObjectFieldStart("descriptor");
        g.writeStringField("id", "KUSTODIAN-CONTEXT-" + e.status().name());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("results");
        g.writeEndArray();
        runContext(g, e);
        g.writeEndObject();
    }

    private static void runContext(JsonGenerator g, FleetReport.Entry e) throws IOException {
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", "kustodian/fleet/" + e.context() + "/");
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("context", e.context());
        g.writeStringField("server", e.server());
        g.writeStringField("status", e.status().id());
        if (!e.message().isEmpty()) {
            g.writeStringField("message", e.message());
        }
        g.writeEndObject();
    }

    // ---- Markdown

    private static void markdown(FleetReport f, Writer out) throws IOException {
        List<String> areas = f.areas();
        out.write("# Kustodian fleet report\n\nGenerated: " + f.generatedAt() + "  \nComplete: "
                + (f.complete() ? "yes" : "**no**") + "\n\n" + legend() + "\n\n");
        List<String> h = header(areas);
        out.write("| " + String.join(" | ", h.stream().map(MarkdownReport::md).toList()) + " |\n|");
        for (int i = 0; i < h.size(); i++) {
            out.write(i >= 3 ? "---:|" : "---|");
        }
        out.write('\n');
        for (FleetReport.Entry e : f.contexts()) {
            List<String> r = row(e, areas);
            r.set(0, "[" + MarkdownReport.md(e.context()) + "](#context-" + anchor(e.context()) + ")");
            for (int i = 1; i < r.size(); i++) {
                r.set(i, MarkdownReport.md(r.get(i)));
            }
            out.write("| " + String.join(" | ", r) + " |\n");
        }
        out.write("\n" + MarkdownReport.md(summaryLine(f)) + "\n\n");
        for (FleetReport.Entry e : f.contexts()) {
            out.write("## Context " + MarkdownReport.md(e.context()) + "\n\n");
            out.write("Server: " + (e.server().isEmpty() ? "(none)" : "`" + MarkdownReport.md(e.server()) + "`")
                    + "  \nStatus: " + (e.ok() ? statusText(e) : "**" + statusText(e) + "**") + "\n\n");
            if (e.report() != null) {
                if (!e.ok()) {
                    out.write(MarkdownReport.md(e.message()) + "\n\n");
                }
                MarkdownReport.body(e.report(), out, 2);
                out.write('\n');
            } else {
                out.write(MarkdownReport.md(e.message()) + "\n\n");
            }
        }
    }

    /** GitHub's heading anchor of "Context NAME": lower case, spaces to dashes, other punctuation dropped. */
    static String anchor(String context) {
        return context.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    // ---- HTML

    private static final String FLEET_CSS = """
            table.matrix{border-collapse:collapse;background:#fff;border:1px solid #dde1e7;margin-bottom:12px}
            table.matrix th,table.matrix td{padding:6px 12px;border-bottom:1px solid #dde1e7;text-align:left;font-size:14px}
            table.matrix td.n{font-variant-numeric:tabular-nums;text-align:right}
            .status-ok{color:#22543d}.status-failed{color:#9b2c2c;font-weight:600}
            section.context>h2.ctx{text-transform:none;border-bottom:3px solid #1d2a44;margin-top:48px}
            """;

    private static void html(FleetReport f, Writer out) throws IOException {
        HtmlReport.head("Kustodian fleet report", FLEET_CSS, "Kustodian fleet report",
                f.contexts().size() + " context(s) · generated " + f.generatedAt(), out);
        List<String> areas = f.areas();
        out.write("<table class=\"matrix\" aria-label=\"Contexts by area\">\n<thead><tr>");
        for (String h : header(areas)) {
            out.write("<th>" + HtmlReport.h(h) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
        int i = 0;
        for (FleetReport.Entry e : f.contexts()) {
            List<String> r = row(e, areas);
            out.write("<tr><td><a href=\"#context-" + i++ + "\">" + HtmlReport.h(e.context()) + "</a></td><td class=\""
                    + (e.ok() ? "status-ok" : "status-failed") + "\">" + HtmlReport.h(r.get(1)) + "</td><td><code>"
                    + HtmlReport.h(r.get(2)) + "</code></td>");
            for (int c = 3; c < r.size(); c++) {
                out.write("<td class=\"n\">" + HtmlReport.h(r.get(c)) + "</td>");
            }
            out.write("</tr>\n");
        }
        out.write("</tbody>\n</table>\n<p class=\"meta\">" + HtmlReport.h(legend()) + "</p>\n");
        i = 0;
        for (FleetReport.Entry e : f.contexts()) {
            out.write("<section class=\"context\" id=\"context-" + i++ + "\">\n<h2 class=\"ctx\">Context "
                    + HtmlReport.h(e.context()) + "</h2>\n<p class=\"meta\">" + (e.server().isEmpty() ? ""
                    : "<code>" + HtmlReport.h(e.server()) + "</code> · ") + "<span class=\""
                    + (e.ok() ? "status-ok" : "status-failed") + "\">" + HtmlReport.h(statusText(e)) + "</span>"
                    + (e.message().isEmpty() ? "" : " · " + HtmlReport.h(e.message())) + "</p>\n");
            if (e.report() != null) {
                HtmlReport.body(e.report(), out);
            }
            out.write("</section>\n");
        }
        out.write("</main>\n<footer>" + HtmlReport.h(summaryLine(f)) + "</footer>\n</body>\n</html>\n");
    }
}
