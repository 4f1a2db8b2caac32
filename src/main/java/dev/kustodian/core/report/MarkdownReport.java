package dev.kustodian.core.report;

import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** {@code scan -o markdown}: counts, then per area a table of its findings and a section per finding. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static void write(Report r, Writer out) throws IOException {
        out.write("# Kustodian report\n\n");
        body(r, out, 1);
    }

    /**
     * Everything below the report's title, its sections one level below {@code depth} (1: a report of its own;
     * 2: one context's part of the fleet report, under its "## Context" heading).
     */
    static void body(Report r, Writer out, int depth) throws IOException {
        String h2 = "#".repeat(depth + 1);
        header(r, out);
        gaps(r, out, h2);
        if (r.findings().isEmpty()) {
            out.write(ReportWriter.noFindings(r) + "\n");
            return;
        }
        for (Map.Entry<String, List<Finding>> area : ReportWriter.byArea(r).entrySet()) {
            area(r, area.getKey(), area.getValue(), out, h2);
        }
    }

    private static void header(Report r, Writer out) throws IOException {
        out.write("Source: " + md(r.source()) + "  \nGenerated: " + r.generatedAt()
                + (r.cisBenchmark() != null ? "  \nCIS ids: " + r.cisBenchmark() : "")
                + (r.coverage() != null ? "  \nComplete: " + (r.coverage().complete() ? "yes" : "**no**") : "")
                + "\n\n");
        out.write("| Severity | Findings |\n|---|---:|\n");
        for (var e : r.countsBySeverity().entrySet()) {
            out.write("| " + e.getKey().label() + " | " + e.getValue() + " |\n");
        }
        out.write("| **Total** | **" + r.findings().size() + "** |\n\n");
    }

    private static void gaps(Report r, Writer out, String h2) throws IOException {
        if (r.coverage() == null || r.coverage().gaps().isEmpty()) {
            return;
        }
        out.write(h2 + " Visibility gaps\n\nThe scan could not see everything:\n\n");
        for (Coverage.Gap g : r.coverage().gaps()) {
            out.write("- " + md(ReportWriter.gapText(g)) + "\n");
        }
        out.write('\n');
        if (!r.coverage().notEvaluated().isEmpty()) {
            out.write(h2 + "# Not evaluated\n\n| Rule | Why |\n|---|---|\n");
            for (Coverage.NotEvaluated n : r.coverage().notEvaluated()) {
                out.write("| `" + n.rule() + "` | " + md(n.reason()) + " |\n");
            }
            out.write('\n');
        }
    }

    private static void area(Report r, String area, List<Finding> findings, Writer out, String h2)
            throws IOException {
        out.write(h2 + " " + md(area) + "\n\n");
        out.write("| Severity | Rule | Object | Title |\n|---|---|---|---|\n");
        StringBuilder sb = new StringBuilder(512);
        for (Finding f : findings) {
            sb.setLength(0);
            sb.append("| ").append(f.severity().label()).append(f.system() ? " (system)" : "")
                    .append(ReportWriter.acceptedMark(r, f)).append(" | `")
                    .append(f.rule()).append("` | `").append(md(f.object().display())).append("` | ")
                    .append(md(f.title())).append(" |\n");
            out.append(sb);
        }
        out.write('\n');
        for (Finding f : findings) {
            sb.setLength(0);
            finding(sb, f, r.acceptance(f), h2);
            out.append(sb);
        }
    }

    private static void finding(StringBuilder sb, Finding f, Acceptance a, String h2) {
        sb.append(h2).append("# ").append(f.severity().label()).append(": ").append(md(f.title())).append("\n\n");
        sb.append("- Object: `").append(md(f.object().display())).append("`\n");
        sb.append("- Rule: `").append(f.rule()).append("`");
        if (!f.cis().isEmpty()) {
            sb.append(" · CIS ").append(String.join(", ", f.cis()));
        }
        if (a != null) {
            sb.append("\n- ").append(ReportWriter.acceptanceText(a));
        }
        sb.append("\n\n").append(md(f.explanation())).append("\n\n**Remediation:** ")
                .append(md(f.remediation())).append("\n\n");
    }

    static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }
}
