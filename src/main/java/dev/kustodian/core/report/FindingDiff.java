package dev.kustodian.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.findings.Rules;
import dev.kustodian.core.findings.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two scans, by finding id: new findings, resolved ones and how many stayed. Written as a
 * table or as JSON {@code {"new": [...], "resolved": [...], "unchanged": N}} with the finding objects of
 * {@code scan -o json}.
 */
public record FindingDiff(List<Finding> added, List<Finding> resolved, int unchanged) {

    public FindingDiff {
        added = List.copyOf(added);
        resolved = List.copyOf(resolved);
    }

    public static FindingDiff of(List<Finding> before, List<Finding> after) {
        Set<String> old = new HashSet<>();
        before.forEach(f -> old.add(f.id()));
        Set<String> now = new HashSet<>();
        after.forEach(f -> now.add(f.id()));
        List<Finding> added = new ArrayList<>(after.stream().filter(f -> !old.contains(f.id())).toList());
        List<Finding> resolved = new ArrayList<>(before.stream().filter(f -> !now.contains(f.id())).toList());
        added.sort(Rules.ORDER);
        resolved.sort(Rules.ORDER);
        int unchanged = (int) after.stream().filter(f -> old.contains(f.id())).count();
        return new FindingDiff(added, resolved, unchanged);
    }

    /** New findings at least as severe as {@code threshold}. */
    public long newAtLeast(Severity threshold) {
        return added.stream().filter(f -> f.severity().atLeast(threshold)).count();
    }

    /** The diff as JSON; {@code cisBenchmark} (may be null) names the benchmark the findings' CIS ids are in. */
    public void writeJson(Writer out, String cisBenchmark) throws IOException {
        try (JsonGenerator g = ReportWriter.jsonGenerator(out)) {
            g.writeStartObject();
            if (cisBenchmark != null) {
                g.writeStringField("cisBenchmark", cisBenchmark);
            }
            g.writeArrayFieldStart("new");
            for (Finding f : added) {
                JsonReport.finding(g, f, null);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("resolved");
            for (Finding f : resolved) {
                JsonReport.finding(g, f, null);
            }
            g.writeEndArray();
            g.writeNumberField("unchanged", unchanged);
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    public void writeTable(Writer out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        added.forEach(f -> rows.add(row("NEW", f)));
        resolved.forEach(f -> rows.add(row("RESOLVED", f)));
        if (!rows.isEmpty()) {
            rows.add(0, new String[]{"CHANGE", "SEVERITY", "RULE", "OBJECT", "TITLE"});
            int[] w = new int[4];
            for (String[] r : rows) {
                for (int i = 0; i < 4; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            StringBuilder sb = new StringBuilder();
            for (String[] r : rows) {
                sb.setLength(0);
                for (int i = 0; i < 4; i++) {
                    sb.append(r[i]).append(" ".repeat(w[i] - r[i].length() + 2));
                }
                out.write(sb.append(r[4]).append('\n').toString());
            }
            out.write('\n');
        }
        out.write(added.size() + " new, " + resolved.size() + " resolved, " + unchanged + " unchanged\n");
        out.flush();
    }

    private static String[] row(String change, Finding f) {
        return new String[]{change, f.severity().label(), f.rule(), f.object().display(), f.title()};
    }
}
