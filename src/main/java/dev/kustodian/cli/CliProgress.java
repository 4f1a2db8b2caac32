package dev.kustodian.cli;

import dev.kustodian.core.util.Progress;

import java.io.PrintWriter;

/** Progress to stderr, throttled: one line per message change at most every 250 ms, never on stdout. */
final class CliProgress implements Progress {
    private final PrintWriter err;
    private long last;

    CliProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(double fraction, String message) {
        long now = System.nanoTime();
        if (fraction < 1 && now - last < 250_000_000L) {
            return;
        }
        last = now;
        err.println(fraction >= 0 ? String.format("[%3d%%] %s", Math.round(fraction * 100), message) : "[....] " + message);
        err.flush();
    }
}
