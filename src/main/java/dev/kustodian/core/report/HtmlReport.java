package dev.kustodian.core.report;

import dev.kustodian.core.accept.Acceptance;
import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scan -o html}: a standalone page (inline CSS, no scripts): counts, then per area an article per finding,
 * the expected findings of system components folded away.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2430;line-height:1.45}
            header{background:#1d2a44;color:#fff;padding:24px 32px}
            header h1{margin:0 0 4px;font-size:22px}
            header p{margin:0;opacity:.85;font-size:14px}
            main{max-width:1100px;margin:0 auto;padding:24px 32px}
            .summary{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:24px}
            .summary div{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:10px 16px;min-width:90px}
            .summary b{display:block;font-size:22px}
            h2{border-bottom:2px solid #dde1e7;padding-bottom:4px;margin-top:32px;text-transform:capitalize}
            article{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:14px 18px;margin:12px 0}
            article h3{margin:0 0 6px;font-size:16px}
            .meta{font-size:13px;color:#4a5568;margin-bottom:8px}
            code{background:#eef1f5;padding:1px 4px;border-radius:4px;font-size:90%}
            .chip{display:inline-block;border-radius:12px;padding:1px 10px;font-size:12px;font-weight:600;margin-right:8px;vertical-align:middle;border:1px solid transparent}
            .critical{background:#7b1020;color:#fff}.high{background:#c53030;color:#fff}.medium{background:#dd8a1c;color:#1d2430}
            .low{background:#fff3c4;color:#5c4a00;border-color:#e5cf6b}.info{background:#e2e8f0;color:#2d3748}
            .fix{font-size:14px}.fix b{color:#22543d}
            details{margin:12px 0}summary{cursor:pointer;color:#4a5568;font-weight:600}
            footer{color:#718096;font-size:12px;text-align:center;padding:24px}
            """;

    private static final String GAPS_STYLE = "background:#fff5f5;border:1px solid #c53030;border-radius:8px;"
            + "padding:10px 18px;margin-bottom:24px";
    private static final String GAPS_H2 = "margin-top:8px;border:none;text-transform:none;color:#9b2c2c";

    static void write(Report r, Writer out) throws IOException {
        head("Kustodian report: " + r.source(), "", "Kustodian report", r.source() + " · generated " + r.generatedAt()
                + (r.cisBenchmark() != null ? " · CIS ids: " + r.cisBenchmark() : ""),
                out);
        body(r, out);
        out.write("</main>\n<footer>" + h(ReportWriter.summaryLine(r)) + "</footer>\n</body>\n</html>\n");
    }

    /** Counts, gaps and the findings by area: the part of a report between its header and its footer. */
    static void body(Report r, Writer out) throws IOException {
        summary(r, out);
        gaps(r, out);
        if (r.findings().isEmpty()) {
            out.write("<p>" + h(ReportWriter.noFindings(r)) + "</p>\n");
        }
        StringBuilder sb = new StringBuilder(1024);
        for (Map.Entry<String, List<Finding>> area : ReportWriter.byArea(r).entrySet()) {
            area(r, area.getKey(), area.getValue(), sb, out);
        }
    }

    /** The document up to {@code <main>}: title, the style sheet (plus {@code extraCss}), the page header. */
    static void head(String title, String extraCss, String heading, String subtitle, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>" + h(title) + "</title>\n<style>\n" + CSS + extraCss);
        out.write("</style>\n</head>\n<body>\n<header><h1>" + h(heading) + "</h1><p>" + h(subtitle)
                + "</p></header>\n<main>\n");
    }

    private static void summary(Report r, Writer out) throws IOException {
        out.write("<section class=\"summary\" aria-label=\"Summary\">\n");
        out.write("<div><b>" + r.findings().size() + "</b>findings</div>\n");
        for (var e : r.countsBySeverity().entrySet()) {
            out.write("<div><b>" + e.getValue() + "</b><span class=\"chip " + ReportWriter.sev(e.getKey()) + "\">"
                    + e.getKey().label() + "</span></div>\n");
        }
        out.write("</section>\n");
    }

    /** What the scan could not see and the rules that blinded, above the findings (only when there are gaps). */
    private static void gaps(Report r, Writer out) throws IOException {
        if (r.coverage() == null || r.coverage().gaps().isEmpty()) {
            return;
        }
        // inline styles: the page's style sheet stays the same for complete scans
        out.write("<section class=\"gaps\" aria-label=\"Visibility gaps\" style=\"" + GAPS_STYLE + "\">\n<h2 style=\""
                + GAPS_H2 + "\">Visibility gaps: the scan could not see everything</h2>\n<ul>\n");
        for (Coverage.Gap g : r.coverage().gaps()) {
            out.write("<li>" + h(ReportWriter.gapText(g)) + "</li>\n");
        }
        out.write("</ul>\n");
        if (!r.coverage().notEvaluated().isEmpty()) {
            out.write("<h2 style=\"" + GAPS_H2 + "\">Not evaluated</h2>\n<ul>\n");
            for (Coverage.NotEvaluated n : r.coverage().notEvaluated()) {
                out.write("<li><code>" + h(n.rule()) + "</code> " + h(n.reason()) + "</li>\n");
            }
            out.write("</ul>\n");
        }
        out.write("</section>\n");
    }

    /** An area's findings; those of system components in a folded {@code <details>} at the end. */
    private static void area(Report r, String area, List<Finding> findings, StringBuilder sb, Writer out) throws IOException {
        out.write("<section>\n<h2>" + h(area) + "</h2>\n");
        List<Finding> system = new ArrayList<>();
        for (Finding f : findings) {
            if (f.system()) {
                system.add(f);
            } else {
                article(f, r.acceptance(f), sb, out);
            }
        }
        if (!system.isEmpty()) {
            out.write("<details><summary>" + system.size() + " expected finding(s) of system components</summary>\n");
            for (Finding f : system) {
                article(f, r.acceptance(f), sb, out);
            }
            out.write("</details>\n");
        }
        out.write("</section>\n");
    }

    private static void article(Finding f, Acceptance a, StringBuilder sb, Writer out) throws IOException {
        sb.setLength(0);
        sb.append("<article>\n<h3><span class=\"chip ").append(ReportWriter.sev(f.severity())).append("\">")
                .append(f.severity().label()).append("</span>").append(h(f.title())).append("</h3>\n")
                .append("<div class=\"meta\"><code>").append(h(f.object().display())).append("</code> · rule <code>")
                .append(h(f.rule())).append("</code>");
        if (!f.cis().isEmpty()) {
            sb.append(" · CIS ").append(h(String.join(", ", f.cis())));
        }
        if (a != null) {
            sb.append(" · <b>").append(h(ReportWriter.acceptanceText(a))).append("</b>");
        }
        sb.append("</div>\n<p>").append(h(f.explanation())).append("</p>\n<p class=\"fix\"><b>Fix:</b> ")
                .append(h(f.remediation())).append("</p>\n</article>\n");
        out.append(sb);
    }

    static String h(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
