package dev.kustodian.core.report;

import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;

import java.io.IOException;
import java.io.Writer;

/** The plain-text table of {@code scan -o table}: one line per finding, then the summary line. */
final class TableReport {
    private static final String NL = System.lineSeparator();
    private static final int MAX_OBJECT = 60;

    private TableReport() {
    }

    static void write(Report r, Writer out) throws IOException {
        if (r.findings().isEmpty()) {
            out.write(ReportWriter.noFindings(r) + "\n");
        } else {
            findings(r, out);
        }
        gaps(r, out);
        out.write('\n');
        out.write(ReportWriter.summaryLine(r));
        out.write('\n');
    }

    /** What the scan could not see and the rules that blinded (only when there is something to say). */
    private static void gaps(Report r, Writer out) throws IOException {
        if (r.coverage() == null || r.coverage().gaps().isEmpty()) {
            return;
        }
        out.write(NL + "VISIBILITY GAPS (" + r.coverage().gaps().size() + "): the scan could not see everything" + NL);
        for (Coverage.Gap g : r.coverage().gaps()) {
            out.write("  " + ReportWriter.gapText(g) + NL);
        }
        if (!r.coverage().notEvaluated().isEmpty()) {
            out.write(NL + "NOT EVALUATED (" + r.coverage().notEvaluated().size() + " rule(s)):" + NL);
            for (Coverage.NotEvaluated n : r.coverage().notEvaluated()) {
                out.write("  " + ReportWriter.notEvaluatedText(n) + NL);
            }
        }
    }

    /** Header and rows; columns as wide as their widest cell (objects cut at 60 characters), two spaces apart. */
    private static void findings(Report r, Writer out) throws IOException {
        int wSev = "SEVERITY".length();
        int wRule = "RULE".length();
        int wObj = "OBJECT".length();
        for (Finding f : r.findings()) {
            wSev = Math.max(wSev, label(r, f).length());
            wRule = Math.max(wRule, f.rule().length());
            wObj = Math.max(wObj, Math.min(MAX_OBJECT, f.object().display().length()));
        }
        StringBuilder line = new StringBuilder(256);
        row(line, wSev, wRule, wObj, "SEVERITY", "RULE", "OBJECT", "TITLE");
        out.append(line);
        for (Finding f : r.findings()) {
            line.setLength(0);
            row(line, wSev, wRule, wObj, label(r, f), f.rule(), ellipsize(f.object().display()), f.title());
            out.append(line);
        }
    }

    /** The same text as {@code String.format("%-As  %-Bs  %-Cs  %s%n", ...)}, without a Formatter per line. */
    private static void row(StringBuilder sb, int wSev, int wRule, int wObj, String sev, String rule, String object,
                            String title) {
        pad(sb, sev, wSev).append("  ");
        pad(sb, rule, wRule).append("  ");
        pad(sb, object, wObj).append("  ");
        sb.append(title).append(NL);
    }

    private static StringBuilder pad(StringBuilder sb, String s, int width) {
        String v = String.valueOf(s);
        sb.append(v);
        for (int i = v.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    private static String label(Report r, Finding f) {
        String l = f.system() ? f.severity().label() + " (system)" : f.severity().label();
        return r.accepted().isEmpty() ? l : l + ReportWriter.acceptedMark(r, f);
    }

    private static String ellipsize(String s) {
        return s.length() <= MAX_OBJECT ? s : s.substring(0, MAX_OBJECT - 1) + "…";
    }
}
