package dev.kustodian.cli;

import dev.kustodian.core.util.Progress;

import java.io.PrintWriter;

/**
 * Progress on stderr, never on stdout, in one of three styles chosen by {@link CliOutput}:
 * <ul>
 *   <li>{@code LINE} (stderr is a terminal): one line rewritten in place ({@code \r}), ended when the work is done;</li>
 *   <li>{@code STEPS} (stderr is a file or pipe): a few lines: the first message, each quarter reached, the end;</li>
 *   <li>{@code ALL} ({@code --verbose}): every message on its own line.</li>
 * </ul>
 * The percentage shown never goes backwards (a loader that discovers more work lowers its fraction). Thread-safe.
 */
final class CliProgress implements Progress {

    enum Style { LINE, STEPS, ALL }

    private static final long LINE_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final Style style;
    private final CliOutput owner;
    private int shownPercent = -1;
    private int nextQuarter = 25;
    private boolean started;
    private long lastLine;

    CliProgress(PrintWriter err, Style style, CliOutput owner) {
        this.err = err;
        this.style = style;
        this.owner = owner;
    }

    @Override
    public void update(double fraction, String message) {
        synchronized (err) {
            int pct = fraction < 0 ? -1 : (int) Math.round(Math.min(1, fraction) * 100);
            if (pct >= 0) {
                pct = Math.max(pct, shownPercent);
            }
            boolean done = pct >= 100;
            String text = (pct >= 0 ? String.format("[%3d%%] ", pct) : (shownPercent >= 0
                    ? String.format("[%3d%%] ", shownPercent) : "[....] ")) + message;
            switch (style) {
                case ALL -> line(text);
                case STEPS -> {
                    if (!started || done && shownPercent < 100 || pct >= nextQuarter && pct < 100) {
                        line(text);
                        while (pct >= nextQuarter) {
                            nextQuarter += 25;
                        }
                    }
                }
                case LINE -> {
                    long now = System.nanoTime();
                    if (done || !started || now - lastLine >= LINE_INTERVAL_NANOS) {
                        lastLine = now;
                        err.print("\r" + text + "\033[K");
                        if (done) {
                            err.println();
                            owner.lineOpen(false);
                        } else {
                            owner.lineOpen(true);
                        }
                        err.flush();
                    }
                }
            }
            started = true;
            if (pct >= 0) {
                shownPercent = pct;
            }
        }
    }

    private void line(String text) {
        err.println(text);
        err.flush();
    }
}
