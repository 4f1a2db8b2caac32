package dev.kustodian.cli;

import java.io.PrintWriter;
import java.util.List;

/** Plain aligned text tables for CLI output (first row is the header). */
final class Tables {
    private Tables() {
    }

    static void print(PrintWriter out, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i] == null ? 0 : r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String v = r[i] == null ? "" : r[i];
                sb.append(v);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - v.length() + 3));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
