package dev.kustodian.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Severity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report writer as it was before the writers streamed (whole report built as a string or a Jackson tree), kept
 * verbatim in test scope as the reference {@link StreamingReportWriterTest} compares the streaming writers with,
 * byte for byte. A section added to a streaming writer must be added here the same way (or the comparison limited
 * to reports without it), so the comparison keeps proving that streaming changed no byte.
 */
final class LegacyReportWriter {

    static final String TOOL = "Kustodian";
    static final String TOOL_URI = "https://github.com/kustodian/kustodian";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * The formats that existed before streaming: the comparison covers these. The policy report formats were born
     * streaming (document by document, {@link PolicyReports}) and are checked against the CRD schemas instead
     * ({@code PolicyReportsTest}).
     */
    static final java.util.List<ReportFormat> FORMATS = java.util.List.of(ReportFormat.TABLE, ReportFormat.JSON,
            ReportFormat.SARIF, ReportFormat.MARKDOWN, ReportFormat.HTML);

    private LegacyReportWriter() {
    }

    public static void write(Report report, ReportFormat format, Writer out) throws IOException {
        switch (format) {
            case TABLE -> out.write(table(report));
            case JSON -> out.write(JSON.writeValueAsString(json(report)) + "\n");
            case SARIF -> out.write(JSON.writeValueAsString(sarif(report)) + "\n");
            case MARKDOWN -> out.write(markdown(report));
            case HTML -> out.write(html(report));
        }
        out.flush();
    }

    public static String toString(Report report, ReportFormat format) {
        StringWriter w = new StringWriter();
        try {
            write(report, format, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String sev(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- table

    static String table(Report r) {
        StringBuilder sb = new StringBuilder();
        if (r.findings().isEmpty()) {
            sb.append("No findings.\n");
        } else {
            int wSev = "SEVERITY".length();
            int wRule = "RULE".length();
            int wObj = "OBJECT".length();
            for (Finding f : r.findings()) {
                wSev = Math.max(wSev, label(f).length());
                wRule = Math.max(wRule, f.rule().length());
                wObj = Math.max(wObj, Math.min(60, f.object().display().length()));
            }
            String fmt = "%-" + wSev + "s  %-" + wRule + "s  %-" + wObj + "s  %s%n";
            sb.append(String.format(fmt, "SEVERITY", "RULE", "OBJECT", "TITLE"));
            for (Finding f : r.findings()) {
                sb.append(String.format(fmt, label(f), f.rule(), ellipsize(f.object().display(), 60), f.title()));
            }
        }
        sb.append('\n').append(summaryLine(r)).append('\n');
        return sb.toString();
    }

    private static String label(Finding f) {
        return f.severity().label() + (f.system() ? " (system)" : "");
    }

    private static String ellipsize(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String summaryLine(Report r) {
        List<String> parts = new ArrayList<>();
        r.countsBySeverity().forEach((s, n) -> parts.add(n + " " + s.label().toLowerCase(Locale.ROOT)));
        return r.findings().size() + " finding(s): " + String.join(", ", parts)
                + (r.systemCount() > 0 ? " (" + r.systemCount() + " expected system findings)" : "")
                + " · " + r.source() + " · " + r.generatedAt()
                + (r.cisBenchmark() != null ? " · CIS ids: " + r.cisBenchmark() : "");
    }

    // ---------------------------------------------------------------- JSON

    static ObjectNode json(Report r) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = arr.addObject();
            n.put("id", f.id());
            n.put("rule", f.rule());
            n.put("area", f.area());
            n.put("severity", sev(f.severity()));
            n.put("title", f.title());
            n.put("explanation", f.explanation());
            ObjectNode o = n.putObject("object");
            o.put("kind", f.object().kind());
            o.put("namespace", f.object().namespace());
            o.put("name", f.object().name());
            ArrayNode cis = n.putArray("cis");
            f.cis().forEach(cis::add);
            n.put("remediation", f.remediation());
            n.put("system", f.system());
            if (f.fix() != null) {
                n.put("fix", f.fix());
            } else {
                n.putNull("fix");
            }
        }
        ObjectNode s = root.putObject("summary");
        s.put("total", r.findings().size());
        ObjectNode bySev = s.putObject("bySeverity");
        r.countsBySeverity().forEach((k, v) -> bySev.put(sev(k), v));
        ObjectNode byArea = s.putObject("byArea");
        r.countsByArea().forEach(byArea::put);
        s.put("system", r.systemCount());
        s.put("source", r.source());
        s.put("generatedAt", r.generatedAt().toString());
        if (r.cisBenchmark() != null) {
            s.put("cisBenchmark", r.cisBenchmark());
        }
        return root;
    }

    // ---------------------------------------------------------------- SARIF

    static String sarifLevel(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning's security-severity score (0-10). */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    static ObjectNode sarif(Report r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL);
        driver.put("informationUri", TOOL_URI);
        String v = LegacyReportWriter.class.getPackage().getImplementationVersion();
        driver.put("semanticVersion", v == null ? "0.1.0" : v.replace("-SNAPSHOT", ""));

        // one rule entry per rule that produced a finding, with its worst severity as default level
        Map<String, Finding> firstByRule = new TreeMap<>();
        Map<String, Severity> worst = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            firstByRule.putIfAbsent(f.rule(), f);
            worst.merge(f.rule(), f.severity(), (a, b) -> a.atLeast(b) ? a : b);
        }
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Map.Entry<String, Finding> e : firstByRule.entrySet()) {
            Finding f = e.getValue();
            ruleIndex.put(e.getKey(), ruleIndex.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", e.getKey());
            rule.put("name", e.getKey().replaceAll("[^A-Za-z0-9]", ""));
            String desc = r.ruleDescriptions().getOrDefault(e.getKey(), f.title());
            rule.putObject("shortDescription").put("text", desc);
            rule.putObject("fullDescription").put("text", desc);
            rule.putObject("help").put("text", f.remediation());
            rule.putObject("defaultConfiguration").put("level", sarifLevel(worst.get(e.getKey())));
            ObjectNode props = rule.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add("security");
            tags.add("kubernetes");
            tags.add(f.area());
            f.cis().forEach(c -> tags.add("CIS-" + c));
            props.put("security-severity", securitySeverity(worst.get(e.getKey())));
            if (!f.cis().isEmpty()) {
                ArrayNode cis = props.putArray("cis");
                f.cis().forEach(cis::add);
                if (r.cisBenchmark() != null) {
                    props.put("cisBenchmark", r.cisBenchmark());
                }
            }
        }

        run.putObject("originalUriBaseIds").putObject("CLUSTER").putObject("description")
                .put("text", "The Kubernetes cluster that was scanned: " + r.source());
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.rule());
            res.put("ruleIndex", ruleIndex.get(f.rule()));
            res.put("level", sarifLevel(f.severity()));
            res.putObject("message").put("text", f.title() + ". " + f.explanation() + " Fix: " + f.remediation());
            ObjectNode loc = res.putArray("locations").addObject();
            // a pseudo-path per object, so tools that need a physical location (GitHub) accept the result
            ObjectNode phys = loc.putObject("physicalLocation");
            ObjectNode art = phys.putObject("artifactLocation");
            art.put("uri", objectUri(f));
            art.put("uriBaseId", "CLUSTER");
            phys.putObject("region").put("startLine", 1);
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("name", f.object().name().isEmpty() ? f.object().kind() : f.object().name());
            logical.put("fullyQualifiedName", f.object().display());
            logical.put("kind", "resource");
            res.putObject("partialFingerprints").put("kustodianFindingId/v1", f.id());
            ObjectNode p = res.putObject("properties");
            p.put("severity", sev(f.severity()));
            p.put("area", f.area());
            p.put("system", f.system());
            ArrayNode cis = p.putArray("cis");
            f.cis().forEach(cis::add);
            if (f.fix() != null) {
                p.put("fix", f.fix());
            }
        }
        if (r.cisBenchmark() != null) {
            run.putObject("properties").put("cisBenchmark", r.cisBenchmark());
        }
        return root;
    }

    static String objectUri(Finding f) {
        var o = f.object();
        StringBuilder sb = new StringBuilder(uriPart(o.kind()));
        if (!o.namespace().isEmpty()) {
            sb.append('/').append(uriPart(o.namespace()));
        }
        if (!o.name().isEmpty()) {
            sb.append('/').append(uriPart(o.name()));
        }
        return sb.toString();
    }

    private static String uriPart(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- Markdown

    static String markdown(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Kustodian report\n\n");
        sb.append("Source: ").append(md(r.source())).append("  \nGenerated: ").append(r.generatedAt())
                .append(r.cisBenchmark() != null ? "  \nCIS ids: " + r.cisBenchmark() : "").append("\n\n");
        sb.append("| Severity | Findings |\n|---|---:|\n");
        r.countsBySeverity().forEach((s, n) -> sb.append("| ").append(s.label()).append(" | ").append(n).append(" |\n"));
        sb.append("| **Total** | **").append(r.findings().size()).append("** |\n\n");
        if (r.findings().isEmpty()) {
            sb.append("No findings.\n");
            return sb.toString();
        }
        for (Map.Entry<String, List<Finding>> area : byArea(r).entrySet()) {
            sb.append("## ").append(md(area.getKey())).append("\n\n");
            sb.append("| Severity | Rule | Object | Title |\n|---|---|---|---|\n");
            for (Finding f : area.getValue()) {
                sb.append("| ").append(f.severity().label()).append(f.system() ? " (system)" : "").append(" | `")
                        .append(f.rule()).append("` | `").append(md(f.object().display())).append("` | ")
                        .append(md(f.title())).append(" |\n");
            }
            sb.append('\n');
            for (Finding f : area.getValue()) {
                sb.append("### ").append(f.severity().label()).append(": ").append(md(f.title())).append("\n\n");
                sb.append("- Object: `").append(md(f.object().display())).append("`\n");
                sb.append("- Rule: `").append(f.rule()).append("`");
                if (!f.cis().isEmpty()) {
                    sb.append(" · CIS ").append(String.join(", ", f.cis()));
                }
                sb.append("\n\n").append(md(f.explanation())).append("\n\n**Remediation:** ")
                        .append(md(f.remediation())).append("\n\n");
            }
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }

    static Map<String, List<Finding>> byArea(Report r) {
        Map<String, List<Finding>> m = new TreeMap<>();
        r.findings().forEach(f -> m.computeIfAbsent(f.area(), k -> new ArrayList<>()).add(f));
        return m;
    }

    // ---------------------------------------------------------------- HTML

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

    static String html(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Kustodian report: ").append(h(r.source())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header><h1>Kustodian report</h1><p>")
                .append(h(r.source())).append(" · generated ").append(h(r.generatedAt().toString()
                        + (r.cisBenchmark() != null ? " · CIS ids: " + r.cisBenchmark() : "")))
                .append("</p></header>\n<main>\n<section class=\"summary\" aria-label=\"Summary\">\n");
        sb.append("<div><b>").append(r.findings().size()).append("</b>findings</div>\n");
        r.countsBySeverity().forEach((s, n) -> sb.append("<div><b>").append(n).append("</b><span class=\"chip ")
                .append(sev(s)).append("\">").append(s.label()).append("</span></div>\n"));
        sb.append("</section>\n");
        if (r.findings().isEmpty()) {
            sb.append("<p>No findings.</p>\n");
        }
        for (Map.Entry<String, List<Finding>> area : byArea(r).entrySet()) {
            sb.append("<section>\n<h2>").append(h(area.getKey())).append("</h2>\n");
            List<Finding> system = new ArrayList<>();
            for (Finding f : area.getValue()) {
                if (f.system()) {
                    system.add(f);
                } else {
                    article(sb, f);
                }
            }
            if (!system.isEmpty()) {
                sb.append("<details><summary>").append(system.size())
                        .append(" expected finding(s) of system components</summary>\n");
                system.forEach(f -> article(sb, f));
                sb.append("</details>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</main>\n<footer>").append(h(summaryLine(r))).append("</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void article(StringBuilder sb, Finding f) {
        sb.append("<article>\n<h3><span class=\"chip ").append(sev(f.severity())).append("\">")
                .append(f.severity().label()).append("</span>").append(h(f.title())).append("</h3>\n")
                .append("<div class=\"meta\"><code>").append(h(f.object().display())).append("</code> · rule <code>")
                .append(h(f.rule())).append("</code>");
        if (!f.cis().isEmpty()) {
            sb.append(" · CIS ").append(h(String.join(", ", f.cis())));
        }
        sb.append("</div>\n<p>").append(h(f.explanation())).append("</p>\n<p class=\"fix\"><b>Fix:</b> ")
                .append(h(f.remediation())).append("</p>\n</article>\n");
    }

    static String h(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
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
