package dev.kustodian.core.cluster;

import java.time.Duration;

/**
 * How long a load waits on its peers: each API request ({@code --request-timeout}; null keeps the loader's own
 * default of 30 s, connecting at most 10 s) and a kubeconfig exec credential plugin ({@code --exec-timeout}, default
 * {@link #DEFAULT_EXEC}). Immutable and carried by the {@link SourceSpec}, so that several loads in one process (a
 * fleet scan, the GUI's contexts) each have their own.
 */
public record Deadlines(Duration request, Duration exec) {
    /** kubectl waits on a plugin as long as it takes; a minute covers an interactive-less SSO refresh. */
    public static final Duration DEFAULT_EXEC = Duration.ofSeconds(60);
    public static final Deadlines DEFAULTS = new Deadlines(null, DEFAULT_EXEC);

    public Deadlines {
        if (request != null && (request.isNegative() || request.isZero())) {
            throw new IllegalArgumentException("A request timeout must be positive, not " + request + ".");
        }
        exec = exec == null || exec.isNegative() || exec.isZero() ? DEFAULT_EXEC : exec;
    }

    /** The request deadline applied to {@code o}: it replaces the request timeout and caps the connect deadline. */
    LiveLoader.Options apply(LiveLoader.Options o) {
        if (request == null) {
            return o;
        }
        int ms = (int) Math.min(Integer.MAX_VALUE, request.toMillis());
        return new LiveLoader.Options(Math.min(o.connectDeadlineMillis(), ms), ms, o.pageSize(), o.retries(),
                o.backoffMillis(), o.threads());
    }
}
