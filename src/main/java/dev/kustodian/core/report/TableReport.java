package dev.kustodian.core.report;

import dev.kustodian.core.findings.Coverage;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.ObjectRef;
import dev.kustodian.core.findings.Severity;

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

    /**
     * Header and rows; columns as wide as their widest cell (objects cut at 60 characters), two spaces apart. The rows
     * go out in blocks of ~8 KB through one reused char array, the object's display name appended in place and its
     * width computed without building it: no strings per finding (~600 bytes of garbage each otherwise, ~70 MB on a
     * large scan, which raised its peak RSS; docs/performance.md, the one-shot scan, ninth pass).
     */
    private static void findings(Report r, Writer out) throws IOException {
        int wSev = "SEVERITY".length();
        int wRule = "RULE".length();
        int wObj = "OBJECT".length();
        for (Finding f : r.findings()) {
            wSev = Math.max(wSev, label(r, f).length());
            wRule = Math.max(wRule, f.rule().length());
            wObj = Math.max(wObj, Math.min(MAX_OBJECT, f.object().displayLength()));
        }
        StringBuilder block = new StringBuilder(BLOCK + 1_024);
        char[] chars = new char[0];
        row(block, wSev, wRule, wObj, "SEVERITY", "RULE", null, "OBJECT", "TITLE");
        for (Finding f : r.findings()) {
            row(block, wSev, wRule, wObj, label(r, f), f.rule(), f.object(), null, f.title());
            if (block.length() >= BLOCK) {
                chars = write(block, chars, out);
            }
        }
        write(block, chars, out);
    }

    private static final int BLOCK = 8_192;

    /** Writes and empties {@code block} through {@code chars} (grown when too small); returns the array to use again. */
    private static char[] write(StringBuilder block, char[] chars, Writer out) throws IOException {
        int n = block.length();
        char[] c = chars.length >= n ? chars : new char[Math.max(n, BLOCK + 1_024)];
        block.getChars(0, n, c, 0);
        out.write(c, 0, n);
        block.setLength(0);
        return c;
    }

    /**
     * The same text as {@code String.format("%-As  %-Bs  %-Cs  %s%n", ...)}, without a Formatter per line; the object
     * column is {@code object}'s display name (cut at 60 characters), or {@code header} for the header row.
     */
    private static void row(StringBuilder sb, int wSev, int wRule, int wObj, String sev, String rule, ObjectRef object,
                            String header, String title) {
        pad(sb, sev, wSev).append("  ");
        pad(sb, rule, wRule).append("  ");
        if (object == null) {
            pad(sb, header, wObj);
        } else {
            int start = sb.length();
            object.appendDisplay(sb);
            if (sb.length() - start > MAX_OBJECT) {
                sb.setLength(start + MAX_OBJECT - 1);
                sb.append('…');
            }
            for (int i = sb.length() - start; i < wObj; i++) {
                sb.append(' ');
            }
        }
        sb.append("  ").append(title).append(NL);
    }

    private static StringBuilder pad(StringBuilder sb, String s, int width) {
        String v = String.valueOf(s);
        sb.append(v);
        for (int i = v.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    /** "High", "High (system)", plus the acceptance mark when the report has accepted risks. */
    private static String label(Report r, Finding f) {
        String l = LABELS[f.severity().ordinal()][f.system() ? 1 : 0];
        return r.accepted().isEmpty() ? l : l + ReportWriter.acceptedMark(r, f);
    }

    private static final String[][] LABELS = java.util.Arrays.stream(Severity.values())
            .map(s -> new String[] {s.label(), s.label() + " (system)"}).toArray(String[][]::new);
}
