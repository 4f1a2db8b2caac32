package dev.kustodian.core.util;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timeouts as kubectl writes them ({@code --request-timeout=30s}, {@code 1m30s}, {@code 500ms}, {@code 1h}); a plain
 * number is seconds. Zero, negative or unreadable values are bad input: every deadline here is a real one.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** Longer than any sensible wait; keeps the arithmetic in range. */
    private static final Duration MAX = Duration.ofDays(1);

    private Durations() {
    }

    /** Parses {@code value} of option {@code flag}; throws a bad-input sentence naming the flag. */
    public static Duration parse(String flag, String value) {
        String v = value == null ? "" : value.strip();
        Duration d;
        if (NUMBER.matcher(v).matches()) {
            d = ofSeconds(Double.parseDouble(v));
        } else {
            d = Duration.ZERO;
            Matcher m = PART.matcher(v);
            int end = 0;
            while (m.lookingAt()) {
                double n = Double.parseDouble(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "ms" -> ofSeconds(n / 1000);
                    case "s" -> ofSeconds(n);
                    case "m" -> ofSeconds(n * 60);
                    default -> ofSeconds(n * 3600);
                });
                end = m.end();
                m.region(end, v.length());
            }
            if (end == 0 || end != v.length()) {
                throw UserFacingException.badInput(flag + " '" + value + "' is not a duration: give seconds (30) or"
                        + " a number with a unit like 500ms, 30s, 2m or 1h.");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw UserFacingException.badInput(flag + " must be longer than zero (like 30s or 2m): Kustodian does"
                    + " not wait without a deadline.");
        }
        return d.compareTo(MAX) > 0 ? MAX : d;
    }

    private static Duration ofSeconds(double s) {
        return Duration.ofNanos((long) Math.min(s * 1e9, MAX.toNanos() * 2.0));
    }

    /** "500 ms", "30 s", "1.5 s": how a deadline is shown in messages. */
    public static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
